"""Two submissions of the same scoresheet at the same moment leave one consistent sheet,
never a mix of both (PostgreSQL: real row locks, two connections)."""

import threading
import time

import pytest
from django.db import connection

from audit.models import AuditEntry
from evaluations import services
from evaluations.models import Assignment, Score, Scoresheet
from tests.evaluations.conftest import FULL_MODEL, GOOD_MODEL, fill, points_for

pytestmark = pytest.mark.postgres


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def submit_in_thread(assignment, points, version, user, barrier, outcomes, pids):
    try:
        pids[threading.get_ident()] = _backend_pid()
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

    # The first to write keeps its transaction open until PostgreSQL shows the other
    # connection waiting for its locks, so that the two certainly overlap.
    original_record = services.audit.record
    pids: dict[int, int] = {}
    waited_behind: list[int] = []

    def record_then_hold_until_the_other_waits(*args, **kwargs):
        entry = original_record(*args, **kwargs)
        mine = pids[threading.get_ident()]
        (other,) = (pid for ident, pid in pids.items() if ident != threading.get_ident())
        deadline = time.monotonic() + 10
        with connection.cursor() as cursor:
            while time.monotonic() < deadline:
                cursor.execute("SELECT %s = ANY(pg_blocking_pids(%s))", [mine, other])
                if cursor.fetchone()[0]:
                    waited_behind.append(other)
                    break
                threading.Event().wait(0.01)  # poll the condition until the deadline
        return entry

    monkeypatch.setattr(services.audit, "record", record_then_hold_until_the_other_waits)

    barrier = threading.Barrier(2)
    outcomes: list[str] = []
    inputs = [points_for(registration, FULL_MODEL), points_for(registration, GOOD_MODEL)]
    threads = [
        threading.Thread(target=submit_in_thread, args=(assignment, points, version, member.user, barrier, outcomes, pids))
        for points in inputs
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert waited_behind, "the second submission never waited for the first one's locks"
    assert sorted(outcomes) == ["StaleScoresheet", "submitted"]
    sheet = Scoresheet.objects.get(assignment=assignment)
    assert sheet.is_submitted and sheet.version == version + 1
    stored = dict(Score.objects.filter(scoresheet=sheet).values_list("criterion_id", "points"))
    assert stored in inputs  # exactly one submission's values, never a mix
    assert AuditEntry.objects.filter(action="scoresheet.submitted", object_id=str(sheet.pk)).count() == 1
