"""Trigram indexes on the folded columns the registration search reads (PostgreSQL)."""

from django.db import migrations

from accounts.search import drop_trigram_index_sql, trigram_index_sql

COLUMNS = ("name", "person_name", "address")


def _table(apps) -> str:
    # Named after the app label, which changed (migration 0007).
    return apps.get_model("models", "DvkModel")._meta.db_table


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in COLUMNS:
            schema_editor.execute(trigram_index_sql(_table(apps), column))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in COLUMNS:
            schema_editor.execute(drop_trigram_index_sql(_table(apps), column))


class Migration(migrations.Migration):
    dependencies = [("models", "0004_models_in_vietnamese_order"), ("accounts", "0004_search_fold")]

    operations = [migrations.RunPython(create, drop)]
