"""Every predicate and permission of registrations.rules, tested directly, and the
services that refuse a caller without the named rule (the views are not the only gate)."""

import pytest
import rules

from audit.models import AuditEntry
from registrations import rules as registration_rules
from registrations import services
from registrations.exceptions import NotPermitted
from registrations.models import ProgressReport, Registration, Status
from tests.factories import EvidenceFactory, ProgressReportFactory, RegistrationFactory

REMAINING = {
    "registrations.act_for_unit",
    "registrations.review",
    "registrations.register_model",
    "registrations.add_registration",
    "registrations.change_registration",
    "registrations.review_registrations",
    "registrations.file_report",
    "registrations.change_report",
}
GONE = {
    "registrations.submit_registration",
    "registrations.withdraw_registration",
    "registrations.review_registration",
    "registrations.add_registration_evidence",
    "registrations.add_report_evidence",
    "registrations.delete_evidence",
}


def test_only_the_permissions_something_uses_are_defined():
    assert all(rules.perm_exists(name) for name in REMAINING)
    assert not any(rules.perm_exists(name) for name in GONE)


def test_is_focal_point(focal_user, staff_user, viewer_user):
    assert registration_rules.is_focal_point(focal_user)
    assert not registration_rules.is_focal_point(staff_user)
    assert not registration_rules.is_focal_point(viewer_user)


def test_is_focal_point_of_unit_follows_a_report_and_an_evidence_file_to_their_registration(
    focal_user, other_focal_user, staff_user, accepted_registration
):
    report = ProgressReportFactory(registration=accepted_registration, kind=ProgressReport.Kind.INTERIM)
    evidence = EvidenceFactory(registration=accepted_registration)
    for obj in (accepted_registration, report, evidence):
        assert registration_rules.is_focal_point_of_unit(focal_user, obj)
        assert not registration_rules.is_focal_point_of_unit(other_focal_user, obj)
        assert not registration_rules.is_focal_point_of_unit(staff_user, obj)
    assert not registration_rules.is_focal_point_of_unit(focal_user, object())


def test_is_focal_point_of_model_unit(focal_user, other_focal_user, model):
    assert registration_rules.is_focal_point_of_model_unit(focal_user, model)
    assert not registration_rules.is_focal_point_of_model_unit(other_focal_user, model)
    assert not registration_rules.is_focal_point_of_model_unit(focal_user, None)


@pytest.mark.parametrize("status", Status.values)
def test_state_predicates_read_the_status_groups(status, focal_user, campaign, model):
    registration = RegistrationFactory(campaign=campaign, model=model, status=status)
    assert registration_rules.is_editable(focal_user, registration) is (status in Status.EDITABLE)
    assert registration_rules.accepts_reports(focal_user, registration) is (status in Status.REPORTABLE)
    assert rules.has_perm("registrations.change_registration", focal_user, registration) is (status in Status.EDITABLE)
    assert rules.has_perm("registrations.file_report", focal_user, registration) is (status in Status.REPORTABLE)


def test_is_report_editable_until_submitted(focal_user, other_focal_user, accepted_registration):
    report = ProgressReportFactory(registration=accepted_registration, kind=ProgressReport.Kind.INTERIM)
    assert registration_rules.is_report_editable(focal_user, report)
    assert rules.has_perm("registrations.change_report", focal_user, report)
    assert not rules.has_perm("registrations.change_report", other_focal_user, report)
    report.status = ProgressReport.ReportStatus.SUBMITTED
    assert not registration_rules.is_report_editable(focal_user, report)
    assert not rules.has_perm("registrations.change_report", focal_user, report)


def test_roles_on_an_object(focal_user, staff_user, viewer_user, board_head, registration):
    assert rules.has_perm("registrations.act_for_unit", focal_user, registration)
    assert not rules.has_perm("registrations.act_for_unit", staff_user, registration)
    assert rules.has_perm("registrations.review", staff_user, registration)
    assert rules.has_perm("registrations.review", board_head, registration)
    assert not rules.has_perm("registrations.review", viewer_user, registration)
    assert not rules.has_perm("registrations.review", focal_user, registration)
    assert rules.has_perm("registrations.review_registrations", staff_user)
    assert not rules.has_perm("registrations.review_registrations", focal_user)
    assert rules.has_perm("registrations.add_registration", focal_user)
    assert not rules.has_perm("registrations.add_registration", staff_user)


def test_a_superuser_gets_no_silent_bypass(registration, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", password="x-9f2Lq!")
    assert not rules.has_perm("registrations.act_for_unit", admin, registration)
    assert not rules.has_perm("registrations.review", admin, registration)


# The services check the rules themselves --------------------------------------------


def test_only_the_units_focal_point_registers_its_model(other_focal_user, staff_user, campaign, model, registration_deadline):
    for by in (other_focal_user, staff_user):
        with pytest.raises(NotPermitted):
            services.create_registration(campaign=campaign, model=model, by=by)
    assert not Registration.objects.filter(model=model).exists()


def test_staff_cannot_change_a_units_registration_through_the_service(staff_user, registration):
    with pytest.raises(NotPermitted):
        services.update_registration(registration, by=staff_user, data={"situation": "Sửa hộ"}, version=registration.version)
    registration.refresh_from_db()
    assert registration.situation != "Sửa hộ" and registration.version == 1
    assert not AuditEntry.objects.filter(action="registration.updated").exists()


def test_another_unit_cannot_file_or_submit_a_report_through_the_service(other_focal_user, accepted_registration):
    with pytest.raises(NotPermitted):
        services.create_progress_report(accepted_registration, kind="interim", by=other_focal_user, data={"results": "x"})
    report = ProgressReportFactory(registration=accepted_registration, kind=ProgressReport.Kind.INTERIM, results="Đã làm")
    with pytest.raises(NotPermitted):
        services.update_progress_report(report, by=other_focal_user, data={"results": "Sửa"}, version=report.version)
    with pytest.raises(NotPermitted):
        services.submit_progress_report(report, by=other_focal_user)
    report.refresh_from_db()
    assert (report.results, report.status) == ("Đã làm", ProgressReport.ReportStatus.DRAFT)


def test_another_unit_cannot_add_or_delete_evidence_through_the_service(other_focal_user, registration):
    from tests.registrations.files import pdf_bytes, upload

    with pytest.raises(NotPermitted):
        services.add_evidence(registration, upload("bien-ban.pdf", pdf_bytes()), by=other_focal_user)
    evidence = EvidenceFactory(registration=registration)
    with pytest.raises(NotPermitted):
        services.delete_evidence(evidence, by=other_focal_user)
    assert list(registration.evidence.all()) == [evidence]
