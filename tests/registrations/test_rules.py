"""Each predicate of registrations.rules on its own, over every status, then the
permissions built from them: the unit's focal point acts on its own registrations, the
organiser's staff review them, and the state of the object decides which action is open."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from registrations import rules as registration_rules
from registrations.models import Evidence, ProgressReport, Registration, Status
from tests.factories import CampaignFactory, EvidenceFactory, ProgressReportFactory, RegistrationFactory

TESTED_PREDICATES = {
    "is_focal_point",
    "is_focal_point_of_unit",
    "is_editable",
    "is_withdrawable",
    "is_awaiting_review",
    "accepts_reports",
    "is_report_editable",
    "is_evidence_owner_editable",
}

EDITABLE = {Status.DRAFT, Status.RETURNED}
WITHDRAWABLE = {Status.DRAFT, Status.SUBMITTED, Status.RETURNED}
REPORTABLE = {Status.ACCEPTED}


def test_every_predicate_of_the_module_has_its_tests_here():
    defined = {
        name
        for name, value in vars(registration_rules).items()
        if isinstance(value, rules.Predicate) and value.fn.__module__ == registration_rules.__name__
    }
    assert defined == TESTED_PREDICATES


def test_is_focal_point_holds_for_a_focal_point_only(focal_user, staff_user, viewer_user):
    assert registration_rules.is_focal_point.test(focal_user)
    assert not registration_rules.is_focal_point.test(staff_user)
    assert not registration_rules.is_focal_point.test(viewer_user)
    assert not registration_rules.is_focal_point.test(AnonymousUser())


def test_focal_point_of_unit_follows_a_report_or_a_file_to_its_registration(
    registration, other_registration, focal_user, other_focal_user, staff_user
):
    report = ProgressReportFactory(registration=registration)
    evidence = EvidenceFactory(registration=registration)
    for obj in (registration, report, evidence):
        assert registration_rules.is_focal_point_of_unit.test(focal_user, obj), obj
        assert not registration_rules.is_focal_point_of_unit.test(other_focal_user, obj), obj
        assert not registration_rules.is_focal_point_of_unit.test(staff_user, obj), obj
    assert registration_rules.is_focal_point_of_unit.test(other_focal_user, other_registration)
    # Anything that is not a registration, a report or a file belongs to no unit here.
    assert not registration_rules.is_focal_point_of_unit.test(focal_user, registration.campaign)
    assert not registration_rules.is_focal_point_of_unit.test(focal_user, None)


@pytest.mark.parametrize("status", Status.values)
def test_state_predicates_of_a_registration_over_every_status(status):
    registration = Registration(status=status)
    assert registration_rules.is_editable.test(None, registration) is (status in EDITABLE)
    assert registration_rules.is_withdrawable.test(None, registration) is (status in WITHDRAWABLE)
    assert registration_rules.is_awaiting_review.test(None, registration) is (status == Status.SUBMITTED)
    assert registration_rules.accepts_reports.test(None, registration) is (status in REPORTABLE)


@pytest.mark.parametrize("status", Status.values)
@pytest.mark.parametrize("report_status", ProgressReport.ReportStatus.values)
def test_a_report_is_editable_while_unsent_on_an_accepted_registration(status, report_status):
    report = ProgressReport(registration=Registration(status=status), status=report_status)
    expected = status in REPORTABLE and report_status != ProgressReport.ReportStatus.SUBMITTED
    assert registration_rules.is_report_editable.test(None, report) is expected


@pytest.mark.parametrize("status", Status.values)
def test_a_file_follows_the_registration_it_belongs_to_or_else_its_report(status):
    on_registration = Evidence(registration=Registration(status=status))
    assert registration_rules.is_evidence_owner_editable.test(None, on_registration) is (status in EDITABLE)
    # A file of a report follows the report, whatever the registration alone would say.
    for report_status in ProgressReport.ReportStatus.values:
        report = ProgressReport(pk=1, registration=Registration(status=status), status=report_status)
        on_report = Evidence(registration=report.registration, report=report)
        expected = status in REPORTABLE and report_status != ProgressReport.ReportStatus.SUBMITTED
        assert registration_rules.is_evidence_owner_editable.test(None, on_report) is expected, report_status


def test_focal_point_may_change_submit_and_withdraw_only_in_the_states_that_allow_it(
    campaign, model, registration_deadline, focal_user, other_focal_user
):
    for status in Status.values:
        registration = RegistrationFactory(campaign=campaign, model=model, status=status)
        assert rules.has_perm("registrations.change_registration", focal_user, registration) is (status in EDITABLE)
        assert rules.has_perm("registrations.submit_registration", focal_user, registration) is (status in EDITABLE)
        assert rules.has_perm("registrations.withdraw_registration", focal_user, registration) is (status in WITHDRAWABLE)
        assert rules.has_perm("registrations.add_registration_evidence", focal_user, registration) is (status in EDITABLE)
        assert rules.has_perm("registrations.file_report", focal_user, registration) is (status in REPORTABLE)
        for name in ("change_registration", "submit_registration", "withdraw_registration", "file_report"):
            assert not rules.has_perm(f"registrations.{name}", other_focal_user, registration), (name, status)
        registration.delete()


def test_staff_of_the_organiser_review_a_submitted_registration(
    campaign, model, registration_deadline, staff_user, board_head, focal_user, viewer_user, other_district
):
    for status in Status.values:
        registration = RegistrationFactory(campaign=campaign, model=model, status=status)
        assert rules.has_perm("registrations.review_registration", staff_user, registration) is (status == Status.SUBMITTED)
        assert rules.has_perm("registrations.review_registration", board_head, registration) is (status == Status.SUBMITTED)
        assert not rules.has_perm("registrations.review_registration", focal_user, registration)
        assert not rules.has_perm("registrations.review_registration", viewer_user, registration)
        registration.delete()
    elsewhere = RegistrationFactory(campaign=CampaignFactory(owner=other_district), status=Status.SUBMITTED)
    assert not rules.has_perm("registrations.review_registration", staff_user, elsewhere)
    assert not rules.has_perm("registrations.review", staff_user, elsewhere)


def test_roles_on_a_registration(registration, focal_user, other_focal_user, staff_user, viewer_user):
    assert rules.has_perm("registrations.act_for_unit", focal_user, registration)
    assert not rules.has_perm("registrations.act_for_unit", other_focal_user, registration)
    assert not rules.has_perm("registrations.act_for_unit", staff_user, registration)
    assert rules.has_perm("registrations.review", staff_user, registration)
    assert not rules.has_perm("registrations.review", viewer_user, registration)
    assert not rules.has_perm("registrations.review", focal_user, registration)
    assert rules.has_perm("registrations.add_registration", focal_user)
    assert not rules.has_perm("registrations.add_registration", staff_user)
    assert rules.has_perm("registrations.review_registrations", staff_user)
    assert not rules.has_perm("registrations.review_registrations", focal_user)
    assert not rules.has_perm("registrations.review_registrations", viewer_user)


def test_reports_and_their_files_are_changed_by_the_unit_until_sent(
    accepted_registration, focal_user, other_focal_user, staff_user
):
    report = ProgressReportFactory(registration=accepted_registration)
    evidence = EvidenceFactory(registration=accepted_registration, report=report)
    assert rules.has_perm("registrations.change_report", focal_user, report)
    assert rules.has_perm("registrations.add_report_evidence", focal_user, report)
    assert rules.has_perm("registrations.delete_evidence", focal_user, evidence)
    for name, obj in (("change_report", report), ("add_report_evidence", report), ("delete_evidence", evidence)):
        assert not rules.has_perm(f"registrations.{name}", other_focal_user, obj), name
        assert not rules.has_perm(f"registrations.{name}", staff_user, obj), name
    report.status = ProgressReport.ReportStatus.SUBMITTED
    report.save(update_fields=["status"])
    evidence = Evidence.objects.select_related("report__registration").get(pk=evidence.pk)
    assert not rules.has_perm("registrations.change_report", focal_user, report)
    assert not rules.has_perm("registrations.add_report_evidence", focal_user, report)
    assert not rules.has_perm("registrations.delete_evidence", focal_user, evidence)
