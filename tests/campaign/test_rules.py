"""Each predicate of campaign.rules on its own, asked about a campaign and about the
objects that lead to it, then the permissions built from them."""

import datetime

import rules
from django.contrib.auth.models import AnonymousUser

from campaign import rules as campaign_rules
from campaign.models import Campaign
from tests.factories import (
    CampaignFactory,
    DeadlineFactory,
    DocumentFactory,
    MembershipFactory,
    PlanItemFactory,
    PlanPeriodFactory,
    UnitFactory,
    UserFactory,
)

TESTED_PREDICATES = {"is_focal_point_in_campaign", "is_published"}


def test_every_predicate_of_the_module_has_its_tests_here():
    defined = {
        name
        for name, value in vars(campaign_rules).items()
        if isinstance(value, rules.Predicate) and value.fn.__module__ == campaign_rules.__name__
    }
    assert defined == TESTED_PREDICATES


def _objects_of(campaign):
    """The campaign and each kind of object a permission may be asked about instead."""
    period = PlanPeriodFactory(campaign=campaign)
    return [campaign, period, PlanItemFactory(period=period), DeadlineFactory(campaign=campaign), DocumentFactory(campaign=campaign)]


def test_focal_point_of_a_covered_unit_is_in_the_campaign_whichever_object_is_asked(district, focal_user):
    for obj in _objects_of(CampaignFactory(owner=district)):
        assert campaign_rules.is_focal_point_in_campaign.test(focal_user, obj), obj


def test_focal_point_outside_the_campaign_is_not_in_it(district, other_district, focal_user, other_focal_user, unit):
    campaign = CampaignFactory(owner=district)
    assert not campaign_rules.is_focal_point_in_campaign.test(focal_user, CampaignFactory(owner=other_district))
    # A village below the commune lies deeper than a one-level campaign reaches.
    village = UnitFactory(kind="village", code="DD-KADO-T1", parent=unit)
    village_focal = UserFactory(username="thon1")
    MembershipFactory(user=village_focal, unit=village, role="focal_point")
    assert not campaign_rules.is_focal_point_in_campaign.test(village_focal, campaign)
    campaign.coverage_depth = 2
    assert campaign_rules.is_focal_point_in_campaign.test(village_focal, campaign)
    # A unit dissolved before the campaign's year began takes no part.
    dissolved = UnitFactory(code="DD-CU", parent=district, dissolved_on=datetime.date(2019, 6, 30))
    dissolved_focal = UserFactory(username="xacu")
    MembershipFactory(user=dissolved_focal, unit=dissolved, role="focal_point")
    assert not campaign_rules.is_focal_point_in_campaign.test(dissolved_focal, campaign)
    assert campaign_rules.is_focal_point_in_campaign.test(other_focal_user, campaign)  # the control: covered


def test_only_a_focal_point_role_counts_in_the_campaign(district, unit, staff_user, viewer_user):
    campaign = CampaignFactory(owner=district)
    member = UserFactory(username="kado-viewer")
    MembershipFactory(user=member, unit=unit, role="viewer")
    assert not campaign_rules.is_focal_point_in_campaign.test(member, campaign)
    assert not campaign_rules.is_focal_point_in_campaign.test(staff_user, campaign)
    assert not campaign_rules.is_focal_point_in_campaign.test(viewer_user, campaign)
    assert not campaign_rules.is_focal_point_in_campaign.test(AnonymousUser(), campaign)


def test_focal_point_in_campaign_about_nothing_is_false(focal_user):
    assert not campaign_rules.is_focal_point_in_campaign.test(focal_user, None)


def test_is_published_follows_the_campaigns_status_from_any_object(district):
    for status, expected in ((Campaign.Status.PUBLISHED, True), (Campaign.Status.DRAFT, False), (Campaign.Status.CLOSED, False)):
        for obj in _objects_of(CampaignFactory(owner=district, status=status)):
            assert campaign_rules.is_published.test(None, obj) is expected, (status, obj)
    assert not campaign_rules.is_published.test(None, None)


def test_create_campaign_is_for_organiser_staff(staff_user, board_head, focal_user, viewer_user):
    assert rules.has_perm("campaign.create_campaign", staff_user)
    assert rules.has_perm("campaign.create_campaign", board_head)
    assert not rules.has_perm("campaign.create_campaign", focal_user)
    assert not rules.has_perm("campaign.create_campaign", viewer_user)


def test_manage_campaign_is_for_the_owners_staff(district, other_district, staff_user, board_head, focal_user, viewer_user):
    campaign = CampaignFactory(owner=district)
    assert rules.has_perm("campaign.manage_campaign", staff_user, campaign)
    assert rules.has_perm("campaign.manage_campaign", board_head, campaign)
    assert not rules.has_perm("campaign.manage_campaign", staff_user, CampaignFactory(owner=other_district))
    assert not rules.has_perm("campaign.manage_campaign", focal_user, campaign)
    assert not rules.has_perm("campaign.manage_campaign", viewer_user, campaign)


def test_acknowledgements_are_recorded_on_a_published_campaign_by_its_staff_or_focal_points(
    district, other_district, staff_user, focal_user, viewer_user
):
    published = DocumentFactory(campaign=CampaignFactory(owner=district))
    draft = DocumentFactory(campaign=CampaignFactory(owner=district, status=Campaign.Status.DRAFT))
    elsewhere = DocumentFactory(campaign=CampaignFactory(owner=other_district))
    assert rules.has_perm("campaign.record_acknowledgement", staff_user, published)
    assert rules.has_perm("campaign.record_acknowledgement", focal_user, published)
    assert not rules.has_perm("campaign.record_acknowledgement", staff_user, draft)
    assert not rules.has_perm("campaign.record_acknowledgement", focal_user, draft)
    assert not rules.has_perm("campaign.record_acknowledgement", staff_user, elsewhere)
    assert not rules.has_perm("campaign.record_acknowledgement", focal_user, elsewhere)
    assert not rules.has_perm("campaign.record_acknowledgement", viewer_user, published)
