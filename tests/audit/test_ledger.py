import pytest
from django.core.management import CommandError, call_command
from django.db import connection

import audit
from audit import record
from audit.models import AppendOnlyError, AuditEntry
from audit.services import ChainBroken, verify_chain
from tests.factories import UnitFactory
from tests.seeded import seed_demo_here


@pytest.fixture
def three_entries(db, staff_user):
    unit = UnitFactory(name="Xã Ka Đô")
    return [
        record(staff_user, "unit.created", unit, after={"name": "Xã Ka Đô"}),
        record(staff_user, "unit.renamed", unit, before={"name": "Xã Ka Đô"}, after={"name": "Xã Ka Đô mới"}),
        record(staff_user, "unit.flagged", unit, after={"is_religious_area": True}),
    ]


def test_entries_are_chained_by_hash(three_entries):
    first, second, third = three_entries
    assert first.prev_hash == "0" * 64
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    assert [e.position for e in three_entries] == [1, 2, 3]
    assert first.sequence < second.sequence < third.sequence
    assert {e.chain for e in three_entries} == {f"organiser:{three_entries[0].object_id}"}
    assert first.object_type == "accounts.unit"
    assert second.before == {"name": "Xã Ka Đô"}
    assert verify_chain() == 3


def test_orm_refuses_update_and_delete(three_entries):
    entry = AuditEntry.objects.get(pk=three_entries[0].pk)
    entry.action = "tampered"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="tampered")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == "unit.created"


def test_verify_audit_command_passes_on_intact_chain(three_entries, capsys):
    call_command("verify_audit")
    assert "3 entries verified" in capsys.readouterr().out


def test_verify_audit_names_entry_altered_with_raw_sql(three_entries):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET after = %s WHERE id = %s", ['{"name": "Xã khác"}', three_entries[1].pk])
    with pytest.raises(CommandError, match=rf"entry #{three_entries[1].sequence}: content does not match"):
        call_command("verify_audit")


def test_verify_audit_finds_a_removed_middle_entry(three_entries):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [three_entries[1].pk])
    with pytest.raises(ChainBroken) as broken:
        verify_chain()
    assert broken.value.sequence == three_entries[2].sequence
    assert "position 2 absent before 3" in broken.value.reason


def test_verify_audit_finds_a_removed_last_entry(three_entries):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [three_entries[2].pk])
    with pytest.raises(ChainBroken) as broken:
        verify_chain()
    assert broken.value.sequence == 3
    assert broken.value.reason.startswith("entries after #2 of chain 'organiser:")


def test_verify_audit_passes_on_seeded_database_and_names_the_edited_entry(db):
    seed_demo_here()
    count = AuditEntry.objects.count()
    assert count > 20
    call_command("verify_audit")
    victim = AuditEntry.objects.order_by("sequence")[count // 2]
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET action = %s WHERE id = %s", ["tampered", victim.pk])
    with pytest.raises(CommandError, match=rf"entry #{victim.sequence}:"):
        call_command("verify_audit")


def test_admin_offers_no_change_or_delete(admin_client, three_entries):
    pk = three_entries[0].pk
    response = admin_client.get(f"/admin/audit/auditentry/{pk}/change/")
    assert response.status_code == 200
    assert b'name="_save"' not in response.content
    assert admin_client.post(f"/admin/audit/auditentry/{pk}/delete/", {"post": "yes"}).status_code == 403
    assert AuditEntry.objects.count() == 3


def test_apply_changes_sets_only_what_differs_and_reports_it(unit):
    before, after = audit.apply_changes(unit, {"name": "Xã Ka Đô", "is_religious_area": True})
    assert (before, after) == ({"is_religious_area": False}, {"is_religious_area": True})
    assert unit.is_religious_area is True
