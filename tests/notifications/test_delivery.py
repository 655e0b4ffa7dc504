"""The outbox: a message's e-mail is committed with the change that causes it and sent
by the delivery task, retried over hours when the mail server refuses, once only."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from campaign.models import Campaign, Deadline
from notifications import delivery
from notifications.models import DeliveryAttempt, Notification
from notifications.services import notify
from registrations import services, signals
from tests.factories import CampaignFactory, DeadlineFactory, DvkModelFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration(district, unit):
    campaign = CampaignFactory(owner=district, status=Campaign.Status.PUBLISHED, year=2026)
    DeadlineFactory(campaign=campaign, kind=Deadline.Kind.REGISTRATION, due_date=datetime.date(2099, 12, 31))
    return RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name="Dân vận khéo giữ rừng"), unit=unit)


def test_the_email_is_in_the_outbox_when_the_submission_commits(registration, focal_user, staff_user):
    services.submit_registration(registration, by=focal_user)
    message = Notification.objects.get(user=staff_user)
    assert message.email_status == Notification.EmailStatus.PENDING
    assert message.organiser == registration.campaign.owner
    assert mail.outbox == []  # sent by the delivery task, not by the request


def test_a_failing_step_leaves_neither_the_change_nor_its_message(registration, focal_user, staff_user):
    def broken_receiver(**kwargs):
        raise RuntimeError("after the message was written")

    signals.registration_submitted.connect(broken_receiver, dispatch_uid="test_broken_receiver")
    try:
        with pytest.raises(RuntimeError):
            services.submit_registration(registration, by=focal_user)
    finally:
        signals.registration_submitted.disconnect(dispatch_uid="test_broken_receiver")
    registration.refresh_from_db()
    assert registration.status == "draft"
    assert Notification.objects.count() == 0


def test_delivery_sends_each_pending_email_once_with_the_organiser_as_sender(registration, focal_user, staff_user, settings):
    settings.SITE_URL = "https://dvk.example.vn"
    services.submit_registration(registration, by=focal_user)
    run = delivery.deliver_pending()
    assert run.sent == 1
    [email] = mail.outbox
    assert email.to == [staff_user.email]
    assert email.from_email == '"Huyện ủy Đơn Dương – Ban Dân vận" <no-reply@dvk.example>'
    assert email.body.startswith("Kính gửi Nguyễn Thị Hồng,\n")
    assert f"https://dvk.example.vn/registrations/{registration.pk}/" in email.body
    message = Notification.objects.get(user=staff_user)
    assert message.email_status == Notification.EmailStatus.SENT and message.emailed_at is not None
    assert [(a.succeeded, a.error) for a in message.delivery_attempts.all()] == [(True, "")]
    assert delivery.deliver_pending().sent == 0
    assert len(mail.outbox) == 1


def test_a_user_without_an_address_gets_the_inbox_message_only(staff_user):
    user = UserFactory(email="")
    message = notify(user, "Thông báo")
    assert message.email_status == Notification.EmailStatus.NONE
    assert delivery.deliver_pending().sent == 0


def test_subject_is_one_line_whatever_the_title_holds(staff_user):
    notify(staff_user, "Đăng ký\r\nBcc: ai@example.org\x07 “Mô hình”")
    delivery.deliver_pending()
    assert mail.outbox[0].subject == "Đăng ký Bcc: ai@example.org “Mô hình”"


def test_a_refused_email_is_retried_with_a_growing_backoff_then_given_up(staff_user, smtp_server):
    smtp_server.refusing = True
    notify(staff_user, "Nhắc hạn")
    now = timezone.now()
    tries = []
    for _ in range(delivery.MAX_ATTEMPTS):
        assert delivery.deliver_pending(now=now).sent == 0
        message = Notification.objects.get()
        tries.append(message.email_attempts)
        if message.email_next_attempt_at is None or message.email_status == Notification.EmailStatus.FAILED:
            break
        assert delivery.deliver_pending(now=message.email_next_attempt_at - datetime.timedelta(seconds=1)).sent == 0
        now = message.email_next_attempt_at
    assert tries == list(range(1, delivery.MAX_ATTEMPTS + 1))
    assert message.email_status == Notification.EmailStatus.FAILED
    assert "451" in message.email_last_error
    assert DeliveryAttempt.objects.filter(succeeded=False).count() == delivery.MAX_ATTEMPTS
    assert smtp_server.refusals == delivery.MAX_ATTEMPTS
    total_wait = sum(delivery.RETRY_DELAYS_MINUTES)
    assert total_wait >= 12 * 60  # hours, not seconds


def test_emails_refused_then_accepted_are_delivered_once_with_every_attempt_recorded(staff_user, focal_user, smtp_server):
    """A real SMTP server refuses, then accepts again: each e-mail arrives once."""
    smtp_server.refusing = True
    notify(staff_user, "Đăng ký mới")
    notify(focal_user, "Đăng ký được trả lại")
    now = timezone.now()
    assert delivery.deliver_pending(now=now).refused == 2
    assert delivery.deliver_pending(now=now + datetime.timedelta(minutes=1)).refused == 2
    smtp_server.refusing = False
    run = delivery.deliver_pending(now=now + datetime.timedelta(minutes=10))
    assert run.sent == 2
    assert smtp_server.recipients() == sorted([staff_user.email, focal_user.email])
    for message in Notification.objects.all():
        assert message.email_status == Notification.EmailStatus.SENT
        assert [attempt.succeeded for attempt in message.delivery_attempts.all()] == [False, False, True]
    assert delivery.deliver_pending(now=now + datetime.timedelta(hours=1)).sent == 0
    assert len(smtp_server.messages) == 2
    subject = smtp_server.header(smtp_server.messages[0][1], "Subject")
    assert subject in {"Đăng ký mới", "Đăng ký được trả lại"}


def test_the_command_sends_what_waits_out_its_backoff_after_an_outage(staff_user, smtp_server, capsys):
    smtp_server.refusing = True
    notify(staff_user, "Nhắc hạn")
    delivery.deliver_pending()
    smtp_server.refusing = False
    call_command("deliver_notifications")
    assert smtp_server.messages == []  # still waiting out the backoff
    call_command("deliver_notifications", "--now")
    assert smtp_server.recipients() == [staff_user.email]
    assert "1 e-mail(s) sent" in capsys.readouterr().out


@pytest.fixture
def failed_message(staff_user, focal_user, registration):
    return Notification.objects.create(
        user=focal_user,
        title="Đăng ký được trả lại",
        organiser=registration.campaign.owner,
        email_status=Notification.EmailStatus.FAILED,
        email_attempts=delivery.MAX_ATTEMPTS,
        email_last_error="SMTPRecipientsRefused: 550",
    )


def test_staff_see_failed_deliveries_and_retry_them(client, staff_user, failed_message, django_capture_on_commit_callbacks):
    client.force_login(staff_user)
    page = client.get(reverse("notifications:deliveries"))
    assert page.status_code == 200
    assert "Đăng ký được trả lại" in page.content.decode()
    assert "SMTPRecipientsRefused: 550" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("notifications:retry", args=[failed_message.pk]), follow=True)
    assert "Đã đưa 1 thư vào hàng đợi gửi lại" in response.content.decode()
    failed_message.refresh_from_db()
    # The delivery task (eager in the test process) was asked to run after the commit.
    assert failed_message.email_status == Notification.EmailStatus.SENT
    assert [m.to for m in mail.outbox] == [[failed_message.user.email]]
    assert AuditEntry.objects.filter(action="notification.delivery_retried").count() == 1


def test_staff_of_another_organiser_neither_see_nor_retry_it(client, other_district, failed_message):
    from tests.factories import MembershipFactory

    outsider = UserFactory(username="bdvlacduong")
    MembershipFactory(user=outsider, unit=other_district, role="district_staff")
    client.force_login(outsider)
    assert "Đăng ký được trả lại" not in client.get(reverse("notifications:deliveries")).content.decode()
    assert client.post(reverse("notifications:retry", args=[failed_message.pk])).status_code == 404
    failed_message.refresh_from_db()
    assert failed_message.email_status == Notification.EmailStatus.FAILED


def test_a_focal_point_cannot_open_the_deliveries_page(client, focal_user, failed_message):
    client.force_login(focal_user)
    assert client.get(reverse("notifications:deliveries")).status_code == 403
    assert client.post(reverse("notifications:retry_all")).status_code == 403
