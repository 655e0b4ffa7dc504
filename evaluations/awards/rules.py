"""Who may manage, vote on and read award proposals and medal nominations. The
predicates take a campaign; ``register()`` adds the permissions and is called once from
EvaluationsConfig.ready(), not as a side effect of importing this module."""

import rules

from accounts.rules import reads_organiser
from campaign.models import Campaign

from ..models import CouncilMember
from ..rules import is_staff_of_campaign


def council_seat(user, campaign: Campaign) -> CouncilMember | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return CouncilMember.objects.filter(council__campaign=campaign, user=user).select_related("council").first()


@rules.predicate
def manages_awards(user, campaign: Campaign) -> bool:
    return is_staff_of_campaign(user, campaign)


@rules.predicate
def reads_district_awards(user, campaign: Campaign) -> bool:
    """Staff and the organiser's leaders (viewers) read every proposal and medal nomination."""
    return reads_organiser(user, campaign)


@rules.predicate
def sits_on_council(user, campaign: Campaign) -> bool:
    return council_seat(user, campaign) is not None


def register() -> None:
    """Add the award permissions (called from EvaluationsConfig.ready())."""
    rules.set_perm("evaluations.manage_awards", manages_awards)
    rules.set_perm("evaluations.vote_on_proposals", sits_on_council)
    rules.set_perm("evaluations.read_votes", reads_district_awards | sits_on_council)
    rules.set_perm("evaluations.read_medals", reads_district_awards)
