"""Who sees which campaign, and what happens to those who try more than they may: drafts
and other districts are 404s, readers who try to change the plan get 403."""

import pytest
from django.test import Client
from django.urls import reverse

from campaign.models import Campaign
from campaign.selectors import campaigns_visible_to, current_campaign
from tests.factories import (
    CampaignFactory,
    CouncilFactory,
    CouncilMemberFactory,
    DocumentFactory,
    PlanItemFactory,
    PlanItemUpdateFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def council_member(db):
    """A council member from outside the units: an account without any membership."""
    return UserFactory(username="thamdinh1")


@pytest.fixture
def closed_campaign(district):
    return CampaignFactory(owner=district, year=2019, status=Campaign.Status.CLOSED)


def visible(user):
    return set(campaigns_visible_to(user))


def test_staff_see_drafts_and_published_campaigns_of_their_district_only(
    staff_user, campaign, draft_campaign, closed_campaign, other_district_campaign
):
    assert visible(staff_user) == {campaign, draft_campaign, closed_campaign}


def test_focal_points_see_published_and_closed_campaigns_of_their_district_but_no_drafts(
    focal_user, campaign, draft_campaign, closed_campaign, other_district_campaign
):
    assert visible(focal_user) == {campaign, closed_campaign}


def test_viewers_see_published_campaigns_of_their_district(viewer_user, campaign, draft_campaign, other_district_campaign):
    assert visible(viewer_user) == {campaign}


def test_a_council_member_without_membership_sees_only_the_published_campaign_whose_council_seats_them(
    council_member, campaign, draft_campaign, other_district_campaign
):
    assert visible(council_member) == set()
    CouncilMemberFactory(council=CouncilFactory(campaign=campaign), user=council_member)
    CouncilMemberFactory(council=CouncilFactory(campaign=draft_campaign), user=council_member)
    assert visible(council_member) == {campaign}


def test_staff_of_another_district_see_none_of_this_district(other_district_staff, campaign, draft_campaign):
    assert visible(other_district_staff) == set()


def test_anonymous_visitors_see_nothing(campaign):
    from django.contrib.auth.models import AnonymousUser

    assert visible(AnonymousUser()) == set()


def test_current_campaign_prefers_the_latest_published_over_a_newer_draft(staff_user, district, campaign):
    CampaignFactory(owner=district, year=2021, status=Campaign.Status.DRAFT)
    assert current_campaign(staff_user, {district.pk}) == campaign


def test_current_campaign_falls_back_to_the_latest_draft_for_staff(staff_user, draft_campaign, district):
    assert current_campaign(staff_user, {district.pk}) == draft_campaign


# Pages -------------------------------------------------------------------------------------


@pytest.fixture
def update_with_evidence(item, staff_user):
    from django.core.files.base import ContentFile

    update = PlanItemUpdateFactory(item=item, author=staff_user, original_name="bien-ban.pdf", content_type="application/pdf")
    update.evidence.save("x.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return update


def campaign_urls(campaign, item, update, document):
    return [
        reverse("campaign:detail", args=[campaign.pk]),
        reverse("campaign:board", args=[campaign.pk]),
        reverse("campaign:print", args=[campaign.pk]),
        reverse("campaign:deadlines", args=[campaign.pk]),
        reverse("campaign:documents", args=[campaign.pk]),
        reverse("campaign:item", args=[item.pk]),
        reverse("campaign:progress_evidence", args=[update.pk]),
        reverse("campaign:update", args=[campaign.pk]),
        reverse("campaign:item_edit", args=[item.pk]),
        reverse("campaign:acknowledge", args=[document.pk]),
    ]


def test_every_page_of_a_campaign_is_a_404_for_staff_of_another_district(
    client, other_district_staff, campaign, item, update_with_evidence, staff_user
):
    document = DocumentFactory(campaign=campaign, uploaded_by=staff_user)
    client.force_login(other_district_staff)
    for url in campaign_urls(campaign, item, update_with_evidence, document):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("campaign:publish", args=[campaign.pk])).status_code == 404
    assert client.post(reverse("campaign:item_status", args=[item.pk]), {"status": "done"}).status_code == 404


def test_every_page_of_a_draft_is_a_404_for_the_focal_point(focal_client, draft_campaign, staff_user):
    period = draft_campaign.periods.create(name="Quý III", starts_on="2020-07-01", ends_on="2020-09-30")
    item = PlanItemFactory(period=period)
    update = PlanItemUpdateFactory(item=item, author=staff_user)
    document = DocumentFactory(campaign=draft_campaign, uploaded_by=staff_user)
    for url in campaign_urls(draft_campaign, item, update, document):
        assert focal_client.get(url).status_code == 404, url


def test_focal_point_who_tries_to_change_the_published_plan_gets_403(focal_client, campaign, item, periods):
    assert focal_client.get(reverse("campaign:update", args=[campaign.pk])).status_code == 403
    assert focal_client.get(reverse("campaign:item_create", args=[campaign.pk])).status_code == 403
    response = focal_client.post(
        reverse("campaign:item_create", args=[campaign.pk]), {"period": periods[0].pk, "title": "Nhiệm vụ lạ"}
    )
    assert response.status_code == 403
    assert focal_client.get(reverse("campaign:item_edit", args=[item.pk])).status_code == 403
    assert focal_client.post(reverse("campaign:item_status", args=[item.pk]), {"status": "done"}).status_code == 403
    assert (
        focal_client.post(reverse("campaign:progress_create", args=[item.pk]), {"date": "2020-04-01", "text": "x"}).status_code
        == 403
    )
    assert focal_client.post(reverse("campaign:close", args=[campaign.pk])).status_code == 403
    assert focal_client.post(reverse("campaign:period_delete", args=[periods[2].pk])).status_code == 403
    assert focal_client.get(reverse("campaign:create")).status_code == 403
    item.refresh_from_db()
    assert item.status == "planned"
    assert item.updates.count() == 0
    assert campaign.periods.count() == 3


def test_focal_point_page_of_the_plan_offers_no_editing_buttons(focal_client, campaign, item):
    body = focal_client.get(reverse("campaign:item", args=[item.pk])).content.decode()
    assert "progress-form" not in body
    assert "data-set-status" not in body
    board = focal_client.get(reverse("campaign:board", args=[campaign.pk])).content.decode()
    assert "data-add-item" not in board


def test_council_member_reads_the_published_plan_and_not_a_draft(council_member, campaign, draft_campaign):
    CouncilMemberFactory(council=CouncilFactory(campaign=campaign), user=council_member)
    CouncilMemberFactory(council=CouncilFactory(campaign=draft_campaign), user=council_member)
    client = Client()
    client.force_login(council_member)
    assert client.get(reverse("campaign:board", args=[campaign.pk])).status_code == 200
    assert client.get(reverse("campaign:detail", args=[draft_campaign.pk])).status_code == 404


def test_viewer_reads_the_plan_and_cannot_publish_a_draft(viewer_client, campaign, draft_campaign):
    assert viewer_client.get(reverse("campaign:detail", args=[campaign.pk])).status_code == 200
    assert viewer_client.post(reverse("campaign:publish", args=[draft_campaign.pk])).status_code == 404
    draft_campaign.refresh_from_db()
    assert draft_campaign.status == Campaign.Status.DRAFT


def test_anonymous_visitors_are_sent_to_the_login_page(client, campaign):
    response = client.get(reverse("campaign:detail", args=[campaign.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_dashboard_is_for_staff_and_viewers_and_a_403_for_a_focal_point(focal_client, campaign):
    assert focal_client.get(reverse("campaign:dashboard")).status_code == 403


def test_dashboard_of_another_district_campaign_is_a_404(client, other_district_staff, other_district, campaign):
    CampaignFactory(owner=other_district)
    client.force_login(other_district_staff)
    assert client.get(reverse("campaign:dashboard"), {"campaign": campaign.pk}).status_code == 404


def test_plan_item_cannot_name_a_unit_of_another_district(staff_client, campaign, periods, other_district):
    stranger = UnitFactory(parent=other_district, kind="commune")
    response = staff_client.post(
        reverse("campaign:item_create", args=[campaign.pk]),
        {"period": periods[0].pk, "title": "Nhiệm vụ", "lead_unit": stranger.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["lead_unit"] == ["Đơn vị được chọn không thuộc danh sách đơn vị được phép chọn."]
    assert not periods[0].items.exists()
