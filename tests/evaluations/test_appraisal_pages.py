"""The appraisal home and the assignments page at any size: counts in SQL, the grid a
page of registrations at a time, and a number of queries that does not grow."""

import pytest
from django.urls import reverse

from evaluations.models import Assignment
from evaluations.views import AssignmentsView
from tests.evaluations.conftest import accepted_registration


def _grid_names(response) -> list[str]:
    return [registration.model.name for registration, _cells in response.context["grid"]]


def test_home_counts_nominated_eligible_and_waiting(staff_client, campaign, unit, council, members, make_nominated):
    make_nominated(), make_nominated()
    accepted_registration(campaign, unit)
    accepted_registration(campaign, unit, final_report=False)
    accepted_registration(campaign, unit, final_report=False)
    context = staff_client.get(reverse("evaluations:home")).context
    assert (context["nominated_count"], context["eligible_count"], context["waiting_report_count"]) == (2, 1, 2)


def test_home_queries_are_the_same_at_two_and_six_registrations(
    staff_client, campaign, unit, council, members, make_nominated, django_assert_num_queries
):
    def grow(count):
        for number in range(count):
            make_nominated() if number % 2 else accepted_registration(campaign, unit, final_report=number % 4 == 0)

    grow(2)
    with django_assert_num_queries(14):
        assert staff_client.get(reverse("evaluations:home")).status_code == 200
    grow(4)
    with django_assert_num_queries(14):
        assert staff_client.get(reverse("evaluations:home")).status_code == 200


def test_assignments_second_page_shows_the_rest_in_order(staff_client, campaign, council, members, make_nominated, monkeypatch):
    monkeypatch.setattr(AssignmentsView, "paginate_by", 2)
    exemplar = make_nominated(kind="exemplar")
    models = sorted([make_nominated(), make_nominated()], key=lambda r: r.pk)
    url = reverse("evaluations:assignments", args=[campaign.pk])
    first = staff_client.get(url)
    second = staff_client.get(f"{url}?page=2")
    # Exemplars before models, then by unit and name; the second page holds the rest.
    assert _grid_names(first) == [exemplar.model.name, models[0].model.name]
    assert _grid_names(second) == [models[1].model.name]
    assert 'href="?page=2"' in first.content.decode()


def test_assignments_filter_by_kind_is_kept_in_the_page_links(
    staff_client, campaign, council, members, make_nominated, monkeypatch
):
    monkeypatch.setattr(AssignmentsView, "paginate_by", 1)
    exemplar_first, exemplar_second = make_nominated(kind="exemplar"), make_nominated(kind="exemplar")
    make_nominated()
    url = reverse("evaluations:assignments", args=[campaign.pk])
    first = staff_client.get(f"{url}?kind=exemplar")
    assert 'href="?kind=exemplar&amp;page=2"' in first.content.decode()
    second = staff_client.get(f"{url}?kind=exemplar&page=2")
    assert sorted(_grid_names(first) + _grid_names(second)) == sorted([exemplar_first.model.name, exemplar_second.model.name])


def test_saving_one_page_leaves_the_other_pages_alone(
    staff_client, campaign, council, members, chair, make_nominated, monkeypatch
):
    monkeypatch.setattr(AssignmentsView, "paginate_by", 1)
    first, second = make_nominated(), make_nominated()
    url = reverse("evaluations:assignments", args=[campaign.pk])
    on_page = staff_client.get(url).context["grid"][0][0]
    other = second if on_page == first else first
    # Nothing ticked on this page: its row is shown, so all of its assignments go.
    response = staff_client.post(f"{url}?page=1", {"shown": [on_page.pk], "pairs": [f"{on_page.pk}:{chair.pk}"]})
    assert response.status_code == 302 and response["Location"] == f"{url}?page=1"
    assert list(Assignment.objects.filter(registration=on_page).values_list("member_id", flat=True)) == [chair.pk]
    assert Assignment.objects.filter(registration=other).count() == 5


def test_an_unticked_row_shown_loses_its_assignments(staff_client, campaign, council, members, chair, make_nominated):
    registration = make_nominated()
    url = reverse("evaluations:assignments", args=[campaign.pk])
    staff_client.post(url, {"shown": [registration.pk]})
    assert Assignment.objects.filter(registration=registration).count() == 0


def test_assignments_refuse_a_registration_outside_the_appraisal(staff_client, campaign, unit, council, members, make_nominated):
    registration = make_nominated()
    stranger = accepted_registration(campaign, unit)
    url = reverse("evaluations:assignments", args=[campaign.pk])
    response = staff_client.post(url, {"shown": [registration.pk, stranger.pk]}, follow=True)
    assert "Phân công không hợp lệ" in response.content.decode()
    assert Assignment.objects.filter(registration=registration).count() == 5


@pytest.mark.parametrize("registrations", [2, 6])
def test_assignments_queries_do_not_grow(
    staff_client, campaign, council, members, make_nominated, django_assert_num_queries, registrations
):
    for number in range(registrations):
        make_nominated(kind="exemplar" if number % 3 == 0 else "model")
    with django_assert_num_queries(12):
        response = staff_client.get(reverse("evaluations:assignments", args=[campaign.pk]))
    assert len(response.context["grid"]) == registrations


def test_assignments_tolerate_a_bad_page_or_kind(staff_client, campaign, council, members, make_nominated):
    registration = make_nominated()
    url = reverse("evaluations:assignments", args=[campaign.pk])
    for query in ("?page=abc", "?page=-1", "?kind=bogus", "?page=999"):
        response = staff_client.get(url + query)
        assert response.status_code == 200, query
        assert _grid_names(response) == [registration.model.name], query


def test_a_member_cannot_open_the_assignments_page(client, campaign, council, members, make_nominated):
    make_nominated()
    client.force_login(members[0].user)
    assert client.get(reverse("evaluations:assignments", args=[campaign.pk])).status_code == 404
