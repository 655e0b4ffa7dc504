"""Who may do what with a report. Reading is scoped by ``selectors.reports_visible_to``
(staff and viewers of the district); these predicates decide the actions on a report
the user can already see."""

import rules

from accounts.models import Role


@rules.predicate
def is_district_staff(user):
    return bool(getattr(user, "is_authenticated", False) and user.district_ids())


@rules.predicate
def reads_report_district(user, report):
    return report is not None and report.campaign.owner_id in user.viewer_district_ids()


@rules.predicate
def manages_report_district(user, report):
    return report is not None and report.campaign.owner_id in user.district_ids()


@rules.predicate
def heads_report_board(user, report):
    return report is not None and user.is_board_head and report.campaign.owner_id in user.unit_ids(roles=(Role.BOARD_HEAD,))


@rules.predicate
def is_draft(user, report):
    return report is not None and not report.is_signed


rules.add_perm("reports.create_report", is_district_staff)
rules.add_perm("reports.view_report", reads_report_district)
rules.add_perm("reports.change_report", manages_report_district & is_draft)
rules.add_perm("reports.sign_report", heads_report_board & is_draft)
rules.add_perm("reports.render_report", manages_report_district)
