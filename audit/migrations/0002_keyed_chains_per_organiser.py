"""The ledger keyed and split by organiser: every existing entry stays, unchanged and
verifiable, as the history of the instance chain ("", scheme 1: plain SHA-256); new
entries are sealed with the settings' key in their organiser's chain."""

from django.db import migrations, models

SEQUENCE = "audit_entry_sequence"


def existing_entries_form_the_instance_chain(apps, schema_editor):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    AuditHead = apps.get_model("audit", "AuditHead")
    AuditChain = apps.get_model("audit", "AuditChain")
    AuditEntry.objects.update(position=models.F("sequence"))
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None:
        AuditChain.objects.create(key="", last_position=head.last_sequence, last_hash=head.last_hash)
    if schema_editor.connection.vendor == "postgresql":
        last = AuditEntry.objects.aggregate(last=models.Max("sequence"))["last"] or 0
        schema_editor.execute(f"CREATE SEQUENCE IF NOT EXISTS {SEQUENCE} AS bigint START WITH 1")
        if last:
            schema_editor.execute("SELECT setval(%s, %s)", [SEQUENCE, last])


def back_to_one_chain(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP SEQUENCE IF EXISTS {SEQUENCE}")


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditChain",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(blank=True, max_length=40, unique=True)),
                ("last_position", models.PositiveBigIntegerField(default=0)),
                ("last_hash", models.CharField(default="0000000000000000000000000000000000000000000000000000000000000000", max_length=64)),
            ],
            options={
                "verbose_name": "đầu chuỗi nhật ký",
                "verbose_name_plural": "đầu chuỗi nhật ký",
            },
        ),
        migrations.CreateModel(
            name="AuditCheckpoint",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("chain", models.CharField(blank=True, max_length=40, verbose_name="chuỗi")),
                ("position", models.PositiveBigIntegerField(verbose_name="vị trí trong chuỗi")),
                ("hash", models.CharField(max_length=64, verbose_name="mã băm")),
                ("created_at", models.DateTimeField(verbose_name="thời điểm")),
                ("recipients", models.JSONField(blank=True, default=list, verbose_name="đã gửi tới")),
                ("mac", models.CharField(max_length=64)),
            ],
            options={
                "verbose_name": "mốc nhật ký",
                "verbose_name_plural": "mốc nhật ký",
                "ordering": ["chain", "position"],
            },
        ),
        migrations.AddField(
            model_name="auditentry",
            name="chain",
            field=models.CharField(blank=True, default="", max_length=40, verbose_name="chuỗi"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="position",
            field=models.PositiveBigIntegerField(null=True, verbose_name="vị trí trong chuỗi"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="scheme",
            field=models.PositiveSmallIntegerField(
                choices=[(1, "SHA-256"), (2, "HMAC-SHA-256")], default=1, verbose_name="cách niêm phong"
            ),
        ),
        migrations.RunPython(existing_entries_form_the_instance_chain, back_to_one_chain),
    ]
