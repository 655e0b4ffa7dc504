"""The district dashboard, its extension registry, and the unit home page."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from campaign import dashboard
from campaign.columns import documents_disseminated
from campaign.models import Campaign, Deadline
from tests.factories import (
    AcknowledgementFactory,
    CampaignFactory,
    DeadlineExtensionFactory,
    DeadlineFactory,
    DocumentFactory,
    PlanItemFactory,
)

pytestmark = pytest.mark.django_db


def test_the_campaign_app_registers_its_documents_column_and_obligations():
    assert "documents" in [column.key for column in dashboard.columns()]
    from campaign.columns import documents_to_disseminate

    assert documents_to_disseminate in dashboard._obligation_providers


def test_documents_column_counts_each_units_disseminations(campaign, unit, other_unit, staff_user):
    first, _second = (
        DocumentFactory(campaign=campaign, uploaded_by=staff_user),
        DocumentFactory(campaign=campaign, uploaded_by=staff_user),
    )
    AcknowledgementFactory(document=first, unit=unit, recorded_by=staff_user)
    cells = documents_disseminated(campaign, [unit, other_unit])
    assert (cells[unit.pk].text, cells[unit.pk].level) == ("1/2", "warning")
    assert (cells[other_unit.pk].text, cells[other_unit.pk].level) == ("0/2", "danger")


def test_documents_column_without_documents_shows_a_dash(campaign, unit):
    assert documents_disseminated(campaign, [unit])[unit.pk].text == "—"


def test_obligations_from_providers_with_different_sort_keys_are_ordered_outstanding_first_by_date():
    due = datetime.date(2020, 4, 30)
    obligations = [
        dashboard.Obligation(title="xem kết quả", done=True, sort_key=(9,)),
        dashboard.Obligation(title="đăng ký", sort_key=(due, 0)),
        dashboard.Obligation(title="quán triệt", sort_key=(datetime.date(2020, 3, 3), 1, 2)),
        dashboard.Obligation(title="không hạn", sort_key=("z",)),
    ]
    assert [ob.title for ob in dashboard.ordered(obligations)] == ["quán triệt", "đăng ký", "không hạn", "xem kết quả"]


def test_dashboard_shows_the_latest_published_campaign_with_progress_and_chart_data(
    staff_client, campaign, periods, unit, other_unit
):
    CampaignFactory(owner=campaign.owner, year=2021, status=Campaign.Status.DRAFT)
    PlanItemFactory(period=periods[0], status="done")
    PlanItemFactory(period=periods[0], status="in_progress")
    PlanItemFactory(period=periods[2], status="planned", due_date=datetime.date(2020, 12, 31))
    response = staff_client.get(reverse("campaign:dashboard"))
    assert response.context["campaign"] == campaign
    assert [row["unit"].name for row in response.context["grid"]] == ["Thị trấn Thạnh Mỹ", "Xã Ka Đô"]
    progress = {
        row.period.name: (row.counts["planned"], row.counts["in_progress"], row.counts["done"])
        for row in response.context["progress"]
    }
    assert progress == {"Quý I và quý II": (0, 1, 1), "Quý III": (0, 0, 0), "Quý IV": (1, 0, 0)}
    body = response.content.decode()
    chart = json.loads(re.search(r'<script id="plan-chart-data" type="application/json">(.*?)</script>', body).group(1))
    assert chart["labels"] == ["Quý I và quý II", "Quý III", "Quý IV"]
    assert {d["key"]: d["data"] for d in chart["datasets"]} == {
        "planned": [0, 0, 1],
        "in_progress": [1, 0, 0],
        "done": [1, 0, 0],
        "cancelled": [0, 0, 0],
    }
    assert response.context["totals"] == {"items": 3, "done": 1, "overdue": 2, "units": 2}


def test_dashboard_has_no_inline_script(staff_client, campaign):
    body = staff_client.get(reverse("campaign:dashboard")).content.decode()
    for tag in re.findall(r"<script[^>]*>", body):
        assert 'src="' in tag or 'type="application/json"' in tag, tag
    assert "/static/vendor/chartjs/chart.umd.min.js" in body
    assert "/static/js/campaign.js" in body
    assert " onclick=" not in body


def test_dashboard_lists_the_coming_deadlines_and_how_many_units_were_extended(staff_client, campaign, unit, staff_user):
    today = timezone.localdate()
    soon = DeadlineFactory(campaign=campaign, kind=Deadline.Kind.INTERIM_REPORT, due_date=today + datetime.timedelta(days=5))
    DeadlineFactory(campaign=campaign, kind=Deadline.Kind.REGISTRATION, due_date=today - datetime.timedelta(days=5))
    DeadlineExtensionFactory(deadline=soon, unit=unit, granted_by=staff_user)
    response = staff_client.get(reverse("campaign:dashboard"))
    assert [(d.kind, d.extension_count) for d in response.context["upcoming"]] == [("interim_report", 1)]


def test_dashboard_without_any_campaign_invites_staff_to_create_one(staff_client):
    response = staff_client.get(reverse("campaign:dashboard"))
    assert response.status_code == 200
    assert response.context["campaign"] is None


def test_viewer_dashboard_never_shows_a_draft(viewer_client, draft_campaign):
    assert viewer_client.get(reverse("campaign:dashboard")).context["campaign"] is None


def test_unit_home_shows_the_units_own_deadline_with_its_extension(focal_client, campaign, unit, staff_user):
    today = timezone.localdate()
    deadline = DeadlineFactory(campaign=campaign, kind=Deadline.Kind.REGISTRATION, due_date=today + datetime.timedelta(days=3))
    DeadlineExtensionFactory(deadline=deadline, unit=unit, due_date=today + datetime.timedelta(days=10), granted_by=staff_user)
    DeadlineFactory(
        campaign=campaign, kind=Deadline.Kind.SCORING, audience="council", due_date=today + datetime.timedelta(days=20)
    )
    response = focal_client.get(reverse("campaign:unit_home"))
    blocks = response.context["unit_deadlines"]
    assert [(block["unit"], [(d.deadline.kind, d.due_date, d.is_extended) for d in block["due_dates"]]) for block in blocks] == [
        (unit, [("registration", today + datetime.timedelta(days=10), True)])
    ]


def test_unit_home_lists_open_tasks_the_unit_leads_or_coordinates(focal_client, periods, unit, other_unit):
    led = PlanItemFactory(period=periods[0], lead_unit=unit, title="Ka Đô chủ trì")
    helped = PlanItemFactory(period=periods[1], coordinating_units=[unit, other_unit], title="Ka Đô phối hợp")
    PlanItemFactory(period=periods[1], lead_unit=unit, status="done", title="Đã xong")
    PlanItemFactory(period=periods[2], lead_unit=other_unit, title="Của Thạnh Mỹ")
    response = focal_client.get(reverse("campaign:unit_home"))
    assert list(response.context["tasks"]) == [led, helped]
