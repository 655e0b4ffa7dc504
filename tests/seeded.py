"""The demo seeded once for a whole test module instead of once per test.

``seed_demo`` takes seconds; a module whose tests only read the demo (or change it and
expect the change undone) seeds it once inside a transaction that stays open for the
module. Each test then runs in a savepoint of that transaction (pytest-django's ``db``),
so whatever a test writes is rolled back before the next one, and the seeded demo itself
is rolled back when the module ends: the next module finds the database empty, as ever.
The files the demo stores live in a folder of the module's, kept as every test's
MEDIA_ROOT so that the walk can open them.

Only for modules whose tests all use the ``db`` fixture (not ``transactional_db`` or a
live server). ``make test`` sends each file to one xdist worker (``--dist loadfile``), so
that the module is seeded once; spread over workers it would still be right, seeded once
on each."""

import io
import sys

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings


def demo_seeded_once(prepare=None):
    """A module-scoped fixture yielding the demo's media folder; ``prepare`` (optional)
    runs after the seed, in the same transaction."""

    @pytest.fixture(scope="module")
    def fixture(django_db_setup, django_db_blocker, tmp_path_factory):
        media = tmp_path_factory.mktemp("demo-media")
        settings = override_settings(MEDIA_ROOT=media)
        settings.enable()
        outer = transaction.atomic()
        with django_db_blocker.unblock():
            outer.__enter__()
            try:
                call_command("seed_demo", stdout=io.StringIO())
                if prepare is not None:
                    prepare()
            except BaseException:
                outer.__exit__(*sys.exc_info())
                settings.disable()
                raise
        try:
            yield media
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)
            settings.disable()

    return fixture
