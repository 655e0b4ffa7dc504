"""Who may do what with a report. Reading is scoped by ``selectors.reports_visible_to``
(staff and viewers of the organising body); these predicates decide the actions on a report
the user can already see."""

import rules

from accounts.models import Role
from accounts.rules import is_organiser_staff, is_staff_of_organiser, reads_organiser


@rules.predicate
def heads_report_board(user, report):
    return report is not None and user.is_board_head and report.campaign.owner_id in user.unit_ids(roles=(Role.BOARD_HEAD,))


@rules.predicate
def is_draft(user, report):
    return report is not None and not report.is_signed


rules.add_perm("reports.create_report", is_organiser_staff)
rules.add_perm("reports.view_report", reads_organiser)
rules.add_perm("reports.change_report", is_staff_of_organiser & is_draft)
rules.add_perm("reports.sign_report", heads_report_board & is_draft)
rules.add_perm("reports.render_report", is_staff_of_organiser)
