"""The member hears when the chair reopens their sheet, and reads why on the sheet."""

import pytest
from django.urls import reverse

from evaluations import services
from notifications.models import Notification
from tests.evaluations.conftest import FULL_MODEL, fill


@pytest.fixture
def registration(members, make_nominated):
    return make_nominated()

REASON = "Điểm tiêu chí 3 chưa khớp minh chứng"


def test_reopening_a_sheet_tells_its_member_why_and_the_sheet_shows_the_reason(
    client, chair, members, registration, django_capture_on_commit_callbacks
):
    sheet = fill(members[0], registration, FULL_MODEL)
    with django_capture_on_commit_callbacks(execute=True):
        services.reopen_scoresheet(sheet, reason=REASON, by=chair.user)
    message = Notification.objects.get(user=members[0].user)
    assert message.title == f"Phiếu chấm “{registration.model.name}” được mở lại để chấm lại"
    assert message.body == f"Lý do: {REASON}"
    assert message.url == reverse("evaluations:scoresheet", args=[registration.pk])
    assert Notification.objects.exclude(user=members[0].user).count() == 0

    client.force_login(members[0].user)
    page = client.get(message.url)
    assert page.context["reopen_reason"] == REASON
    assert REASON in page.content.decode()
    # Once submitted again, the reason is history.
    fill(members[0], registration, FULL_MODEL)
    assert client.get(message.url).context["reopen_reason"] == ""


def test_a_refused_reopening_sends_nothing(chair, members, registration, django_capture_on_commit_callbacks):
    sheet = fill(members[0], registration, FULL_MODEL)
    with django_capture_on_commit_callbacks(execute=True):
        try:
            services.reopen_scoresheet(sheet, reason="", by=chair.user)
        except services.TransitionNotAllowed:
            pass
    assert Notification.objects.count() == 0
