from django.db import IntegrityError, migrations, transaction

from accounts.text import person_name_key


def recompute_name_keys(apps, schema_editor):
    """Existing nominations get the key of the normalised name. Two live nominations
    that turn out to be one person keep their old keys (staff see both and decide)."""
    MedalNomination = apps.get_model("evaluations", "MedalNomination")
    for nomination in MedalNomination.objects.all().only("pk", "full_name", "name_key"):
        key = person_name_key(nomination.full_name)
        if key == nomination.name_key:
            continue
        try:
            with transaction.atomic():
                MedalNomination.objects.filter(pk=nomination.pk).update(name_key=key)
        except IntegrityError:
            pass


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0001_initial")]

    operations = [migrations.RunPython(recompute_name_keys, migrations.RunPython.noop)]
