"""The member's queue, the results table and the score matrix run a number of queries
that does not grow with members or registrations."""

import pytest
from django.urls import reverse

from evaluations import services
from tests.evaluations.conftest import GOOD_MODEL, accepted_registration, fill, seat


def grow(council, campaign, staff_user, unit, *, members, registrations, scorer):
    """Seat ``members`` more members and nominate ``registrations`` more registrations;
    every member submits a sheet for each."""
    seated = [seat(council, f"extra{council.members.count()}-{i}") for i in range(members)]
    new = [accepted_registration(campaign, unit, kind="exemplar" if i % 3 == 0 else "model") for i in range(registrations)]
    services.nominate(campaign, new, by=staff_user)
    for registration in new:
        values = [18, 27, 22.5, 22.5] if registration.model.kind == "exemplar" else GOOD_MODEL
        for member in [scorer, *seated]:
            fill(member, registration, values)


@pytest.fixture
def scorer(council, chair):
    return seat(council, "thamdinh1")


@pytest.mark.parametrize("name", ["queue", "results", "export_matrix", "export_results"])
def test_page_queries_do_not_grow(
    client, django_assert_max_num_queries, council, campaign, chair, scorer, staff_user, unit, name
):
    if name == "queue":
        client.force_login(scorer.user)
        url = reverse("evaluations:queue")
    else:
        client.force_login(staff_user)
        url = reverse(f"evaluations:{name}", args=[campaign.pk])
    limit = {"queue": 12, "results": 15, "export_matrix": 11, "export_results": 10}[name]
    grow(council, campaign, staff_user, unit, members=1, registrations=2, scorer=scorer)
    with django_assert_max_num_queries(limit) as small:
        assert client.get(url).status_code == 200
    grow(council, campaign, staff_user, unit, members=4, registrations=10, scorer=scorer)
    with django_assert_max_num_queries(limit) as large:
        response = client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)
    assert response.status_code == 200
    if name == "queue":
        assert "12 / 12" in response.content.decode()
