"""Two submissions of the same scoresheet at the same moment leave one consistent sheet,
never a mix of both (PostgreSQL: real row locks, two connections)."""

import threading

import pytest
from django.db import connection

from audit.models import AuditEntry
from evaluations import services
from evaluations.models import Assignment, Score, Scoresheet
from tests.evaluations.conftest import FULL_MODEL, GOOD_MODEL, fill, points_for

pytestmark = pytest.mark.postgres


def submit_in_thread(assignment, points, version, user, barrier, outcomes):
    try:
        barrier.wait(timeout=10)
        services.submit_scoresheet(assignment, points=points, version=version, by=user)
        outcomes.append("submitted")
    except services.AppraisalError as error:
        outcomes.append(type(error).__name__)
    finally:
        connection.close()


@pytest.mark.parametrize("existing_draft", [False, True], ids=["new sheet", "existing draft"])
def test_two_concurrent_submissions_leave_one_consistent_sheet(
    transactional_db, monkeypatch, members, make_nominated, existing_draft
):
    registration = make_nominated()
    member = members[0]
    assignment = Assignment.objects.get(member=member, registration=registration)
    version = 0
    if existing_draft:
        version = fill(member, registration, [10, 10, None, None, None], submit=False).version

    # Hold each transaction open a little after writing, so the second one certainly
    # arrives while the first still holds its locks.
    original_record = services.audit.record

    def slow_record(*args, **kwargs):
        entry = original_record(*args, **kwargs)
        threading.Event().wait(0.3)
        return entry

    monkeypatch.setattr(services.audit, "record", slow_record)

    barrier = threading.Barrier(2)
    outcomes: list[str] = []
    inputs = [points_for(registration, FULL_MODEL), points_for(registration, GOOD_MODEL)]
    threads = [
        threading.Thread(target=submit_in_thread, args=(assignment, points, version, member.user, barrier, outcomes))
        for points in inputs
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["StaleScoresheet", "submitted"]
    sheet = Scoresheet.objects.get(assignment=assignment)
    assert sheet.is_submitted and sheet.version == version + 1
    stored = dict(Score.objects.filter(scoresheet=sheet).values_list("criterion_id", "points"))
    assert stored in inputs  # exactly one submission's values, never a mix
    assert AuditEntry.objects.filter(action="scoresheet.submitted", object_id=str(sheet.pk)).count() == 1
