"""The ledger is evidence: entries sealed with a key kept in the settings, checkpoints
of each chain's head outside the chain, and the history written before the key."""

import hashlib
import hmac

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection

from audit import record
from audit.checks import audit_key_is_set
from audit.models import AuditChain, AuditCheckpoint, AuditEntry, Scheme
from audit.services import ChainBroken, verify_chain
from tests.factories import MembershipFactory, UnitFactory, UserFactory

ATTACKERS_KEY = b"a key the attacker made up"


@pytest.fixture
def entries(db, staff_user, district):
    return [record(staff_user, "unit.renamed", district, after={"name": f"Tên {n}"}) for n in range(1, 5)]


def _rewrite(entry_id: int, *, key: bytes | None, **changes):
    """What someone with write access to the table, but not the settings, can do: change
    an entry, then recompute its seal and every later seal of its chain with what they
    have (a key of their own, or a plain SHA-256 posing as the old scheme), and move the
    head to the new last hash."""
    entry = AuditEntry.objects.get(pk=entry_id)
    later = list(AuditEntry.objects.filter(chain=entry.chain, position__gte=entry.position).order_by("position"))
    prev_hash = AuditEntry.objects.filter(chain=entry.chain, position=entry.position - 1).values_list("hash", flat=True).first()
    prev_hash = prev_hash or "0" * 64
    for index, current in enumerate(later):
        if index == 0:
            for name, value in changes.items():
                setattr(current, name, value)
        if key is None:
            current.scheme = Scheme.SHA256
        current.prev_hash = prev_hash
        text = current.canonical()
        digest = hashlib.sha256(text.encode()).hexdigest() if key is None else hmac.new(key, text.encode(), hashlib.sha256).hexdigest()
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE audit_auditentry SET action = %s, scheme = %s, prev_hash = %s, hash = %s WHERE id = %s",
                [current.action, current.scheme, prev_hash, digest, current.pk],
            )
        prev_hash = digest
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditchain SET last_hash = %s WHERE key = %s", [prev_hash, entry.chain])


def test_entries_are_sealed_with_the_key_from_the_settings(entries, settings):
    assert {entry.scheme for entry in entries} == {Scheme.HMAC_SHA256}
    expected = hmac.new(settings.AUDIT_HMAC_KEY.encode(), entries[0].canonical().encode(), hashlib.sha256).hexdigest()
    assert entries[0].hash == expected
    assert verify_chain() == 4


def test_an_entry_edited_and_resealed_without_the_key_is_found(entries):
    _rewrite(entries[1].pk, key=ATTACKERS_KEY, action="unit.deleted")
    with pytest.raises(CommandError, match=rf"entry #{entries[1].sequence}: content does not match its hash"):
        call_command("verify_audit")


def test_an_entry_edited_and_rehashed_as_the_unkeyed_scheme_is_found(entries):
    _rewrite(entries[1].pk, key=None, action="unit.deleted")
    with pytest.raises(ChainBroken) as broken:
        verify_chain()
    assert (broken.value.sequence, broken.value.reason) == (entries[1].sequence, "unkeyed entry where only keyed ones may stand")


def test_the_same_edit_resealed_with_the_right_key_would_pass(entries, settings):
    # The control of the two tests above: only the key makes the difference.
    _rewrite(entries[1].pk, key=settings.AUDIT_HMAC_KEY.encode(), action="unit.deleted")
    assert verify_chain() == 4


def _cut_tail(chain: str, keep: int):
    last = AuditEntry.objects.get(chain=chain, position=keep)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE chain = %s AND position > %s", [chain, keep])
        cursor.execute("UPDATE audit_auditchain SET last_position = %s, last_hash = %s WHERE key = %s", [keep, last.hash, chain])


def test_a_cut_tail_with_the_head_moved_back_is_found_against_the_last_checkpoint(entries, capsys):
    call_command("checkpoint_audit")
    record(None, "system.note", entries[0], after={"after_checkpoint": True})
    _cut_tail(entries[0].chain, keep=2)
    with pytest.raises(CommandError) as error:
        call_command("verify_audit")
    assert "entries after #2 of chain 'organiser:" in str(error.value)
    assert "names #4" in str(error.value)


def test_without_a_checkpoint_a_cut_tail_cannot_be_told_from_a_shorter_ledger(entries):
    # Why checkpoints exist: the chain alone stays consistent when its end is cut.
    _cut_tail(entries[0].chain, keep=2)
    assert verify_chain() == 2


