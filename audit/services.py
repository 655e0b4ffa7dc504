import json
from collections.abc import Iterable
from datetime import UTC

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from . import Change
from .chains import chain_for
from .models import AuditChain, AuditCheckpoint, AuditEntry, Scheme

GENESIS_HASH = "0" * 64
# PostgreSQL hands out the cross-chain order without a lock (created by migration 0002).
SEQUENCE_NAME = "audit_entry_sequence"


_AS_READ_BACK = (str, int, bool, float, type(None))


def _plain(value):
    """Turn dates, decimals and lazy strings into the JSON they will be read back as,
    so that the hash is computed over exactly what the database stores. What already is
    (strings, numbers, in dicts with string keys and lists) is copied as it is: a ledger
    written in bulk would otherwise spend its time encoding and decoding them."""
    if type(value) in _AS_READ_BACK:
        return value
    if type(value) is dict and all(type(key) is str for key in value):
        return {key: _plain(item) for key, item in value.items()}
    if type(value) is list:
        return [_plain(item) for item in value]
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))


def _next_sequence() -> int:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(%s)", [SEQUENCE_NAME])
            return cursor.fetchone()[0]
    # SQLite (the demo) serialises every write anyway.
    return (AuditEntry.objects.aggregate(last=Max("sequence"))["last"] or 0) + 1


