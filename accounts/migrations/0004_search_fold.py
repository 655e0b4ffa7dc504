"""``dvk_fold(text)``, the accent-insensitive form that accounts.search compares and
that trigram indexes are built on (PostgreSQL; SQLite defines it on each connection)."""

from django.db import migrations

from accounts.search import CREATE_ON_POSTGRESQL, DROP_ON_POSTGRESQL


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE_ON_POSTGRESQL:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP_ON_POSTGRESQL:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_vietnamese_collation")]

    operations = [migrations.RunPython(create, drop)]
