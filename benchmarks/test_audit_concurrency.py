"""Audit writes of two organisers at once (issue 9: audit without a global queue).

Not part of `make test`: run `make bench` (PostgreSQL; SQLite serialises every write
whatever the ledger does). Two writers append entries, each in a transaction that keeps
working a few milliseconds after its audit write, as a service does before it commits:
first both for one organiser (they share a chain, so they take turns), then one for
each of two organisers (separate chains: they should not). Prints the figures."""

import threading
import time

import pytest
from django.db import connection, transaction

from audit import record
from audit.services import verify_chain
from tests.factories import CampaignFactory, UnitFactory

WRITES_PER_WRITER = 60
WORK_AFTER_WRITE_S = 0.005  # what a service does between its audit write and its commit


def _writer(campaign, barrier, durations):
    try:
        barrier.wait(timeout=30)
        started = time.perf_counter()
        for number in range(WRITES_PER_WRITER):
            with transaction.atomic():
                record(None, "bench.write", campaign, after={"n": number})
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_sleep(%s)", [WORK_AFTER_WRITE_S])
        durations.append(time.perf_counter() - started)
    finally:
        connection.close()


def _run(campaigns) -> float:
    barrier, durations = threading.Barrier(len(campaigns)), []
    threads = [threading.Thread(target=_writer, args=(campaign, barrier, durations)) for campaign in campaigns]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    assert len(durations) == len(campaigns)
    return elapsed


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_organisers_writing_at_once_do_not_take_turns():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    first = CampaignFactory(owner=UnitFactory(kind="province"))
    second = CampaignFactory(owner=UnitFactory(kind="province"))
    for campaign in (first, second):
        record(None, "bench.start", campaign)
    one_organiser = _run([first, first])
    two_organisers = _run([first, second])
    writes = 2 * WRITES_PER_WRITER
    print(
        f"\naudit writes, 2 writers x {WRITES_PER_WRITER}, {WORK_AFTER_WRITE_S * 1000:.0f} ms of work before each commit:"
        f"\n  one organiser (shared chain): {one_organiser:.2f} s, {writes / one_organiser:.0f} writes/s"
        f"\n  two organisers (own chains):  {two_organisers:.2f} s, {writes / two_organisers:.0f} writes/s"
        f"\n  speed-up: {one_organiser / two_organisers:.2f}x (2.00x = no waiting at all)"
    )
    assert verify_chain() == 2 + 2 * writes
    # Serialised writers need the sum of their transactions; parallel ones about one.
    assert two_organisers < one_organiser * 0.75
