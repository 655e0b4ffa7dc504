"""The reminder sweep in bulk (issue 14): the same number of queries for 3 or 40
recipients, a second sweep on the same day sends nothing, and with the mail server
down the reminders wait in the outbox until it answers again."""

import datetime

import pytest

from campaign.models import Campaign, Deadline
from notifications import delivery
from notifications.models import Notification, ReminderLog
from notifications.services import send_reminders
from tests.factories import CampaignFactory, DeadlineFactory, MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db
DUE = datetime.date(2020, 4, 30)
WEEK_BEFORE = DUE - datetime.timedelta(days=7)
# Deadlines (locked), their extensions, the participants, their focal points, their
# registrations, their reports, the finalised councils, the reminders already logged,
# the inbox messages, the log; the savepoint and its release around them.
SWEEP_QUERIES = 12


@pytest.fixture
def campaign(district):
    campaign = CampaignFactory(owner=district, status=Campaign.Status.PUBLISHED)
    DeadlineFactory(campaign=campaign, kind=Deadline.Kind.REGISTRATION, due_date=DUE)
    return campaign


def _add_communes_owing(district, first, count):
    for index in range(first, first + count):
        unit = UnitFactory(kind="commune", name=f"Xã số {index}", code=f"SW-X{index}", parent=district)
        MembershipFactory(user=UserFactory(username=f"xa{index}", email=f"xa{index}@example.vn"), unit=unit, role="focal_point")


@pytest.mark.postgres
def test_the_sweep_runs_exactly_the_same_queries_for_3_and_40_recipients(campaign, district, django_assert_num_queries):
    _add_communes_owing(district, 0, 3)
    with django_assert_num_queries(SWEEP_QUERIES):
        assert len(send_reminders(WEEK_BEFORE)) == 3
    _add_communes_owing(district, 3, 37)
    with django_assert_num_queries(SWEEP_QUERIES):
        assert len(send_reminders(DUE - datetime.timedelta(days=3))) == 40


def test_a_second_sweep_on_the_same_day_adds_nothing(campaign, district, django_capture_on_commit_callbacks):
    _add_communes_owing(district, 0, 5)
    with django_capture_on_commit_callbacks(execute=False) as first:
        assert len(send_reminders(WEEK_BEFORE)) == 5
    with django_capture_on_commit_callbacks(execute=False) as second:
        assert send_reminders(WEEK_BEFORE) == []
    assert Notification.objects.filter(kind=Notification.Kind.REMINDER).count() == 5
    assert ReminderLog.objects.count() == 5
    assert len(first) == 1 and second == []  # one nudge to the delivery task, none the second time


def test_with_the_mail_server_down_the_reminders_wait_in_the_outbox_then_go_once(
    campaign, district, smtp_server, django_capture_on_commit_callbacks
):
    _add_communes_owing(district, 0, 4)
    smtp_server.refusing = True
    with django_capture_on_commit_callbacks(execute=True):  # the nudge delivers at once, and is refused
        assert len(send_reminders(WEEK_BEFORE)) == 4
    waiting = Notification.objects.filter(kind=Notification.Kind.REMINDER)
    assert sorted(waiting.values_list("email_status", "email_attempts")) == [("pending", 1)] * 4
    assert smtp_server.messages == []
    assert send_reminders(WEEK_BEFORE) == []
    smtp_server.refusing = False
    assert delivery.deliver_pending(ignore_backoff=True).sent == 4
    assert delivery.deliver_pending(ignore_backoff=True).sent == 0
    assert smtp_server.recipients() == [f"xa{index}@example.vn" for index in range(4)]
    assert sorted(waiting.values_list("email_status", flat=True)) == ["sent"] * 4
