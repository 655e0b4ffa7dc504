"""Reminders owe what is still owed: one per unit a person answers for, none once moot,
a missed reminder day made up once, the whole sweep in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from campaign.models import Campaign, Deadline
from notifications.models import Notification, ReminderLog
from notifications.obligations import owed_by
from notifications.services import send_reminders
from tests.factories import (
    AssignmentFactory,
    AwardProposalFactory,
    CampaignFactory,
    CouncilFactory,
    CouncilMemberFactory,
    DeadlineFactory,
    DvkModelFactory,
    MembershipFactory,
    ProposalVoteFactory,
    RegistrationFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
DUE = datetime.date(2020, 4, 30)


@pytest.fixture
def campaign(district):
    return CampaignFactory(owner=district, status=Campaign.Status.PUBLISHED)


@pytest.fixture
def registration_deadline(campaign):
    return DeadlineFactory(campaign=campaign, kind=Deadline.Kind.REGISTRATION, due_date=DUE)


def _who(reminders):
    return sorted((r.user.username, r.unit.name if r.unit else "", r.offset_days) for r in reminders)


def test_the_focal_point_of_two_units_gets_each_units_reminder(registration_deadline, unit, other_unit):
    both = UserFactory(username="haidonvi")
    MembershipFactory(user=both, unit=unit, role="focal_point")
    MembershipFactory(user=both, unit=other_unit, role="focal_point")
    sent = send_reminders(DUE - datetime.timedelta(days=3))
    assert _who(sent) == [("haidonvi", "Thị trấn Thạnh Mỹ", 3), ("haidonvi", "Xã Ka Đô", 3)]
    assert Notification.objects.filter(user=both).count() == 2
    assert sorted(ReminderLog.objects.values_list("subject", flat=True)) == sorted([f"unit:{unit.pk}", f"unit:{other_unit.pk}"])
    assert send_reminders(DUE - datetime.timedelta(days=3)) == []


def test_a_finalised_council_gets_no_scoring_reminder(campaign, unit, staff_user):
    Deadline.objects.create(
        campaign=campaign, kind=Deadline.Kind.SCORING, due_date=datetime.date(2020, 11, 30), audience="council"
    )
    council = CouncilFactory(campaign=campaign)
    member = CouncilMemberFactory(council=council, user=UserFactory(username="thamdinh4"))
    for name in ("Mô hình A", "Mô hình B"):
        AssignmentFactory(
            member=member,
            registration=RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name=name), status="nominated"),
        )
    day = datetime.date(2020, 11, 27)
    [reminder] = send_reminders(day, dry_run=True)
    assert reminder.outstanding == "2 phiếu chấm chưa nộp"
    assert reminder.owed.details == ("Phiếu chấm “Mô hình A”", "Phiếu chấm “Mô hình B”")
    council.finalised_at = timezone.now()
    council.finalised_by = staff_user
    council.save()
    assert send_reminders(day, dry_run=True) == []
    assert owed_by(member.user) == []


def test_a_missed_reminder_day_is_made_up_once_by_the_next_sweep(registration_deadline, focal_user):
    # The 7-day sweep (23/4) never ran: the next one, on 24/4, sends it, once.
    [made_up] = send_reminders(DUE - datetime.timedelta(days=6))
    assert (made_up.offset_days, made_up.when_text) == (7, "còn 6 ngày")
    assert send_reminders(DUE - datetime.timedelta(days=5)) == []
    assert send_reminders(DUE - datetime.timedelta(days=4)) == []
    assert [r.offset_days for r in send_reminders(DUE - datetime.timedelta(days=3))] == [3]


def test_only_the_most_recent_of_several_missed_days_is_sent(registration_deadline, focal_user):
    # Neither the 7-day nor the 3-day reminder went out; on 28/4 only the 3-day one is made up.
    assert [r.offset_days for r in send_reminders(DUE - datetime.timedelta(days=2))] == [3]
    assert ReminderLog.objects.count() == 1
    assert send_reminders(DUE - datetime.timedelta(days=2)) == []


def test_a_missed_day_is_not_made_up_after_a_week(registration_deadline, focal_user):
    assert send_reminders(DUE + datetime.timedelta(days=9), dry_run=True) == []


def test_withdrawn_registrations_and_closed_campaigns_owe_nothing(registration_deadline, campaign, unit, focal_user):
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status="withdrawn")
    assert send_reminders(DUE - datetime.timedelta(days=7), dry_run=True) == []
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status="draft")
    assert len(send_reminders(DUE - datetime.timedelta(days=7), dry_run=True)) == 1
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.CLOSED)
    assert send_reminders(DUE - datetime.timedelta(days=7), dry_run=True) == []


def test_progress_reports_are_not_chased_after_the_results_are_final(campaign, unit, focal_user, staff_user):
    Deadline.objects.create(campaign=campaign, kind=Deadline.Kind.FINAL_REPORT, due_date=datetime.date(2020, 10, 31))
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name="Mô hình C"), status="accepted")
    day = datetime.date(2020, 10, 30)
    [reminder] = send_reminders(day, dry_run=True)
    assert reminder.outstanding == "1 báo cáo tự đánh giá chưa gửi"
    CouncilFactory(campaign=campaign, finalised_at=timezone.now(), finalised_by=staff_user)
    assert send_reminders(day, dry_run=True) == []


def test_the_reminder_names_what_is_owed_links_to_it_and_comes_from_the_organiser(
    registration_deadline, campaign, unit, focal_user
):
    draft = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name="Bếp ăn tình thương"), status="draft")
    send_reminders(DUE)
    message = Notification.objects.get(user=focal_user)
    assert message.title == "Nhắc hạn: Đăng ký thi đua – hạn cuối hôm nay"
    assert "- “Bếp ăn tình thương”: bản nháp chưa gửi" in message.body
    assert "Đơn vị: Xã Ka Đô" in message.body
    assert message.url == f"/registrations/{draft.pk}/"
    assert message.organiser == campaign.owner
    assert message.email_status == Notification.EmailStatus.PENDING


def _add_units_owing(district, campaign, first, count):
    for index in range(first, first + count):
        unit = UnitFactory(kind="commune", name=f"Xã số {index}", code=f"DD-X{index}", parent=district)
        MembershipFactory(user=UserFactory(username=f"xa{index}"), unit=unit, role="focal_point")
        RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status="returned" if index % 2 else "draft")


@pytest.mark.postgres
def test_the_sweep_runs_the_same_number_of_queries_for_3_and_30_recipients(registration_deadline, campaign, district):
    """In bulk: the query count does not depend on the number of recipients."""
    _add_units_owing(district, campaign, 0, 3)
    with CaptureQueriesContext(connection) as small:
        assert len(send_reminders(DUE - datetime.timedelta(days=7))) == 3
    _add_units_owing(district, campaign, 3, 27)
    with CaptureQueriesContext(connection) as large:
        assert len(send_reminders(DUE - datetime.timedelta(days=3))) == 30
    assert len(small) == len(large)


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
