"""The ICU collation ``vi_vn`` that ``accounts.collation.by_name`` orders names with on
PostgreSQL (SQLite gets it on each connection, from Python)."""

import django.db.models.functions.comparison
from django.db import migrations, models

from accounts.collation import CREATE_ON_POSTGRESQL, DROP_ON_POSTGRESQL


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_ON_POSTGRESQL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_ON_POSTGRESQL)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_unit_tree_organisers")]

    operations = [
        migrations.RunPython(create, drop),
        migrations.AlterModelOptions(
            name="unit",
            options={
                "ordering": ["kind", models.OrderBy(django.db.models.functions.comparison.Collate(models.F("name"), "vi_vn"))],
                "verbose_name": "đơn vị",
                "verbose_name_plural": "đơn vị",
            },
        ),
    ]
