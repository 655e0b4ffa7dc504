"""The interim report is a review as of its date: nothing sent, reviewed, finalised or
decided after that day shows in it, however late it is rendered."""

import datetime

import pytest
from django.utils import timezone

from campaign.models import PlanItem
from registrations.models import Registration, Status
from reports.document import build_document
from reports.models import SummaryReport
from reports.pdf import render_pdf
from reports.selectors import report_content

from .builders import add_plan, add_registration, pdftotext


@pytest.fixture
def interim(campaign):
    return SummaryReport.objects.create(
        campaign=campaign, kind=SummaryReport.Kind.INTERIM, date=datetime.date(2020, 6, 30), subject="Sơ kết 6 tháng đầu năm 2020"
    )


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=timezone.get_default_timezone())


def test_interim_report_dated_before_finalisation_shows_no_appraisal_results_after_it(interim, report, populated, appraised):
    content = report_content(interim)
    assert (content["recognised"], content["classifications"], content["proposals"], content["medals"]) == ([], [], [], [])
    assert sum(row["recognised"] for row in content["units"]) == 0
    # Registrations recognised in November were, on 30/06, accepted ones.
    assert {s["status"] for s in content["statuses"]} <= {Status.SUBMITTED, Status.ACCEPTED}
    document = build_document(interim, content)
    assert not any("được công nhận" in table.title or "Đề nghị" in table.title for table in document.tables)
    text = pdftotext(render_pdf(document))
    assert "Mô hình tập thể được công nhận" not in text
    assert "Dân vận khéo giữ gìn an ninh thôn" not in text

    # The year-end report of the same campaign shows them.
    year_end = report_content(report)
    assert {row["name"] for row in year_end["recognised"]} >= {"Dân vận khéo giữ gìn an ninh thôn", "Ân tình xóm đạo"}


def test_interim_report_shows_results_finalised_before_its_date(interim, appraised):
    appraised["council"].__class__.objects.filter(pk=appraised["council"].pk).update(finalised_at=_at(datetime.date(2020, 6, 20)))
    assert len(report_content(interim)["recognised"]) == 3


def test_interim_report_leaves_out_registrations_sent_and_reviews_made_after_its_date(interim, campaign, unit):
    on_time = add_registration(campaign, unit, status=Status.ACCEPTED)
    late = add_registration(campaign, unit, status=Status.ACCEPTED)
    reviewed_late = add_registration(campaign, unit, status=Status.ACCEPTED)
    Registration.objects.filter(pk=on_time.pk).update(submitted_at=_at(datetime.date(2020, 4, 20)), reviewed_at=_at(datetime.date(2020, 5, 5)))
    Registration.objects.filter(pk=late.pk).update(submitted_at=_at(datetime.date(2020, 7, 1)))
    Registration.objects.filter(pk=reviewed_late.pk).update(
        submitted_at=_at(datetime.date(2020, 6, 29)), reviewed_at=_at(datetime.date(2020, 7, 2))
    )
    totals = report_content(interim)["unit_totals"]
    assert (totals["registered"], totals["accepted"]) == (2, 1)


def test_interim_report_shows_a_task_done_after_its_date_as_still_under_way(interim, campaign):
    first, _fourth = add_plan(campaign)
    PlanItem.objects.filter(period=first, order=1).update(completed_on=datetime.date(2020, 7, 10))
    items = report_content(interim)["plan"][0]["items"]
    assert (items[0]["status"], items[0]["is_done"], items[0]["completed_on"]) == (PlanItem.Status.IN_PROGRESS, False, "")
