"""Finding 15 of the outside attack: no GET forms a council, its criteria sets or a
ledger entry; staff form the council with a POST."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from evaluations.models import Council, CriteriaSet

PAGES = ["council", "criteria", "nominate", "assignments", "results"]


def _counts():
    return Council.objects.count(), CriteriaSet.objects.count(), AuditEntry.objects.count()


@pytest.mark.parametrize("page", ["home", *PAGES])
def test_a_get_of_an_appraisal_page_before_the_council_exists_writes_nothing(staff_client, campaign, page):
    before = _counts()
    url = reverse("evaluations:home") if page == "home" else reverse(f"evaluations:{page}", args=[campaign.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
    assert 'id="council-start"' in response.content.decode()
    assert _counts() == before == (0, 0, before[2])


def test_the_start_button_forms_the_council_with_its_criteria_once_and_returns_to_the_page(staff_client, campaign):
    url = reverse("evaluations:criteria", args=[campaign.pk])
    start = reverse("evaluations:start", args=[campaign.pk])
    response = staff_client.post(start, {"next": url})
    assert response.status_code == 302 and response["Location"] == url
    assert staff_client.post(start, {"next": "https://example.org/"})["Location"] == f"/appraisal/?campaign={campaign.pk}"
    assert (Council.objects.count(), CriteriaSet.objects.count()) == (1, 2)
    assert AuditEntry.objects.filter(action="council.created").count() == 1
    before = _counts()
    body = staff_client.get(url).content.decode()
    assert 'id="council-start"' not in body
    assert _counts() == before


def test_a_get_of_the_start_address_changes_nothing_and_another_organisers_staff_get_a_404(
    staff_client, client, campaign, other_district
):
    from tests.factories import MembershipFactory, UserFactory

    assert staff_client.get(reverse("evaluations:start", args=[campaign.pk])).status_code == 405
    outsider = UserFactory(username="ngoai")
    MembershipFactory(user=outsider, unit=other_district, role="district_staff")
    client.force_login(outsider)
    assert client.post(reverse("evaluations:start", args=[campaign.pk])).status_code == 404
    assert Council.objects.count() == 0
