"""Each predicate of reports.rules on its own, then the permissions built from them: the
organiser's staff write a draft, its viewers read it, and only its board head signs."""

import rules
from django.contrib.auth.models import AnonymousUser

from accounts.models import User
from reports import rules as report_rules
from reports.models import SummaryReport
from tests.factories import CampaignFactory, MembershipFactory

TESTED_PREDICATES = {"heads_report_board", "is_draft"}


def test_every_predicate_of_the_module_has_its_tests_here():
    defined = {
        name
        for name, value in vars(report_rules).items()
        if isinstance(value, rules.Predicate) and value.fn.__module__ == report_rules.__name__
    }
    assert defined == TESTED_PREDICATES


def _signed(report):
    report.status = SummaryReport.Status.SIGNED
    return report


def test_heads_report_board_holds_for_the_head_of_the_reports_organiser(
    report, board_head, staff_user, other_board_head, other_district, district
):
    assert report_rules.heads_report_board.test(board_head, report)
    assert not report_rules.heads_report_board.test(staff_user, report)
    assert not report_rules.heads_report_board.test(other_board_head, report)
    assert not report_rules.heads_report_board.test(board_head, None)
    # Head of one body and mere staff of another: no signature for the other's report.
    MembershipFactory(user=other_board_head, unit=district, role="district_staff")
    other_head = User.objects.get(pk=other_board_head.pk)  # memberships read afresh
    assert not report_rules.heads_report_board.test(other_head, report)
    assert report_rules.heads_report_board.test(other_head, SummaryReport(campaign=CampaignFactory(owner=other_district)))


def test_is_draft_is_true_until_the_report_is_signed(report):
    assert report_rules.is_draft.test(None, report)
    assert not report_rules.is_draft.test(None, _signed(report))
    assert not report_rules.is_draft.test(None, None)


def test_create_report_is_for_organiser_staff(staff_user, board_head, viewer_user, focal_user):
    assert rules.has_perm("reports.create_report", staff_user)
    assert rules.has_perm("reports.create_report", board_head)
    assert not rules.has_perm("reports.create_report", viewer_user)
    assert not rules.has_perm("reports.create_report", focal_user)


def test_view_report_is_for_staff_and_viewers_of_the_organiser(report, staff_user, viewer_user, focal_user, other_district_staff):
    assert rules.has_perm("reports.view_report", staff_user, report)
    assert rules.has_perm("reports.view_report", viewer_user, report)
    assert not rules.has_perm("reports.view_report", focal_user, report)
    assert not rules.has_perm("reports.view_report", other_district_staff, report)
    assert not rules.has_perm("reports.view_report", AnonymousUser(), report)


def test_change_report_is_for_the_organisers_staff_while_a_draft(report, staff_user, board_head, viewer_user, other_district_staff):
    assert rules.has_perm("reports.change_report", staff_user, report)
    assert rules.has_perm("reports.change_report", board_head, report)
    assert not rules.has_perm("reports.change_report", viewer_user, report)
    assert not rules.has_perm("reports.change_report", other_district_staff, report)
    assert not rules.has_perm("reports.change_report", staff_user, _signed(report))


def test_sign_report_is_for_the_organisers_head_while_a_draft(report, board_head, staff_user, other_board_head):
    assert rules.has_perm("reports.sign_report", board_head, report)
    assert not rules.has_perm("reports.sign_report", staff_user, report)
    assert not rules.has_perm("reports.sign_report", other_board_head, report)
    assert not rules.has_perm("reports.sign_report", board_head, _signed(report))


def test_render_report_is_for_the_organisers_staff_signed_or_not(report, staff_user, viewer_user, other_district_staff):
    assert rules.has_perm("reports.render_report", staff_user, report)
    assert rules.has_perm("reports.render_report", staff_user, _signed(report))
    assert not rules.has_perm("reports.render_report", viewer_user, report)
    assert not rules.has_perm("reports.render_report", other_district_staff, report)