def _sequences(count: int) -> list[int]:
    """``count`` values of the cross-chain order, in one query."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [SEQUENCE_NAME, count])
            return sorted(row[0] for row in cursor.fetchall())
    last = AuditEntry.objects.aggregate(last=Max("sequence"))["last"] or 0
    return list(range(last + 1, last + count + 1))


def _locked_chain(key: str) -> AuditChain:
    chain = AuditChain.objects.select_for_update().filter(key=key).first()
    if chain is None:
        # Two first writers of a new chain: the loser of the insert waits, then reads it.
        AuditChain.objects.bulk_create([AuditChain(key=key)], ignore_conflicts=True)
        chain = AuditChain.objects.select_for_update().get(key=key)
    return chain


def _locked_chains(keys: list[str]) -> dict[str, AuditChain]:
    """The heads of ``keys``, locked in one query (in key order, as every writer of
    several chains takes them, so that two such writers cannot deadlock)."""
    keys = sorted(set(keys))

    def lock():
        return {chain.key: chain for chain in AuditChain.objects.select_for_update().filter(key__in=keys).order_by("key")}

    chains = lock()
    if len(chains) < len(keys):
        AuditChain.objects.bulk_create([AuditChain(key=key) for key in keys if key not in chains], ignore_conflicts=True)
        chains = lock()
    return chains


def _unsaved_entry(actor, action: str, obj, *, before, after, **fields) -> AuditEntry:
    return AuditEntry(
        scheme=Scheme.HMAC_SHA256,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=getattr(actor, "username", "") or "",
        action=action,
        object_type=f"{obj._meta.app_label}.{obj._meta.model_name}" if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        before=_plain(before),
        after=_plain(after),
        **fields,
    )


def record(actor, action: str, obj=None, *, before=None, after=None) -> AuditEntry:
    """Append one entry to the chain of the organiser ``obj`` belongs to, inside the
    caller's transaction. Only that chain's head is locked: other organisers' writes
    go on meanwhile. No savepoint of its own: an entry that cannot be written undoes
    the whole change it records, never only itself."""
    key = chain_for(obj, actor)
    with transaction.atomic(savepoint=False):
        chain = _locked_chain(key)
        entry = _unsaved_entry(
            actor,
            action,
            obj,
            before=before,
            after=after,
            sequence=_next_sequence(),
            chain=key,
            position=chain.last_position + 1,
            created_at=timezone.now().astimezone(UTC),
            prev_hash=chain.last_hash,
        )
        entry.hash = entry.compute_hash()
        entry.save()
        AuditChain.objects.filter(pk=chain.pk).update(last_position=entry.position, last_hash=entry.hash)
    return entry


def record_many(actor, changes: Iterable[Change], *, chain: str | None = None) -> list[AuditEntry]:
    """Append one entry per change, in the order given, inside the caller's transaction,
    in a number of queries that does not grow with the changes: the heads of the chains
    they belong to are locked once, the sequence numbers taken in one query, the hashes
    computed here one after the other (each on the previous one of its chain), the
    entries inserted together and the heads moved once.

    Each change goes to the chain of the organiser its object belongs to, found from
    what the object has loaded (a registration with its campaign, a model with its
    unit: no query), else at the cost of a query per object. ``chain`` (a key of
    ``audit.chains``) puts every change on that chain instead, for a caller that knows
    they share one, such as the registrations of one campaign."""
    changes = list(changes)
    if not changes:
        return []
    keys = [chain if chain is not None else chain_for(change.obj, actor) for change in changes]
    with transaction.atomic(savepoint=False):
        heads = _locked_chains(keys)
        positions = {key: head.last_position for key, head in heads.items()}
        hashes = {key: head.last_hash for key, head in heads.items()}
        created_at = timezone.now().astimezone(UTC)
        entries = []
        for change, key, sequence in zip(changes, keys, _sequences(len(changes)), strict=True):
            positions[key] += 1
            entry = _unsaved_entry(
                actor,
                change.action,
                change.obj,
                before=change.before,
                after=change.after,
                sequence=sequence,
                chain=key,
                position=positions[key],
                created_at=created_at,
                prev_hash=hashes[key],
            )
            entry.hash = hashes[key] = entry.compute_hash()
            entries.append(entry)
        AuditEntry.objects.bulk_create(entries, batch_size=1000)
        for key, head in heads.items():
            head.last_position, head.last_hash = positions[key], hashes[key]
        AuditChain.objects.bulk_update(heads.values(), ["last_position", "last_hash"])
    return entries


def head_of(key: str) -> str:
    """The hash at the head of one chain ("" while it is empty)."""
    return AuditChain.objects.filter(key=key, last_position__gt=0).values_list("last_hash", flat=True).first() or ""


# Checkpoints ------------------------------------------------------------------------


def record_checkpoints() -> list[AuditCheckpoint]:
    """Write down the head of every chain that moved since its last checkpoint."""
    latest = {}
    for checkpoint in AuditCheckpoint.objects.order_by("chain", "position"):
        latest[checkpoint.chain] = checkpoint.position
    now = timezone.now().astimezone(UTC)
    made = []
    for chain in AuditChain.objects.filter(last_position__gt=0).order_by("key"):
        if latest.get(chain.key) == chain.last_position:
            continue
        checkpoint = AuditCheckpoint(chain=chain.key, position=chain.last_position, hash=chain.last_hash, created_at=now)
        checkpoint.mac = checkpoint.compute_mac()
        checkpoint.save()
        made.append(checkpoint)
    return made


# Verification -----------------------------------------------------------------------


class ChainBroken(Exception):
    """The first thing wrong with the ledger. ``sequence`` names the entry where it
    shows (or the chain position, when the entry itself is gone)."""

    def __init__(self, sequence: int, reason: str, *, chain: str = ""):
        self.sequence = sequence
        self.reason = reason
        self.chain = chain
        super().__init__(f"#{sequence}: {reason}")


def _chain_label(key: str) -> str:
    return f"chain {key!r}" if key else "the instance chain"


class _ChainWalk:
    """The state of checking one chain, entry after entry (nothing is kept in memory)."""

    def __init__(self, key: str, checkpoint: AuditCheckpoint | None):
        self.key, self.checkpoint = key, checkpoint
        self.length, self.last_hash, self.keyed, self.hash_at_checkpoint = 0, GENESIS_HASH, False, None

    def step(self, entry: AuditEntry) -> None:
        label = _chain_label(self.key)
        if entry.position != self.length + 1:
            reason = f"entry missing in {label} (position {self.length + 1} absent before {entry.position})"
            raise ChainBroken(entry.sequence, reason, chain=self.key)
        if entry.prev_hash != self.last_hash:
            raise ChainBroken(entry.sequence, "previous hash does not match the entry before it", chain=self.key)
        if entry.scheme == Scheme.SHA256 and (self.keyed or self.key):
            # Unkeyed entries exist only as the instance chain's history before the key.
            raise ChainBroken(entry.sequence, "unkeyed entry where only keyed ones may stand", chain=self.key)
        if entry.compute_hash() != entry.hash:
            raise ChainBroken(entry.sequence, "content does not match its hash (entry was altered)", chain=self.key)
        self.keyed = self.keyed or entry.scheme == Scheme.HMAC_SHA256
        self.length, self.last_hash = entry.position, entry.hash
        if self.checkpoint is not None and entry.position == self.checkpoint.position:
            self.hash_at_checkpoint = entry.hash

    def finish(self, head: AuditChain | None) -> None:
        label = _chain_label(self.key)
        if head is not None and (head.last_position != self.length or head.last_hash != self.last_hash):
            raise ChainBroken(self.length + 1, f"entries after #{self.length} of {label} were removed", chain=self.key)
        checkpoint = self.checkpoint
        if checkpoint is None:
            return
        when = timezone.localtime(checkpoint.created_at).strftime("%d/%m/%Y %H:%M")
        if self.length < checkpoint.position:
            reason = f"entries after #{self.length} of {label} were removed: the checkpoint of {when} names #{checkpoint.position}"
            raise ChainBroken(self.length + 1, reason, chain=self.key)
        if self.hash_at_checkpoint != checkpoint.hash:
            raise ChainBroken(checkpoint.position, f"{label} differs from its checkpoint of {when}", chain=self.key)


def verify_chain() -> int:
    """Check every chain in order, against its head and its last checkpoint; return
    how many entries were checked or raise ChainBroken naming the first bad one."""
    checkpoints = {}
    for checkpoint in AuditCheckpoint.objects.order_by("chain", "position"):
        if checkpoint.compute_mac() != checkpoint.mac:
            label = _chain_label(checkpoint.chain)
            raise ChainBroken(checkpoint.position, f"the checkpoint of {label} at #{checkpoint.position} is forged", chain=checkpoint.chain)
        checkpoints[checkpoint.chain] = checkpoint
    heads = {chain.key: chain for chain in AuditChain.objects.all()}
    walks: dict[str, _ChainWalk] = {}
    walk = None
    for entry in AuditEntry.objects.order_by("chain", "position").iterator(chunk_size=2000):
        if walk is None or walk.key != entry.chain:
            walk = walks[entry.chain] = _ChainWalk(entry.chain, checkpoints.get(entry.chain))
        walk.step(entry)
    for key in sorted(set(walks) | set(heads) | set(checkpoints)):
        walks.get(key, _ChainWalk(key, checkpoints.get(key))).finish(heads.get(key))
    return sum(walk.length for walk in walks.values())
