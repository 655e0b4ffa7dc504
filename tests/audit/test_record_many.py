"""Many entries at once (``audit.record_many``): a constant number of queries, chained
exactly as one ``record`` after another would chain them, on the right chains."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import audit
from audit.chains import key_for
from audit.models import AuditChain, AuditEntry
from audit.services import verify_chain
from models.models import DvkModel
from tests.factories import DvkModelFactory, UnitFactory


def _write_many(actor, units, *, chain=None) -> tuple[list[AuditEntry], int]:
    changes = [audit.Change("unit.flagged", unit, before={"flag": False}, after={"flag": True}) for unit in units]
    with CaptureQueriesContext(connection) as queries:
        entries = audit.record_many(actor, changes, chain=chain)
    return entries, len(queries)


def test_many_entries_cost_the_same_queries_as_a_few_and_the_ledger_verifies(db, staff_user, district):
    audit.record(staff_user, "unit.created", district)
    few, few_queries = _write_many(staff_user, [UnitFactory(parent=district) for _ in range(2)])
    many, many_queries = _write_many(staff_user, [UnitFactory(parent=district) for _ in range(12)])
    assert few_queries == many_queries
    assert [entry.position for entry in few + many] == list(range(2, 16))
    assert all(later.prev_hash == earlier.hash for earlier, later in zip(few + many, (few + many)[1:], strict=False))
    sequences = [entry.sequence for entry in few + many]
    assert sequences == sorted(sequences) and len(set(sequences)) == 14
    head = AuditChain.objects.get(key=key_for(district.pk))
    assert (head.last_position, head.last_hash) == (15, many[-1].hash)
    assert verify_chain() == 15


def test_the_entries_read_back_as_record_would_have_written_them(db, staff_user, district):
    unit = UnitFactory(parent=district, name="Xã Ka Đô")
    (written,) = audit.record_many(
        staff_user, [audit.Change("unit.scored", unit, before=None, after={"score": Decimal("85.50"), "tags": ("a", 1)})]
    )
    stored = AuditEntry.objects.get(pk=written.pk)
    assert (stored.action, stored.object_type, stored.object_id, stored.object_repr) == (
        "unit.scored",
        "accounts.unit",
        str(unit.pk),
        "Xã Ka Đô",
    )
    assert stored.actor == staff_user and stored.actor_name == staff_user.username
    assert stored.before is None and stored.after == {"score": "85.50", "tags": ["a", 1]}
    assert stored.hash == stored.compute_hash() == written.hash


def test_entries_of_two_organisers_go_to_their_own_chains_in_one_call(db, staff_user, district, other_district):
    audit.record(staff_user, "unit.created", district)
    mine, theirs = UnitFactory(parent=district), UnitFactory(parent=other_district)
    entries = audit.record_many(staff_user, [audit.Change("unit.flagged", unit) for unit in (mine, theirs, mine)])
    assert [(entry.chain, entry.position) for entry in entries] == [
        (key_for(district.pk), 2),
        (key_for(other_district.pk), 1),
        (key_for(district.pk), 3),
    ]
    assert entries[2].prev_hash == entries[0].hash
    audit.record(staff_user, "unit.renamed", theirs)
    assert verify_chain() == 5


def _recognised(actor, models, *, chain=None) -> int:
    changes = [audit.Change("dvk_model.recognised", model) for model in models]
    with CaptureQueriesContext(connection) as queries:
        audit.record_many(actor, changes, chain=chain)
    return len(queries)


def test_a_chain_given_by_the_caller_spares_a_query_per_object_not_loaded(db, staff_user, district, unit):
    audit.record(staff_user, "unit.created", district)
    made = [DvkModelFactory(unit=unit).pk for _ in range(4)]
    # Without its unit loaded, each model's chain costs a query.
    bare = list(DvkModel.objects.filter(pk__in=made).order_by("pk"))
    one, three = _recognised(staff_user, bare[:1]), _recognised(staff_user, bare[1:])
    assert three == one + 2
    key = key_for(district.pk)
    bare = list(DvkModel.objects.filter(pk__in=made).order_by("pk"))
    assert _recognised(staff_user, bare[:1], chain=key) == _recognised(staff_user, bare[1:], chain=key) == one - 1
    assert set(AuditEntry.objects.values_list("chain", flat=True)) == {key}
    assert verify_chain() == 9


def test_nothing_to_write_writes_nothing(db, staff_user, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert audit.record_many(staff_user, []) == []
