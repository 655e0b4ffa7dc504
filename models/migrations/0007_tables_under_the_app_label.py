"""The app label became "models" (it was "dvk_models"): tables, indexes and sequences
still named after the former label are renamed. ``migrate`` already does so when it
moves the migration history (models.former_label); this catches a database whose history
was moved by other means. Not undone: the code names the tables after the new label."""

from django.db import migrations

from models.former_label import rename_former_tables


def rename(apps, schema_editor):
    rename_former_tables(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("models", "0006_published_content")]

    operations = [migrations.RunPython(rename, migrations.RunPython.noop)]
