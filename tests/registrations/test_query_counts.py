"""List, detail and unit-home pages run the same number of queries
whatever the number of registrations (asserted at 3 and at 30)."""

import pytest
from django.urls import reverse

from registrations.models import Status
from tests.factories import DvkModelFactory, EvidenceFactory, ProgressReportFactory, RegistrationFactory

STATUSES = [Status.ACCEPTED, Status.SUBMITTED, Status.RETURNED, Status.DRAFT]


@pytest.fixture
def make_registrations(campaign, unit, other_unit, registration_deadline, report_deadlines):
    made = []

    def make(count):
        for index in range(count):
            owner = unit if index % 2 == 0 else other_unit
            registration = RegistrationFactory(
                campaign=campaign, model=DvkModelFactory(unit=owner), status=STATUSES[index % len(STATUSES)]
            )
            if registration.status == Status.ACCEPTED:
                ProgressReportFactory(registration=registration, kind="interim", status="submitted")
                ProgressReportFactory(registration=registration, kind="final")
            EvidenceFactory(registration=registration)
            made.append(registration)
        return made

    return make


@pytest.mark.parametrize("url_name", ["registrations:list", "registrations:export"])
def test_list_and_export_queries_do_not_grow(staff_client, make_registrations, django_assert_max_num_queries, url_name):
    budget = 13 if url_name == "registrations:list" else 12  # the list page also counts the bell's unread messages
    make_registrations(3)
    with django_assert_max_num_queries(budget) as small:
        assert staff_client.get(reverse(url_name)).status_code == 200
    make_registrations(27)
    with django_assert_max_num_queries(budget) as large:
        assert staff_client.get(reverse(url_name)).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_unit_home_queries_do_not_grow(focal_client, make_registrations, django_assert_max_num_queries):
    make_registrations(3)
    with django_assert_max_num_queries(19) as small:
        response = focal_client.get(reverse("registrations:unit_home"))
    assert len(response.context["registrations"]) == 2
    make_registrations(27)
    with django_assert_max_num_queries(19) as large:
        response = focal_client.get(reverse("registrations:unit_home"))
    assert len(large.captured_queries) == len(small.captured_queries)
    assert len(response.context["registrations"]) == 16


def test_detail_queries_do_not_grow_with_registrations_or_evidence(
    staff_client, make_registrations, django_assert_max_num_queries
):
    first = make_registrations(3)[0]
    url = reverse("registrations:detail", args=[first.pk])
    with django_assert_max_num_queries(16) as small:
        assert staff_client.get(url).status_code == 200
    make_registrations(27)
    for _ in range(20):
        EvidenceFactory(registration=first)
    for report in first.reports.all():
        EvidenceFactory(registration=first, report=report)
    with django_assert_max_num_queries(16) as large:
        assert staff_client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_list_paginates(staff_client, make_registrations):
    make_registrations(30)
    response = staff_client.get(reverse("registrations:list"))
    assert len(response.context["registrations"]) == 25
    assert response.context["paginator"].count == 30
    assert len(staff_client.get(reverse("registrations:list"), {"page": 2}).context["registrations"]) == 5
