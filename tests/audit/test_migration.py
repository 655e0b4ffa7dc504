"""A ledger written before the key and the per-organiser chains keeps verifying after
the migrations that introduce them."""

import hashlib
import json
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from audit import record
from audit.models import AuditEntry, Scheme
from audit.services import verify_chain

BEFORE = [("audit", "0001_initial")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _old_canonical(sequence, created_at, action, prev_hash):
    return json.dumps(
        {
            "sequence": sequence,
            "created_at": created_at.isoformat(timespec="microseconds"),
            "actor_id": None,
            "actor_name": "",
            "action": action,
            "object_type": "",
            "object_id": "",
            "object_repr": "",
            "before": None,
            "after": {"n": sequence},
            "prev_hash": prev_hash,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )


@pytest.mark.django_db(transaction=True)
def test_entries_of_the_unkeyed_ledger_verify_after_the_migration_and_new_ones_follow_them():
    latest = _migrate_latest_targets()
    old_apps = _migrate(BEFORE)
    try:
        OldEntry, OldHead = old_apps.get_model("audit", "AuditEntry"), old_apps.get_model("audit", "AuditHead")
        previous = "0" * 64
        for sequence in (1, 2, 3):
            created_at = datetime(2026, 11, 1, 8, sequence, tzinfo=UTC)
            digest = hashlib.sha256(_old_canonical(sequence, created_at, "legacy.note", previous).encode()).hexdigest()
            OldEntry.objects.create(
                sequence=sequence, created_at=created_at, action="legacy.note", after={"n": sequence}, prev_hash=previous, hash=digest
            )
            previous = digest
        OldHead.objects.create(pk=1, last_sequence=3, last_hash=previous)
    finally:
        _migrate(latest)
    assert list(AuditEntry.objects.values_list("chain", "position", "scheme")) == [("", 1, 1), ("", 2, 1), ("", 3, 1)]
    assert verify_chain() == 3
    entry = record(None, "system.note", None)
    assert (entry.position, entry.scheme, entry.prev_hash, entry.sequence) == (4, Scheme.HMAC_SHA256, previous, 4)
    assert verify_chain() == 4


def _migrate_latest_targets():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
