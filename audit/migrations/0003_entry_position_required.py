from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_keyed_chains_per_organiser"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="position",
            field=models.PositiveBigIntegerField(verbose_name="vị trí trong chuỗi"),
        ),
        migrations.AddConstraint(
            model_name="auditentry",
            constraint=models.UniqueConstraint(fields=("chain", "position"), name="audit_entry_chain_position"),
        ),
        migrations.DeleteModel(name="AuditHead"),
    ]
