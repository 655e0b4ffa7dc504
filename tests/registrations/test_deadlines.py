"""Submitting after the deadline is refused; an extension for the unit
lets it through. Reports follow their own deadlines the same way."""

import datetime

import pytest
from django.urls import reverse

from registrations import services
from registrations.exceptions import DeadlinePassed
from registrations.models import ProgressReport, Registration, Status
from tests.factories import DeadlineExtensionFactory, ProgressReportFactory


@pytest.fixture
def past_deadline(registration_deadline, today):
    registration_deadline.due_date = today - datetime.timedelta(days=1)
    registration_deadline.save()
    return registration_deadline


def test_submit_after_the_deadline_is_refused_without_an_extension(registration, past_deadline, focal_user):
    with pytest.raises(DeadlinePassed) as error:
        services.submit_registration(registration, by=focal_user)
    assert error.value.message.startswith(f"Đã quá hạn “Đăng ký thi đua” (hết ngày {past_deadline.due_date:%d/%m/%Y}).")
    registration.refresh_from_db()
    assert registration.status == Status.DRAFT


def test_submit_after_the_deadline_succeeds_with_an_extension_for_the_unit(
    registration, past_deadline, focal_user, staff_user, today
):
    DeadlineExtensionFactory(
        deadline=past_deadline, unit=registration.unit, due_date=today + datetime.timedelta(days=3), granted_by=staff_user
    )
    services.submit_registration(registration, by=focal_user)
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED


def test_an_extension_for_another_unit_does_not_help(registration, past_deadline, focal_user, staff_user, other_unit, today):
    DeadlineExtensionFactory(
        deadline=past_deadline, unit=other_unit, due_date=today + datetime.timedelta(days=3), granted_by=staff_user
    )
    with pytest.raises(DeadlinePassed):
        services.submit_registration(registration, by=focal_user)


def test_the_deadline_day_itself_is_still_open(registration, registration_deadline, focal_user, today):
    registration_deadline.due_date = today
    registration_deadline.save()
    services.submit_registration(registration, by=focal_user)
    assert Registration.objects.get(pk=registration.pk).status == Status.SUBMITTED


def test_submit_page_after_the_deadline_shows_the_reason_and_keeps_the_draft(focal_client, registration, past_deadline):
    response = focal_client.post(reverse("registrations:submit", args=[registration.pk]), follow=True)
    assert response.status_code == 200
    assert "Đã quá hạn “Đăng ký thi đua”" in response.content.decode()
    assert Registration.objects.get(pk=registration.pk).status == Status.DRAFT


def test_submit_page_with_an_extension_sends_the_registration(focal_client, registration, past_deadline, staff_user, today):
    DeadlineExtensionFactory(deadline=past_deadline, unit=registration.unit, due_date=today, granted_by=staff_user)
    response = focal_client.post(reverse("registrations:submit", args=[registration.pk]), follow=True)
    assert "Đã gửi đăng ký đến Ban Dân vận Huyện ủy." in response.content.decode()
    assert Registration.objects.get(pk=registration.pk).status == Status.SUBMITTED


def test_interim_report_after_its_deadline_is_refused_and_an_extension_lets_it_through(
    accepted_registration, report_deadlines, focal_user, staff_user, today
):
    interim_deadline, _final = report_deadlines
    interim_deadline.due_date = today - datetime.timedelta(days=2)
    interim_deadline.save()
    report = ProgressReportFactory(registration=accepted_registration, kind=ProgressReport.Kind.INTERIM)
    with pytest.raises(DeadlinePassed):
        services.submit_progress_report(report, by=focal_user)
    DeadlineExtensionFactory(deadline=interim_deadline, unit=accepted_registration.unit, due_date=today, granted_by=staff_user)
    services.submit_progress_report(report, by=focal_user)
    report.refresh_from_db()
    assert report.status == ProgressReport.ReportStatus.SUBMITTED
