"""The dashboard, the plan board and the other plan pages run the same number of
queries whatever with the number of units and tasks."""

import pytest
from django.urls import reverse

from campaign import dashboard
from campaign.models import Deadline
from tests.factories import (
    AcknowledgementFactory,
    DeadlineExtensionFactory,
    DeadlineFactory,
    DocumentFactory,
    PlanItemUpdateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def grow(campaign, district, make_units, make_items, staff_user):
    """Grow the district and the plan to ``size`` units and tasks, with documents,
    dissemination records, deadlines, extensions and progress updates to match."""
    documents = [DocumentFactory(campaign=campaign, uploaded_by=staff_user) for _ in range(2)]
    deadline = DeadlineFactory(campaign=campaign, kind=Deadline.Kind.REGISTRATION)

    def grow_to(size):
        make_units(size)
        make_items(size)
        for unit in district.children.all():
            if not unit.acknowledgements.exists():
                AcknowledgementFactory(document=documents[0], unit=unit, recorded_by=staff_user)
                DeadlineExtensionFactory(deadline=deadline, unit=unit, granted_by=staff_user)
        for plan_item in campaign.periods.first().items.all():
            PlanItemUpdateFactory(item=plan_item, author=staff_user)

    return grow_to


@pytest.fixture
def extra_column(monkeypatch):
    """A column a higher app would register: one query, whatever the number of units."""

    def compute(campaign, units):
        ids = (
            list(type(units[0]).objects.filter(pk__in=[unit.pk for unit in units]).values_list("pk", flat=True)) if units else []
        )
        return {pk: dashboard.Cell(text="1", level="info") for pk in ids}

    monkeypatch.setitem(dashboard._columns, "test-extra", dashboard.Column(key="test-extra", label="Cột thử", compute=compute))


@pytest.mark.parametrize(
    "url_name",
    ["campaign:dashboard", "campaign:board", "campaign:detail", "campaign:print", "campaign:documents", "campaign:deadlines"],
)
def test_page_query_count_does_not_grow_with_units_and_tasks(
    url_name, staff_client, campaign, grow, extra_column, django_assert_max_num_queries
):
    url = reverse(url_name) if url_name == "campaign:dashboard" else reverse(url_name, args=[campaign.pk])
    grow(3)
    with django_assert_max_num_queries(QUERY_BUDGET[url_name]) as small:
        assert staff_client.get(url).status_code == 200
    grow(30)
    with django_assert_max_num_queries(QUERY_BUDGET[url_name]) as large:
        response = staff_client.get(url)
    assert response.status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


# The dashboard's budget leaves room for the columns higher apps register (a few queries
# each); the other pages are the campaign app's alone.
QUERY_BUDGET = {
    "campaign:dashboard": 30,
    # Every page also counts the unread messages for the bell (one query).
    "campaign:board": 9,
    "campaign:detail": 11,
    "campaign:print": 9,
    "campaign:documents": 9,
    "campaign:deadlines": 8,
}


def test_dashboard_shows_thirty_units_and_the_registered_columns(staff_client, campaign, grow, extra_column):
    grow(30)
    body = staff_client.get(reverse("campaign:dashboard")).content.decode()
    assert body.count("<tr data-unit=") == 30
    assert 'data-column="documents"' in body
    assert 'data-column="test-extra"' in body


def test_unit_home_query_count_does_not_grow(focal_client, campaign, grow, django_assert_max_num_queries):
    grow(3)
    with django_assert_max_num_queries(30) as small:
        focal_client.get(reverse("campaign:unit_home"))
    grow(30)
    with django_assert_max_num_queries(30) as large:
        focal_client.get(reverse("campaign:unit_home"))
    assert len(large.captured_queries) == len(small.captured_queries)
