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
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test.utils import override_settings


def demo_seeded_once(prepare=None, *, copy=True):
    """A module-scoped fixture yielding the demo's media folder; ``prepare`` (optional)
    runs after the seed, in the same transaction. ``copy=False`` runs seed_demo itself
    even where a copy of an earlier run would do (for the tests of the seed)."""

    @pytest.fixture(scope="module")
    def fixture(django_db_setup, django_db_blocker, tmp_path_factory):
        media = tmp_path_factory.mktemp("demo-media")
        settings = override_settings(MEDIA_ROOT=media)
        settings.enable()
        outer = transaction.atomic()
        with django_db_blocker.unblock():
            outer.__enter__()
            try:
                if copy:
                    seed_demo_here(media)
                else:
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
            ContentType.objects.clear_cache()
            settings.disable()

    return fixture


# Seeding the demo once per test process -------------------------------------------------
#
# seed_demo writes some 8,600 rows through the services (seconds of Python and of
# PostgreSQL). The first module of a test process that needs the demo runs it and keeps a
# copy of every table it leaves with rows (the content types and permissions migrate
# wrote included, since a transactional test's flush makes those again under new ids)
# and of the files it stored; every later module gets the same rows by COPY, in its own
# transaction, in a fraction of the time. On PostgreSQL, and only into a database that
# holds nothing but what migrate writes; otherwise the module seeds.

_snapshot: dict | None = None


def _tables_with_rows() -> set[str]:
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join(f"SELECT %s WHERE EXISTS (SELECT 1 FROM {connection.ops.quote_name(t)})" for t in tables), tables
        )
        return {row[0] for row in cursor.fetchall()}


def _take(tables: set[str], base: set[str], media: Path) -> dict:
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(tables):
            buffer = io.StringIO()
            cursor.copy_expert(f"COPY {connection.ops.quote_name(table)} TO STDOUT", buffer)
            rows[table] = buffer.getvalue()
    files = Path(tempfile.mkdtemp(prefix="dvk-demo-media-"))
    if media.exists():
        shutil.copytree(media, files, dirs_exist_ok=True)
    return {"rows": rows, "files": files, "base": base}


def _restore(snapshot: dict, media: Path) -> None:
    tables = set(snapshot["rows"])
    # One transaction: the foreign keys are checked at its end, whatever the order of the tables.
    with transaction.atomic(), connection.cursor() as cursor:
        for table in sorted(snapshot["base"]):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
        for table, data in snapshot["rows"].items():
            cursor.copy_expert(f"COPY {connection.ops.quote_name(table)} FROM STDIN", io.StringIO(data))
        models = [model for model in apps.get_models(include_auto_created=True) if model._meta.db_table in tables]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
        if "audit_auditentry" in tables:
            # The ledger's order across chains (audit.services.SEQUENCE_NAME) goes on after the copy.
            cursor.execute("SELECT setval('audit_entry_sequence', GREATEST((SELECT max(sequence) FROM audit_auditentry), 1))")
    ContentType.objects.clear_cache()
    shutil.copytree(snapshot["files"], media, dirs_exist_ok=True)


def seed_demo_here(media: Path | None = None) -> None:
    """The demo in the current database (inside the caller's transaction, or committed
    when there is none) and its files in ``media`` (MEDIA_ROOT when not given)."""
    global _snapshot
    media = Path(media or settings.MEDIA_ROOT)
    if connection.vendor != "postgresql":
        call_command("seed_demo", stdout=io.StringIO())
        return
    base = _tables_with_rows()
    if _snapshot is not None and _snapshot["base"] == base:
        _restore(_snapshot, media)
        return
    call_command("seed_demo", stdout=io.StringIO())
    if _snapshot is None and base <= {ContentType._meta.db_table, Permission._meta.db_table}:
        _snapshot = _take(_tables_with_rows(), base, media)
