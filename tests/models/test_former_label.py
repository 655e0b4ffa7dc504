"""A database migrated while the catalogue's app label was "dvk_models" upgrades with a
plain ``manage.py migrate``: its history, content types (so permissions and admin log
entries), tables and their indexes move to "models", and nothing is lost."""

import os
import subprocess
import sys
from contextlib import contextmanager

import psycopg2
import pytest
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import get_commands
from django.db import connection

from accounts.models import User
from models.former_label import adopt_former_label
from models.models import DvkModel
from tests.factories import DvkModelFactory, UserFactory


def test_the_migrate_that_runs_is_the_one_that_moves_the_former_label():
    assert get_commands()["migrate"] == "models"


def test_a_database_created_under_the_new_label_is_left_alone(db, django_assert_num_queries):
    with django_assert_num_queries(2):  # the table list, the labels in the history
        assert adopt_former_label(connection) is False


def _server():
    db = connection.settings_dict
    return psycopg2.connect(
        dbname="postgres",
        user=db["USER"],
        password=db["PASSWORD"] or None,
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
    )


def _database_url(name: str) -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


@contextmanager
def _scratch_copy_of_the_test_database(name: str):
    """A copy of the (migrated, empty) test database that the default connection points
    at meanwhile, so that the ORM writes and reads there, committed."""
    test_database = connection.settings_dict["NAME"]
    connection.close()
    server = _server()
    server.autocommit = True
    try:
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            # A copy needs the source without sessions: idle connections that earlier
            # tests of this worker left behind (threads that ended) are closed first.
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid() AND state = 'idle'",
                [test_database],
            )
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{test_database}"')
        connection.settings_dict["NAME"] = name
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = test_database
        ContentType.objects.clear_cache()
        with server.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.close()


def _as_before_the_label_changed():
    """What a database migrated under the former label holds: the table and every index
    and sequence named after it, the history and the content type under "dvk_models"."""
    with connection.cursor() as cursor:
        cursor.execute(
            r"""SELECT relname, relkind FROM pg_class WHERE relname LIKE 'models\_dvkmodel%' AND relkind IN ('i', 'S')"""
        )
        renames = [(kind, name, "dvk_" + name) for name, kind in cursor.fetchall()]
        cursor.execute("ALTER TABLE models_dvkmodel RENAME TO dvk_models_dvkmodel")
        for kind, name, former in renames:
            cursor.execute(f"ALTER {'INDEX' if kind == 'i' else 'SEQUENCE'} {name} RENAME TO {former}")
        cursor.execute("UPDATE django_migrations SET app = 'dvk_models' WHERE app = 'models'")
        cursor.execute("UPDATE django_content_type SET app_label = 'dvk_models' WHERE app_label = 'models'")
        cursor.execute("DELETE FROM django_migrations WHERE app = 'dvk_models' AND name = '0007_tables_under_the_app_label'")
    return {name for _, name, _ in renames}


def _migrate(name: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": _database_url(name)}
    return subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "--skip-checks"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _relations_named(prefix: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname FROM pg_class WHERE starts_with(relname, %s)", [prefix])
        return {name for (name,) in cursor.fetchall()}


# Not in a transaction: the test database is copied, which needs it without a session.
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_migrate_moves_a_database_of_the_former_label_with_its_rows_and_permissions():
    scratch = f"{connection.settings_dict['NAME']}_former_label"
    with _scratch_copy_of_the_test_database(scratch):
        model = DvkModelFactory(name="Dân vận khéo Ka Đô")
        user = UserFactory()
        content_type = ContentType.objects.get_for_model(DvkModel)
        user.user_permissions.add(Permission.objects.get(content_type=content_type, codename="change_dvkmodel"))
        LogEntry.objects.create(
            user=user, content_type=content_type, object_id=str(model.pk), object_repr=model.name, action_flag=CHANGE
        )
        permissions = Permission.objects.count()
        renamed = _as_before_the_label_changed()

        upgrade = _migrate(scratch)

        assert upgrade.returncode == 0, upgrade.stdout + upgrade.stderr
        assert "Moved the migration history, content types and tables of 'dvk_models' to 'models'." in upgrade.stdout
        assert "Applying models.0007_tables_under_the_app_label... OK" in upgrade.stdout
        ContentType.objects.clear_cache()
        assert DvkModel.objects.get(pk=model.pk).name == "Dân vận khéo Ka Đô"
        assert User.objects.get(pk=user.pk).has_perm("models.change_dvkmodel")
        assert LogEntry.objects.get(object_id=str(model.pk)).get_edited_object() == model
        assert Permission.objects.count() == permissions
        assert not ContentType.objects.filter(app_label="dvk_models").exists()
        assert _relations_named("dvk_models") == set()
        assert _relations_named("models_dvkmodel") == {name.removeprefix("dvk_") for name in renamed} | {"models_dvkmodel"}
        assert {"models_dvkmodel_name_fold_trgm", "models_dvkmodel_pkey", "models_dvkmodel_id_seq"} <= _relations_named("models_")

        again = _migrate(scratch)

        assert again.returncode == 0, again.stdout + again.stderr
        assert "No migrations to apply." in again.stdout
        assert "Moved" not in again.stdout