def test_a_checkpoint_moved_back_with_the_tail_is_found_as_forged(entries):
    call_command("checkpoint_audit")
    _cut_tail(entries[0].chain, keep=2)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditcheckpoint SET position = 2, hash = %s", [entries[1].hash])
    with pytest.raises(ChainBroken, match="is forged"):
        verify_chain()


def test_a_chain_rewritten_under_its_checkpoint_differs_from_it(entries, settings):
    call_command("checkpoint_audit")
    # Even with the key, rewriting history the board head was sent shows.
    _rewrite(entries[1].pk, key=settings.AUDIT_HMAC_KEY.encode(), action="unit.deleted")
    with pytest.raises(ChainBroken, match="differs from its checkpoint"):
        verify_chain()


def test_checkpoints_are_mailed_to_the_organisers_board_head_once_per_new_head(entries, board_head, district, capsys):
    board_head.email = "truongban@dondương.gov.vn"
    board_head.save()
    other_head = UserFactory(email="truongban@laclam.gov.vn")
    MembershipFactory(user=other_head, unit=UnitFactory(kind="district"), role="board_head")
    call_command("checkpoint_audit")
    checkpoint = AuditCheckpoint.objects.get(chain=f"organiser:{district.pk}")
    assert (checkpoint.position, checkpoint.hash, checkpoint.recipients) == (4, entries[-1].hash, [board_head.email])
    [message] = [m for m in mail.outbox if board_head.email in m.to]
    assert message.to == [board_head.email]
    assert entries[-1].hash in message.body
    assert "Vị trí: 4" in message.body
    assert district.name in message.subject
    assert f"organiser:{district.pk} #4 {entries[-1].hash} → {board_head.email}" in capsys.readouterr().out
    # Nothing moved: no new checkpoint, no new mail.
    sent = len(mail.outbox)
    call_command("checkpoint_audit")
    assert AuditCheckpoint.objects.filter(chain=f"organiser:{district.pk}").count() == 1
    assert len(mail.outbox) == sent


def test_the_instance_chain_checkpoint_goes_to_superusers(db):
    admin = UserFactory(is_superuser=True, email="quantri@example.gov.vn")
    record(None, "system.note", None, after={"n": 1})
    call_command("checkpoint_audit")
    assert AuditCheckpoint.objects.get(chain="").recipients == [admin.email]


def test_history_written_before_the_key_still_verifies_and_is_sealed_by_the_first_keyed_entry(db, settings):
    # Entries as the unkeyed ledger wrote them (scheme 1, the instance chain, head row).
    previous = "0" * 64
    for position in (1, 2):
        entry = AuditEntry(
            sequence=position, chain="", position=position, scheme=Scheme.SHA256, created_at=_now(),
            action="legacy.note", after={"n": position}, prev_hash=previous,
        )
        entry.hash = entry.compute_hash()
        entry.save()
        previous = entry.hash
    AuditChain.objects.create(key="", last_position=2, last_hash=previous)
    keyed = record(None, "system.note", None)
    assert (keyed.position, keyed.scheme, keyed.prev_hash) == (3, Scheme.HMAC_SHA256, previous)
    assert verify_chain() == 3
    # Rewriting the unkeyed history consistently breaks the link the keyed entry sealed.
    first = AuditEntry.objects.get(chain="", position=1)
    first.after = {"n": 99}
    resealed = first.compute_hash()
    second = AuditEntry.objects.get(chain="", position=2)
    second.prev_hash = resealed
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET after = %s, hash = %s WHERE id = %s", ['{"n": 99}', resealed, first.pk])
        cursor.execute("UPDATE audit_auditentry SET prev_hash = %s, hash = %s WHERE id = %s", [resealed, second.compute_hash(), second.pk])
    with pytest.raises(ChainBroken) as broken:
        verify_chain()
    assert (broken.value.sequence, broken.value.reason) == (keyed.sequence, "previous hash does not match the entry before it")


def _now():
    from datetime import UTC

    from django.utils import timezone

    return timezone.now().astimezone(UTC)


def test_deploy_check_warns_when_the_key_is_derived_from_secret_key(settings):
    settings.DEBUG = False
    settings.AUDIT_HMAC_KEY_DERIVED = True
    [warning] = audit_key_is_set(None)
    assert warning.id == "dvk.W010"
    settings.AUDIT_HMAC_KEY_DERIVED = False
    assert audit_key_is_set(None) == []


def test_a_different_key_in_the_settings_fails_every_sealed_entry(entries, settings):
    settings.AUDIT_HMAC_KEY = "another key"
    with pytest.raises(ChainBroken, match="content does not match its hash"):
        verify_chain()
