"""One chain per organising body: which chain an entry goes to, and that two
organisers' writes never wait for each other."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from audit import record
from audit.chains import chain_for
from audit.models import AuditEntry
from audit.services import verify_chain
from registrations.models import Registration
from tests.factories import CampaignFactory, ProgressReportFactory, RegistrationFactory, UnitFactory, UserFactory


def test_a_campaigns_objects_go_to_the_chain_of_the_campaigns_owner(db, district, other_district):
    mine, theirs = RegistrationFactory(campaign__owner=district), RegistrationFactory(campaign__owner=other_district)
    report = ProgressReportFactory(registration=mine)
    assert chain_for(mine.campaign, None) == f"organiser:{district.pk}"
    assert chain_for(theirs, None) == f"organiser:{other_district.pk}"
    assert chain_for(report, None) == f"organiser:{district.pk}"


def test_the_organiser_is_read_from_loaded_objects_without_a_query(db, district, django_assert_num_queries):
    registration = RegistrationFactory(campaign__owner=district)
    loaded = Registration.objects.select_related("campaign").get(pk=registration.pk)
    with django_assert_num_queries(0):
        assert chain_for(loaded, None) == f"organiser:{district.pk}"
    bare = Registration.objects.get(pk=registration.pk)
    with django_assert_num_queries(1):
        assert chain_for(bare, None) == f"organiser:{district.pk}"


def test_a_unit_goes_to_the_chain_of_its_trees_root(db, district, unit):
    village = UnitFactory(kind="village", parent=unit)
    assert chain_for(village, None) == chain_for(unit, None) == f"organiser:{district.pk}"


def test_an_account_goes_to_the_acting_staff_members_chain_and_the_rest_to_the_instance_chain(db, staff_user, district):
    account = UserFactory()
    assert chain_for(account, staff_user) == f"organiser:{district.pk}"
    assert chain_for(account, None) == ""
    assert chain_for(None, None) == ""


def test_entries_of_two_organisers_number_their_own_chains_and_verify(db, staff_user, district, other_district):
    ours, theirs = CampaignFactory(owner=district), CampaignFactory(owner=other_district)
    entries = [record(staff_user, "campaign.note", campaign) for campaign in (ours, theirs, ours, theirs, ours)]
    assert [(e.chain, e.position) for e in entries] == [
        (f"organiser:{district.pk}", 1),
        (f"organiser:{other_district.pk}", 1),
        (f"organiser:{district.pk}", 2),
        (f"organiser:{other_district.pk}", 2),
        (f"organiser:{district.pk}", 3),
    ]
    assert entries[2].prev_hash == entries[0].hash
    assert verify_chain() == 5


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _waits_on_a_lock(pid: int) -> bool:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_organiser_b_writes_while_organiser_a_holds_its_chain_and_a_second_writer_of_a_waits():
    campaign_a = CampaignFactory(owner=UnitFactory(kind="province"))
    campaign_b = CampaignFactory(owner=UnitFactory(kind="province"))
    record(None, "campaign.note", campaign_a)  # both chains exist before the race
    record(None, "campaign.note", campaign_b)
    a_holds, release_a, b_done = threading.Event(), threading.Event(), threading.Event()
    second_a_pid, failures = [], []

    def in_thread(body):
        def run():
            try:
                body()
            except Exception as error:  # noqa: BLE001 - reported by the main thread
                failures.append(error)
            finally:
                connection.close()

        return threading.Thread(target=run)

    def writer_a():
        with transaction.atomic():
            record(None, "campaign.a", campaign_a)
            a_holds.set()
            release_a.wait(timeout=30)

    def writer_b():
        a_holds.wait(timeout=30)
        with transaction.atomic():
            record(None, "campaign.b", campaign_b)
        b_done.set()

    def second_writer_a():
        a_holds.wait(timeout=30)
        second_a_pid.append(_backend_pid())
        record(None, "campaign.a2", campaign_a)

    threads = [in_thread(writer_a), in_thread(writer_b), in_thread(second_writer_a)]
    for thread in threads:
        thread.start()
    try:
        assert b_done.wait(timeout=20), "organiser B's write waited for organiser A's transaction"
        assert not release_a.is_set()
        # The control: another write to A's chain does wait, on A's chain lock.
        deadline = time.monotonic() + 20
        while not (second_a_pid and _waits_on_a_lock(second_a_pid[0])):
            assert time.monotonic() < deadline, "the second writer of organiser A never waited for the lock"
            time.sleep(0.05)
        assert not AuditEntry.objects.filter(action="campaign.a2").exists()
    finally:
        release_a.set()
        for thread in threads:
            thread.join(timeout=30)
    assert failures == []
    positions = dict(AuditEntry.objects.exclude(action="campaign.note").values_list("action", "position"))
    assert positions == {"campaign.a": 2, "campaign.b": 2, "campaign.a2": 3}
    assert verify_chain() == 5
