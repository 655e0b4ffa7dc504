"""Marking many models recognised at once (the results of a campaign): constant queries,
the latest year kept, the same ledger entries as one by one."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import audit
from audit.models import AuditEntry
from audit.services import verify_chain
from models.models import DvkModel
from models.services import record_recognitions
from tests.factories import DvkModelFactory


def _marked_counting(models, *, year, by) -> tuple[list[DvkModel], int]:
    with CaptureQueriesContext(connection) as queries:
        marked = record_recognitions(models, year=year, by=by)
    return marked, len(queries)


def test_two_or_seven_models_cost_the_same_queries(db, unit, district, staff_user):
    audit.record(staff_user, "unit.created", district)  # the chain exists before either
    two, two_queries = _marked_counting([DvkModelFactory(unit=unit) for _ in range(2)], year=2020, by=staff_user)
    seven, seven_queries = _marked_counting([DvkModelFactory(unit=unit) for _ in range(7)], year=2020, by=staff_user)
    assert two_queries == seven_queries
    assert len(two) == 2 and len(seven) == 7
    assert set(DvkModel.objects.values_list("recognised_in_year", flat=True)) == {2020}
    entries = AuditEntry.objects.filter(action="dvk_model.recognised")
    assert sorted(int(e.object_id) for e in entries) == sorted(m.pk for m in two + seven)
    assert {(repr(e.before), repr(e.after), e.actor_id) for e in entries} == {
        ("{'recognised_in_year': None}", "{'recognised_in_year': 2020}", staff_user.pk)
    }
    assert verify_chain() == AuditEntry.objects.count()


def test_an_earlier_year_never_replaces_a_later_one(db, unit, staff_user):
    later, earlier, unmarked = (DvkModelFactory(unit=unit, recognised_in_year=year) for year in (2021, 2019, None))
    marked = record_recognitions([later, earlier, unmarked], year=2020, by=staff_user)
    assert sorted(m.pk for m in marked) == sorted([earlier.pk, unmarked.pk])
    years = dict(DvkModel.objects.values_list("pk", "recognised_in_year"))
    assert years == {later.pk: 2021, earlier.pk: 2020, unmarked.pk: 2020}
    assert AuditEntry.objects.get(object_id=str(earlier.pk)).before == {"recognised_in_year": 2019}
    assert not AuditEntry.objects.filter(object_id=str(later.pk)).exists()
    assert record_recognitions([later], year=2020, by=staff_user) == []
