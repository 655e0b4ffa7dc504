"""Who may do what in the appraisal (DESIGN §6). The object of every permission is a
Council. Views turn a refusal into a 404 wherever the object belongs to someone else."""

import rules

from accounts.rules import is_staff_of_organiser, reads_organiser

from .models import CouncilMember
from .selectors import seat_positions, sheets_owed_by


def is_staff_of_campaign(user, campaign) -> bool:
    """Staff (or board head) of the body that organises the campaign."""
    return is_staff_of_organiser(user, campaign)


@rules.predicate
def manages_council(user, council) -> bool:
    return council is not None and is_staff_of_campaign(user, council.campaign)


@rules.predicate
def sits_on_council(user, council) -> bool:
    return council is not None and council.pk in seat_positions(user)


@rules.predicate
def chairs_council(user, council) -> bool:
    return council is not None and seat_positions(user).get(council.pk) == CouncilMember.Position.CHAIR


@rules.predicate
def chairs_council_of_registration(user, registration) -> bool:
    """The chair of the council appraising ``registration``'s campaign; asked afresh, as
    the decision is written in the same transaction that checks the seat."""
    if not getattr(user, "is_authenticated", False) or registration is None:
        return False
    return CouncilMember.objects.filter(
        council__campaign_id=registration.campaign_id, user=user, position=CouncilMember.Position.CHAIR
    ).exists()


def may_see_others_scores(user, council, registration_id: int, *, owed: set[int] | None = None) -> bool:
    """Whether ``user`` may read other members' scores of one registration, wherever they
    are shown (the scoresheet page, every sheet of a registration, the live table, the
    score matrix). Once the results are published, yes. Before, not while they still owe
    their own sheet on it: staff and the chair who sit on the council are members like
    the others. ``owed`` is ``sheets_owed_by(user, council)`` when the caller has it."""
    if council.results_published_at is not None:
        return True
    if owed is None:
        owed = sheets_owed_by(user, council)
    return registration_id not in owed


@rules.predicate
def owes_sheets_before_finalising(user, council) -> bool:
    """Still owes a sheet on a council whose results are not sealed yet."""
    return council is not None and not council.is_finalised and bool(sheets_owed_by(user, council))


@rules.predicate
def reads_district(user, council) -> bool:
    return reads_organiser(user, council)


@rules.predicate
def results_finalised(user, council) -> bool:
    return council is not None and council.is_finalised


@rules.predicate
def results_published(user, council) -> bool:
    return council is not None and council.results_published_at is not None


rules.add_perm("evaluations.manage_council", manages_council)
# The object is a Registration: the appraisal's decision on it (registrations.lifecycle).
rules.add_perm("evaluations.decide_registration", chairs_council_of_registration)
# The live table before finalising: staff, and the chair who must see what they seal.
rules.add_perm("evaluations.view_results_table", manages_council | chairs_council | (reads_district & results_finalised))
rules.add_perm("evaluations.finalise_results", chairs_council & ~results_finalised)
rules.add_perm("evaluations.reopen_scoresheet", chairs_council & ~results_finalised)
rules.add_perm("evaluations.view_all_sheets", manages_council | chairs_council)
rules.add_perm("evaluations.publish_results", manages_council & results_finalised & ~results_published)
# Exports show every score: the chair gets them once the sheets are sealed.
rules.add_perm(
    "evaluations.export_appraisal", (manages_council | (chairs_council & results_finalised)) & ~owes_sheets_before_finalising
)
