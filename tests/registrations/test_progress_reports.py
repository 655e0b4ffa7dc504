"""Interim (sơ kết) and final (tự đánh giá) reports of an accepted registration."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from registrations import services
from registrations.exceptions import IncompleteRegistration, InvalidReport, TransitionNotAllowed
from registrations.models import ProgressReport, Status
from tests.factories import ProgressReportFactory, RegistrationFactory

FIGURES = {"households": 45, "funds_vnd": 450_000_000, "socialised_funds_vnd": 120_000_000, "workdays": 900}


def test_a_report_is_created_as_a_draft_and_submitted_once(accepted_registration, focal_user):
    report = services.create_progress_report(
        accepted_registration, kind="interim", by=focal_user, data={"results": "Hoàn thành 1,2 km đường.", **FIGURES}
    )
    assert report.status == ProgressReport.ReportStatus.DRAFT
    services.submit_progress_report(report, by=focal_user)
    report.refresh_from_db()
    assert report.status == ProgressReport.ReportStatus.SUBMITTED
    assert report.submitted_at is not None
    with pytest.raises(TransitionNotAllowed) as error:
        services.submit_progress_report(report, by=focal_user)
    assert error.value.message == "Báo cáo này đã được gửi."
    assert list(
        AuditEntry.objects.filter(object_id=str(report.pk), object_type="registrations.progressreport").values_list(
            "action", flat=True
        )
    ) == [
        "progress_report.created",
        "progress_report.submitted",
    ]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.WITHDRAWN])
def test_reports_only_for_accepted_registrations(campaign, model, focal_user, status):
    registration = RegistrationFactory(campaign=campaign, model=model, status=status)
    with pytest.raises(TransitionNotAllowed):
        services.create_progress_report(registration, kind="interim", by=focal_user, data=FIGURES)
    assert not ProgressReport.objects.exists()


def test_a_submitted_report_cannot_be_edited(accepted_registration, focal_user):
    report = ProgressReportFactory(registration=accepted_registration, status="submitted")
    with pytest.raises(TransitionNotAllowed):
        services.update_progress_report(report, by=focal_user, data={"results": "Khác"}, version=report.version)


def test_socialised_funds_above_total_funds_are_refused(accepted_registration, focal_user):
    with pytest.raises(InvalidReport):
        services.create_progress_report(
            accepted_registration, kind="interim", by=focal_user, data={"funds_vnd": 10, "socialised_funds_vnd": 11}
        )
    assert not ProgressReport.objects.exists()


def test_a_report_without_results_cannot_be_submitted(accepted_registration, focal_user):
    report = ProgressReportFactory(registration=accepted_registration, results="  ")
    with pytest.raises(IncompleteRegistration) as error:
        services.submit_progress_report(report, by=focal_user)
    assert error.value.message == "Chưa thể gửi: còn thiếu mục Kết quả đạt được."


def test_report_page_saves_a_draft_then_save_and_submit_sends_it(focal_client, accepted_registration):
    url = reverse("registrations:report_edit", args=[accepted_registration.pk, "final"])
    data = {"results": "Hoàn thành 3,3 km đường.", **FIGURES, "version": 0}
    response = focal_client.post(url, data)
    assert response.status_code == 302
    report = ProgressReport.objects.get(registration=accepted_registration, kind="final")
    assert (report.status, report.households, report.version) == ("draft", 45, 1)
    response = focal_client.post(
        url, {**data, "version": 1, "results": "Hoàn thành 3,4 km đường.", "action": "submit"}, follow=True
    )
    report.refresh_from_db()
    assert report.status == "submitted"
    assert report.results == "Hoàn thành 3,4 km đường."
    assert "Đã gửi báo cáo tự đánh giá cuối năm đến Ban Dân vận Huyện ủy." in response.content.decode()


def test_report_form_keeps_typed_values_when_socialised_exceeds_total(focal_client, accepted_registration):
    url = reverse("registrations:report_edit", args=[accepted_registration.pk, "interim"])
    response = focal_client.post(
        url, {"results": "Kết quả", "households": 3, "funds_vnd": 100, "socialised_funds_vnd": 200, "workdays": 1, "version": 0}
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "socialised_funds_vnd": ["Kinh phí xã hội hóa không thể lớn hơn tổng kinh phí huy động."]
    }
    assert response.context["form"]["results"].value() == "Kết quả"
    assert not ProgressReport.objects.exists()


def test_staff_see_a_submitted_report_read_only(staff_client, accepted_registration):
    ProgressReportFactory(registration=accepted_registration, kind="interim", status="submitted")
    response = staff_client.get(reverse("registrations:report_edit", args=[accepted_registration.pk, "interim"]))
    assert response.status_code == 200
    assert response.context["can_edit"] is False
    assert "form" not in response.context
    assert "Đã hoàn thành 1,2 km đường; 30 hộ hiến đất." in response.content.decode()
    assert (
        staff_client.post(reverse("registrations:report_submit", args=[accepted_registration.pk, "interim"])).status_code == 403
    )


def test_report_submit_view_sends_the_draft(focal_client, accepted_registration):
    report = ProgressReportFactory(registration=accepted_registration, kind="interim")
    response = focal_client.post(reverse("registrations:report_submit", args=[accepted_registration.pk, "interim"]))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "submitted"
