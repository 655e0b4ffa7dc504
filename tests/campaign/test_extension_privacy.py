"""Finding 8 of the outside attack: a unit reads its own extensions (gia hạn) and their
reasons, never another unit's; a user with no active membership reads no campaign."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from campaign.selectors import campaigns_visible_to, documents_visible_to, extensions_visible_to
from tests.factories import (
    CampaignFactory,
    DeadlineExtensionFactory,
    DeadlineFactory,
    DocumentFactory,
    MembershipFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def extensions(district, unit, other_unit):
    campaign = CampaignFactory(owner=district, status="published", year=2020)
    deadline = DeadlineFactory(campaign=campaign, kind="registration", due_date=datetime.date(2020, 4, 30))
    own = DeadlineExtensionFactory(deadline=deadline, unit=unit, due_date=datetime.date(2020, 5, 10), reason="Lũ cắt đường vào xã")
    other = DeadlineExtensionFactory(
        deadline=deadline, unit=other_unit, due_date=datetime.date(2020, 5, 15), reason="Cán bộ thị trấn nằm viện"
    )
    return campaign, own, other


def test_a_focal_point_reads_its_own_extension_and_not_another_units(focal_client, staff_client, extensions):
    campaign, own, other = extensions
    body = focal_client.get(reverse("campaign:deadlines", args=[campaign.pk])).content.decode()
    assert own.reason in body
    assert other.reason not in body and "Thị trấn Thạnh Mỹ: " not in body
    staff_body = staff_client.get(reverse("campaign:deadlines", args=[campaign.pk])).content.decode()
    assert own.reason in staff_body and other.reason in staff_body


def test_the_extension_selector_gives_a_unit_its_own_only(focal_user, staff_user, extensions):
    _, own, other = extensions
    assert list(extensions_visible_to(focal_user)) == [own]
    assert set(extensions_visible_to(staff_user)) == {own, other}


def test_a_deactivated_units_focal_point_and_a_user_without_membership_read_nothing(extensions, district):
    campaign, _, _ = extensions
    DocumentFactory(campaign=campaign)
    closed = UnitFactory(kind="commune", name="Xã Đã Giải Thể", code="DD-OLD", parent=district, is_active=False)
    former = UserFactory(username="cuxa")
    MembershipFactory(user=former, unit=closed, role="focal_point")
    nobody = UserFactory(username="khongai")
    for user in (former, nobody):
        assert (list(campaigns_visible_to(user)), list(extensions_visible_to(user)), list(documents_visible_to(user))) == ([], [], [])
        client = Client()
        client.force_login(user)
        assert client.get(reverse("campaign:deadlines", args=[campaign.pk])).status_code == 404
