"""List, detail and unit-home pages run the same number of queries
whatever the number of registrations (asserted at 3 and at 30)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.exports import generate_export
from accounts.models import ExportFile
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


def test_list_queries_do_not_grow(staff_client, make_registrations, django_assert_num_queries):
    make_registrations(3)
    # With the bell's unread messages; the rows are counted once, by the status summary.
    with django_assert_num_queries(12):
        assert staff_client.get(reverse("registrations:list")).status_code == 200
    make_registrations(27)
    with django_assert_num_queries(12):
        assert staff_client.get(reverse("registrations:list")).status_code == 200


def test_asking_for_the_export_and_making_it_take_the_same_queries_at_3_and_30(staff_client, make_registrations):
    """The request that asks for the export, and the worker that makes it, each in a
    number of queries that does not depend on the number of registrations."""
    counts = []
    staff_client.post(f"{reverse('registrations:export')}?status=draft")  # caches (content types) warm
    for count in (3, 27):
        make_registrations(count)
        with CaptureQueriesContext(connection) as asking:
            response = staff_client.post(reverse("registrations:export"))
        assert response.status_code == 302
        row = ExportFile.objects.latest("pk")
        with CaptureQueriesContext(connection) as making:
            generate_export(row.pk)
        row.refresh_from_db()
        assert row.is_ready
        counts.append((len(asking.captured_queries), len(making.captured_queries), row.rows))
    assert [(asking, making) for asking, making, _rows in counts] == [counts[0][:2]] * 2
    assert [rows for *_counts, rows in counts] == [3, 30]


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
    assert sum(n for _value, _label, n in response.context["status_summary"]) == 30
    second = staff_client.get(reverse("registrations:list"), {"page": 2})
    assert len(second.context["registrations"]) == 5
    assert (second.context["paginator"].count, second.context["paginator"].num_pages) == (30, 2)
    # A filter counts what it keeps: a quarter of the rows are drafts (STATUSES).
    drafts = staff_client.get(reverse("registrations:list"), {"status": Status.DRAFT})
    assert drafts.context["paginator"].count == len(drafts.context["registrations"]) == 7
