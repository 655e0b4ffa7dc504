import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from campaign.models import Campaign, Deadline
from notifications.models import Notification, ReminderLog
from notifications.services import send_reminders
from tests.factories import (
    AssignmentFactory,
    CampaignFactory,
    CouncilFactory,
    CouncilMemberFactory,
    DeadlineExtensionFactory,
    DeadlineFactory,
    DvkModelFactory,
    RegistrationFactory,
    ScoresheetFactory,
    UserFactory,
)

DUE = datetime.date(2020, 4, 30)


@pytest.fixture
def campaign(district):
    return CampaignFactory(owner=district, status=Campaign.Status.PUBLISHED)


@pytest.fixture
def registration_deadline(campaign):
    return DeadlineFactory(campaign=campaign, kind=Deadline.Kind.REGISTRATION, due_date=DUE)


def _who(reminders):
    return sorted((r.user.username, r.offset_days) for r in reminders)


def test_units_without_a_submitted_registration_are_reminded_seven_days_before(registration_deadline, focal_user, other_focal_user):
    reminders = send_reminders(DUE - datetime.timedelta(days=7), dry_run=True)
    assert _who(reminders) == [("kado", 7), ("thanhmy", 7)]


def test_a_unit_that_has_submitted_is_not_reminded(registration_deadline, campaign, focal_user, other_focal_user, other_unit):
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=other_unit), status="submitted")
    assert _who(send_reminders(DUE - datetime.timedelta(days=3), dry_run=True)) == [("kado", 3)]


def test_a_returned_registration_still_owes_a_submission(registration_deadline, campaign, focal_user, unit):
    RegistrationFactory(
        campaign=campaign, model=DvkModelFactory(unit=unit, name="Bếp ăn tình thương"), status="returned", return_reason="Thiếu ảnh"
    )
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name="Đường hoa nông thôn"), status="draft")
    reminders = send_reminders(DUE - datetime.timedelta(days=1), dry_run=True)
    assert _who(reminders) == [("kado", 1)]
    assert reminders[0].outstanding == "2 đăng ký chưa gửi"
    assert reminders[0].owed.details == (
        "“Đường hoa nông thôn”: bản nháp chưa gửi",
        "“Bếp ăn tình thương”: bị trả lại để bổ sung, chưa gửi lại (lý do: Thiếu ảnh)",
    )


def test_no_reminder_before_the_first_reminder_day_nor_between_days_once_sent(registration_deadline, focal_user):
    assert send_reminders(DUE - datetime.timedelta(days=8), dry_run=True) == []
    assert _who(send_reminders(DUE - datetime.timedelta(days=7))) == [("kado", 7)]
    assert send_reminders(DUE - datetime.timedelta(days=5), dry_run=True) == []


def test_the_due_day_itself_has_a_reminder(registration_deadline, focal_user):
    reminders = send_reminders(DUE, dry_run=True)
    assert _who(reminders) == [("kado", 0)]
    assert reminders[0].when_text == "hạn cuối hôm nay"


def test_the_day_after_the_deadline_outstanding_units_are_reminded(registration_deadline, focal_user):
    reminders = send_reminders(DUE + datetime.timedelta(days=1), dry_run=True)
    assert _who(reminders) == [("kado", -1)]
    assert reminders[0].when_text == "đã quá hạn 1 ngày"


def test_an_extension_moves_that_units_reminders(registration_deadline, focal_user, other_focal_user, unit, staff_user):
    DeadlineExtensionFactory(deadline=registration_deadline, unit=unit, due_date=datetime.date(2020, 5, 10), granted_by=staff_user)
    assert _who(send_reminders(DUE - datetime.timedelta(days=7), dry_run=True)) == [("thanhmy", 7)]
    # Thạnh Mỹ's day-after reminder (1 May) was never sent: it is made up on 3 May.
    assert _who(send_reminders(datetime.date(2020, 5, 3), dry_run=True)) == [("kado", 7), ("thanhmy", -1)]


def test_draft_campaigns_send_no_reminders(district, focal_user):
    campaign = CampaignFactory(owner=district, status=Campaign.Status.DRAFT)
    DeadlineFactory(campaign=campaign, due_date=DUE)
    assert send_reminders(DUE - datetime.timedelta(days=7), dry_run=True) == []


def test_sending_writes_inbox_log_and_email_once(registration_deadline, focal_user, django_capture_on_commit_callbacks):
    day = DUE - datetime.timedelta(days=7)
    assert send_reminders(day, dry_run=True) and Notification.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        sent = send_reminders(day)
    assert len(sent) == 1
    notification = Notification.objects.get(user=focal_user)
    assert notification.kind == "reminder"
    assert "còn 7 ngày" in notification.title
    assert "hết ngày 30/04/2020" in notification.body
    assert ReminderLog.objects.filter(user=focal_user, offset_days=7).count() == 1
    assert [message.to for message in mail.outbox] == [[focal_user.email]]
    assert send_reminders(day) == []
    assert Notification.objects.count() == 1


def test_scoring_reminders_go_to_members_with_unsubmitted_sheets_only(campaign, unit):
    Deadline.objects.create(campaign=campaign, kind=Deadline.Kind.SCORING, due_date=datetime.date(2020, 11, 30), audience="council")
    council = CouncilFactory(campaign=campaign)
    behind = CouncilMemberFactory(council=council, user=UserFactory(username="thamdinh4"))
    done = CouncilMemberFactory(council=council, user=UserFactory(username="thamdinh1"))
    recused = CouncilMemberFactory(council=council, user=UserFactory(username="thamdinh3"), unit=unit)
    registration = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status="nominated")
    AssignmentFactory(member=behind, registration=registration)
    ScoresheetFactory(assignment=AssignmentFactory(member=done, registration=registration), status="submitted")
    AssignmentFactory(member=recused, registration=registration, recusal="automatic")
    reminders = send_reminders(datetime.date(2020, 11, 29), dry_run=True)
    assert _who(reminders) == [("thamdinh4", 1)]
    assert reminders[0].outstanding == "1 phiếu chấm chưa nộp"


def test_command_dry_run_lists_and_records_nothing(registration_deadline, focal_user, capsys):
    call_command("send_reminders", "--dry-run", "--date", "2020-04-23")
    out = capsys.readouterr().out
    assert "kado [Xã Ka Đô]" in out
    assert "1 reminder(s) would be sent." in out
    assert ReminderLog.objects.count() == 0
