"""Trigram indexes on the folded texts the registration search reads (PostgreSQL), and
the list's campaign-and-status index."""

from django.db import migrations, models

from accounts.search import drop_trigram_index_sql, trigram_index_sql

TABLE = "registrations_registration"
COLUMNS = ("situation", "objectives", "content_and_method", "area_and_target", "expected_outputs")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in COLUMNS:
            schema_editor.execute(trigram_index_sql(TABLE, column))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in COLUMNS:
            schema_editor.execute(drop_trigram_index_sql(TABLE, column))


class Migration(migrations.Migration):
    dependencies = [("registrations", "0003_registrations_in_vietnamese_order"), ("accounts", "0004_search_fold")]

    operations = [
        migrations.RunPython(create, drop),
        migrations.AddIndex(
            model_name="registration",
            index=models.Index(fields=["campaign", "status"], name="registration_campaign_status"),
        ),
    ]
