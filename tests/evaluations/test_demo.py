"""The appraisal part of ``seed_demo``: council, criteria, nominated registrations, most
sheets submitted, thamdinh4 behind, results not finalised; a second run changes nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditEntry
from evaluations import result_tables, selectors, services
from evaluations.models import Assignment, Council, CouncilMember, Scoresheet
from registrations.models import Registration, Status
from tests.seeded import demo_seeded_once

demo_database = demo_seeded_once()


@pytest.fixture
def seeded(db, demo_database):
    """The demo, seeded once for the module; what a test changes is rolled back after it."""
    return Council.objects.select_related("campaign").get(campaign__year=2020, campaign__owner__code="DD")


def test_demo_council_and_scoring_state(seeded):
    council = seeded
    seats = {m.user.username: m for m in council.members.select_related("user", "unit")}
    assert set(seats) == {"chutich", "thamdinh1", "thamdinh2", "thamdinh3", "thamdinh4"}
    assert seats["chutich"].position == CouncilMember.Position.CHAIR
    assert (seats["thamdinh3"].unit.code, seats["thamdinh4"].unit.code) == ("DD-MTTQ", "DD-LHPN")
    assert selectors.scoring_window(council).is_open()
    assert not council.is_finalised

    nominated = Registration.objects.filter(campaign=council.campaign, status=Status.NOMINATED)
    assert nominated.exists()
    progress = selectors.member_progress(council)
    assert progress[seats["thamdinh4"].pk].submitted == 0
    assert Scoresheet.objects.filter(assignment__member=seats["thamdinh4"], status="draft").exists()
    for username in ("chutich", "thamdinh1", "thamdinh2", "thamdinh3"):
        assert progress[seats[username].pk].submitted == progress[seats[username].pk].total > 0
    assert Assignment.objects.filter(member=seats["thamdinh1"], recusal=Assignment.Recusal.DECLARED).count() == 1
    assert all(row.outcome.is_quorate for row in result_tables.live_results(council).rows)


def test_seeding_again_changes_nothing(seeded):
    before = AuditEntry.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert AuditEntry.objects.count() == before


def test_the_chair_can_finalise_the_demo(seeded):
    chair = seeded.members.get(position=CouncilMember.Position.CHAIR)
    results = services.finalise_results(seeded, by=chair.user, now=timezone.now())
    assert (
        len(results)
        == Registration.objects.filter(campaign=seeded.campaign, status__in=(Status.RECOGNISED, Status.NOT_RECOGNISED)).count()
    )
