"""Trigram indexes on the folded columns the registration search reads (PostgreSQL)."""

from django.db import migrations

from accounts.search import drop_trigram_index_sql, trigram_index_sql

TABLE = "dvk_models_dvkmodel"
COLUMNS = ("name", "person_name", "address")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in COLUMNS:
            schema_editor.execute(trigram_index_sql(TABLE, column))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in COLUMNS:
            schema_editor.execute(drop_trigram_index_sql(TABLE, column))


class Migration(migrations.Migration):
    dependencies = [("dvk_models", "0004_models_in_vietnamese_order"), ("accounts", "0004_search_fold")]

    operations = [migrations.RunPython(create, drop)]
