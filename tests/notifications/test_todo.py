"""Issue 13 acceptance 5: the home page's "Việc cần làm" and the reminder sweep name the
same obligations for the demo's accounts, both read from notifications.obligations."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import User
from campaign.models import Campaign
from notifications.obligations import open_deadlines, owed, owed_by
from notifications.services import send_reminders
from tests.factories import (
    AwardProposalFactory,
    CampaignFactory,
    CouncilFactory,
    CouncilMemberFactory,
    DvkModelFactory,
    ProposalVoteFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo")


def _reminder_days():
    """One sweep day per deadline of the published campaigns: 3 days before it."""
    return sorted({deadline.due_date - datetime.timedelta(days=3) for deadline in open_deadlines()})


def test_home_list_and_sweep_name_the_same_obligations_for_the_demo_accounts(demo):
    everything = owed()
    assert everything, "the demo has something owed"
    people = User.objects.filter(pk__in={item.user.pk for item in everything}).order_by("username")
    for user in people:
        mine = owed_by(user)
        assert mine == [item for item in everything if item.user.pk == user.pk], user.username
        client = Client()
        client.force_login(user)
        page = client.get(reverse("home")).content.decode()
        assert "Việc cần làm" in page
        for item in mine:
            assert f'href="{item.url}"' in page, (user.username, item)
            assert item.what in page, (user.username, item)
    for day in _reminder_days():
        for reminder in send_reminders(day, dry_run=True):
            assert reminder.owed in everything


def test_the_most_urgent_comes_first_and_someone_who_owes_nothing_sees_no_list(demo):
    owing = next(item.user for item in owed() if item.unit is not None)
    client = Client()
    client.force_login(owing)
    page = client.get(reverse("home")).content.decode()
    mine = owed_by(owing)
    positions = [page.index(f'href="{item.url}"') for item in mine]
    assert [item.due_date for item in mine] == sorted(item.due_date for item in mine)
    assert positions[0] == min(positions)
    nobody = User.objects.get(username="thuongtruc")  # a viewer: reads, owes nothing
    client.force_login(nobody)
    assert 'id="todo"' not in client.get(reverse("home")).content.decode()


def test_votes_to_cast_and_registrations_to_review_are_on_the_home_list(district, unit, staff_user):
    campaign = CampaignFactory(owner=district, status=Campaign.Status.PUBLISHED)
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status="submitted")
    member = CouncilMemberFactory(council=CouncilFactory(campaign=campaign))
    proposal = AwardProposalFactory(
        registration=RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name="Ân tình xóm đạo")),
        status="voting",
        created_by=staff_user,
    )
    client = Client()
    client.force_login(staff_user)
    assert "1 đăng ký chờ xem xét" in client.get(reverse("home")).content.decode()
    client.force_login(member.user)
    page = client.get(reverse("home")).content.decode()
    assert "1 đề nghị khen thưởng chờ biểu quyết" in page
    assert f'href="{reverse("evaluations:proposal_vote", args=[proposal.pk])}"' in page
    ProposalVoteFactory(proposal=proposal, member=member)
    assert "chờ biểu quyết" not in client.get(reverse("home")).content.decode()
