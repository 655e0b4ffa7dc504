"""The pages that walk the unit tree run the same number of queries whether the
organiser sits two or four levels down and whether it has a few units or many
(a subtree is one prefix query on a materialised path)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role, Unit
from tests.factories import CampaignFactory, DvkModelFactory, MembershipFactory, RegistrationFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

PAGES = ("campaign:dashboard", "registrations:list", "accounts:manage_units", "accounts:user_create")


def _organiser_at_depth(depth: int, tag: str) -> Unit:
    parent = None
    for level in range(depth):
        parent = UnitFactory(kind=Unit.Kind.PROVINCE if level == 0 else Unit.Kind.BOARD, code=f"{tag}-{level}", parent=parent)
    return parent


def _grow(organiser: Unit, campaign, communes: int, tag: str) -> None:
    for number in range(communes):
        commune = UnitFactory(kind=Unit.Kind.COMMUNE, code=f"{tag}-C{number}", parent=organiser)
        UnitFactory(kind=Unit.Kind.VILLAGE, code=f"{tag}-C{number}-V", parent=commune)
        RegistrationFactory(campaign=campaign, unit=commune, model=DvkModelFactory(unit=commune))


def _counts(depth: int, tag: str) -> list[dict[str, int]]:
    organiser = _organiser_at_depth(depth, tag)
    campaign = CampaignFactory(owner=organiser, status="published", coverage_depth=2)
    staff = UserFactory(username=f"staff-{tag}")
    MembershipFactory(user=staff, unit=organiser, role=Role.DISTRICT_STAFF)
    client = Client()
    client.force_login(staff)
    counts = []
    for communes in (2, 9):
        _grow(organiser, campaign, communes, f"{tag}{communes}")
        measured = {}
        for page in PAGES:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse(page)).status_code == 200
            measured[page] = len(queries)
        counts.append(measured)
    return counts


def test_tree_pages_run_equal_queries_at_depth_two_and_four_and_at_two_sizes():
    shallow_small, shallow_large = _counts(2, "A")
    deep_small, deep_large = _counts(4, "B")
    assert shallow_small == shallow_large == deep_small == deep_large
