import datetime

import pytest

from campaign.models import Campaign, PlanItem
from tests.factories import (
    CampaignFactory,
    MembershipFactory,
    PlanItemFactory,
    PlanPeriodFactory,
    UnitFactory,
    UserFactory,
)


@pytest.fixture
def draft_campaign(district):
    return CampaignFactory(owner=district, status=Campaign.Status.DRAFT, number="Số 12-KH/BDVHU")


@pytest.fixture
def campaign(district):
    """A published 2020 plan of the district with the seed's three periods."""
    campaign = CampaignFactory(owner=district, status=Campaign.Status.PUBLISHED, number="Số 12-KH/BDVHU")
    PlanPeriodFactory(campaign=campaign, name="Quý I và quý II", order=1)
    PlanPeriodFactory(
        campaign=campaign, name="Quý III", order=2, starts_on=datetime.date(2020, 7, 1), ends_on=datetime.date(2020, 9, 30)
    )
    PlanPeriodFactory(
        campaign=campaign, name="Quý IV", order=3, starts_on=datetime.date(2020, 10, 1), ends_on=datetime.date(2020, 12, 31)
    )
    return campaign


@pytest.fixture
def periods(campaign):
    return list(campaign.periods.all())


@pytest.fixture
def item(periods, district):
    return PlanItemFactory(period=periods[0], title="Tổ chức quán triệt các văn bản mới", lead_unit=district)


@pytest.fixture
def other_district_staff(other_district):
    user = UserFactory(username="bdv-lacduong")
    MembershipFactory(user=user, unit=other_district, role="district_staff")
    return user


@pytest.fixture
def other_district_campaign(other_district):
    return CampaignFactory(owner=other_district, status=Campaign.Status.PUBLISHED)


@pytest.fixture
def make_units(district):
    """Add communes to the district until it has ``count`` of them."""

    def make(count):
        existing = district.children.count()
        return [UnitFactory(parent=district, kind="commune") for _ in range(max(0, count - existing))]

    return make


@pytest.fixture
def make_items(periods, district):
    """Add tasks spread over the periods until the plan has ``count`` of them, each with a
    lead unit and two coordinating units."""

    def make(count):
        units = list(district.children.all()[:2])
        existing = PlanItem.objects.filter(period__campaign=periods[0].campaign).count()
        statuses = list(PlanItem.Status.values)
        for index in range(existing, count):
            PlanItemFactory(
                period=periods[index % len(periods)],
                lead_unit=district,
                coordinating_units=units,
                status=statuses[index % len(statuses)],
            )

    return make
