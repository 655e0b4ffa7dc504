"""The member's queue at any size: what is still to do first, a page at a time, in a
number of queries that does not grow with the registrations."""

import pytest
from django.urls import reverse

from evaluations.scoring_views import QueueView
from tests.evaluations.conftest import GOOD_MODEL, fill


@pytest.fixture
def scorer(members):
    return members[0]


@pytest.fixture
def scorer_client(client, scorer):
    client.force_login(scorer.user)
    return client


def _names(response) -> list[str]:
    return [assignment.registration.model.name for assignment in response.context["active"]]


def test_queue_shows_unscored_then_drafts_then_submitted(scorer_client, scorer, make_nominated):
    submitted, draft, unscored = make_nominated(), make_nominated(), make_nominated()
    fill(scorer, submitted, GOOD_MODEL)
    fill(scorer, draft, [10, None, None, None, None], submit=False)
    response = scorer_client.get(reverse("evaluations:queue"))
    assert _names(response) == [unscored.model.name, draft.model.name, submitted.model.name]
    assert [(a.total, a.scored) for a in response.context["active"]] == [(None, 0), (10, 1), (85, 5)]
    assert "1/5 tiêu chí" in response.content.decode()
    assert str(response.context["progress"]) == "1 / 3"


def test_second_page_shows_the_rest_and_links_keep_the_campaign(scorer_client, scorer, campaign, make_nominated, monkeypatch):
    monkeypatch.setattr(QueueView, "paginate_by", 2)
    done, rest = make_nominated(), [make_nominated(), make_nominated()]
    fill(scorer, done, GOOD_MODEL)
    url = f"{reverse('evaluations:queue')}?campaign={campaign.pk}"
    first = scorer_client.get(url)
    body = first.content.decode()
    assert sorted(_names(first)) == sorted(r.model.name for r in rest)
    assert f'href="?campaign={campaign.pk}&amp;page=2"' in body
    assert "Trang 1 / 2" in body
    second = scorer_client.get(f"{url}&page=2")
    assert _names(second) == [done.model.name]
    assert str(second.context["progress"]) == "1 / 3"  # progress counts every page
    assert scorer_client.get(f"{url}&page=99").context["page_obj"].number == 2  # past the end: the last page


def test_queue_leaves_recused_registrations_out_of_the_pages(scorer_client, scorer, make_nominated):
    from evaluations import services

    kept, recused = make_nominated(), make_nominated()
    services.declare_conflict(scorer.assignments.get(registration=recused), reason="Người nhà", by=scorer.user)
    response = scorer_client.get(reverse("evaluations:queue"))
    assert _names(response) == [kept.model.name]
    assert [a.registration_id for a in response.context["recused"]] == [recused.pk]
    assert str(response.context["progress"]) == "0 / 1"


def test_queue_queries_are_the_same_at_two_and_six_registrations(
    scorer_client, scorer, make_nominated, django_assert_num_queries
):
    def grow(count):
        for number in range(count):
            registration = make_nominated()
            if number % 2:
                fill(scorer, registration, GOOD_MODEL, submit=number % 4 == 1)

    grow(2)
    with django_assert_num_queries(12):
        small = scorer_client.get(reverse("evaluations:queue"))
    grow(4)
    with django_assert_num_queries(12):
        large = scorer_client.get(reverse("evaluations:queue"))
    assert (len(small.context["active"]), len(large.context["active"])) == (2, 6)
