"""Who may do what with a campaign. Reading is scoped by ``selectors.campaigns_visible_to``;
these predicates decide the actions on a campaign the user can already see."""

import rules

from accounts.models import Role
from accounts.rules import is_organiser_staff, is_staff_of_organiser


def _campaign_of(obj):
    """The campaign a permission is asked about: the campaign itself or its period, item,
    deadline or document."""
    for path in ("campaign", "period.campaign", "item.period.campaign", "deadline.campaign", "document.campaign"):
        target = obj
        for attr in path.split("."):
            target = getattr(target, attr, None)
            if target is None:
                break
        if target is not None:
            return target
    return obj


@rules.predicate
def is_focal_point_in_campaign(user, obj):
    """The focal point of a unit the campaign covers."""
    if not user.is_authenticated or obj is None:
        return False
    campaign = _campaign_of(obj)
    return any(campaign.covers(unit) for unit in user.member_units((Role.FOCAL_POINT,)))


@rules.predicate
def is_published(user, obj):
    return obj is not None and _campaign_of(obj).is_published


rules.add_perm("campaign.create_campaign", is_organiser_staff)
rules.add_perm("campaign.manage_campaign", is_staff_of_organiser)
rules.add_perm(
    "campaign.record_acknowledgement",
    is_published & (is_staff_of_organiser | is_focal_point_in_campaign),
)
