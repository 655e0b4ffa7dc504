import json
from datetime import UTC

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from .models import AuditEntry, AuditHead

GENESIS_HASH = "0" * 64


def _plain(value):
    """Turn dates, decimals and lazy strings into the JSON they will be read back as,
    so that the hash is computed over exactly what the database stores."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def record(actor, action: str, obj=None, *, before=None, after=None) -> AuditEntry:
    """Append one entry to the ledger, inside the caller's transaction."""
    with transaction.atomic():
        head, _created = AuditHead.objects.select_for_update().get_or_create(pk=1)
        entry = AuditEntry(
            sequence=head.last_sequence + 1,
            created_at=timezone.now().astimezone(UTC),
            actor=actor if getattr(actor, "pk", None) else None,
            actor_name=getattr(actor, "username", "") or "",
            action=action,
            object_type=f"{obj._meta.app_label}.{obj._meta.model_name}" if obj is not None else "",
            object_id=str(obj.pk) if obj is not None else "",
            object_repr=str(obj)[:300] if obj is not None else "",
            before=_plain(before),
            after=_plain(after),
            prev_hash=head.last_hash,
        )
        entry.hash = entry.compute_hash()
        entry.save()
        AuditHead.objects.filter(pk=1).update(last_sequence=entry.sequence, last_hash=entry.hash)
    return entry


class ChainBroken(Exception):
    def __init__(self, sequence: int, reason: str):
        self.sequence = sequence
        self.reason = reason
        super().__init__(f"#{sequence}: {reason}")


def verify_chain() -> int:
    """Check every entry in order; return how many were checked or raise ChainBroken
    naming the first bad entry."""
    expected_prev = GENESIS_HASH
    expected_sequence = 1
    count = 0
    for entry in AuditEntry.objects.order_by("sequence").iterator(chunk_size=2000):
        if entry.sequence != expected_sequence:
            raise ChainBroken(expected_sequence, f"entry missing (sequence gap before #{entry.sequence})")
        if entry.prev_hash != expected_prev:
            raise ChainBroken(entry.sequence, "previous hash does not match the entry before it")
        if entry.compute_hash() != entry.hash:
            raise ChainBroken(entry.sequence, "content does not match its hash (entry was altered)")
        expected_prev = entry.hash
        expected_sequence += 1
        count += 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and (head.last_sequence != count or head.last_hash != expected_prev):
        raise ChainBroken(count + 1, f"entries after #{count} were removed")
    return count
