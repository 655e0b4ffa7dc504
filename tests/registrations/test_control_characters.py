"""Finding 2 of the outside attack: text with control characters or a line break, saved
before the typing rule or by a script, never breaks an export, a document or a mail,
and a mail that cannot be sent never turns a saved change into an error page."""

from unittest import mock

from django.core import mail
from django.urls import reverse

from notifications import tasks
from notifications.delivery import deliver_pending
from notifications.models import Notification
from registrations.models import Registration, Status
from tests.exports import exported, workbook_of


def test_the_district_export_writes_a_model_name_holding_control_characters(staff_client, registration):
    registration.model.name = "Đường\x0b làng\x1b sáng"
    registration.model.save(update_fields=["name"])
    registration.status = Status.SUBMITTED
    registration.save(update_fields=["status"])
    rows = list(workbook_of(exported(staff_client, reverse("registrations:export"))).active.iter_rows(values_only=True))
    assert rows[1][2] == "Đường làng sáng"


def test_submit_and_return_of_a_model_named_with_a_newline_mail_a_one_line_subject(
    focal_client, staff_client, registration, staff_user, focal_user, django_capture_on_commit_callbacks
):
    registration.model.name = "Đường làng\r\nBcc: x@example.org"
    registration.model.save(update_fields=["name"])
    with django_capture_on_commit_callbacks(execute=True):
        response = focal_client.post(reverse("registrations:submit", args=[registration.pk]))
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("registrations:return", args=[registration.pk]), {"reason": "Bổ sung\nảnh"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.RETURNED
    deliver_pending()
    subjects = [(message.to[0], message.subject) for message in mail.outbox]
    assert subjects == [
        (staff_user.email, "Xã Ka Đô đã gửi đăng ký “Đường làng Bcc: x@example.org”"),
        (focal_user.email, "Đăng ký “Đường làng Bcc: x@example.org” được trả lại để bổ sung"),
    ]


def test_a_mail_queue_that_is_down_does_not_turn_a_saved_submission_into_an_error(
    focal_client, registration, staff_user, django_capture_on_commit_callbacks
):
    with mock.patch.object(tasks.deliver_notifications_task, "apply_async", side_effect=OSError("broker down")) as queue:
        with django_capture_on_commit_callbacks(execute=True):
            response = focal_client.post(reverse("registrations:submit", args=[registration.pk]))
    assert response.status_code == 302
    assert Registration.objects.get(pk=registration.pk).status == Status.SUBMITTED
    assert queue.call_count == 1
    pending = Notification.objects.get(user=staff_user)
    assert pending.email_status == Notification.EmailStatus.PENDING
