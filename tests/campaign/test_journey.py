"""A year's plan through the web as the two people would do it: ``bdv`` writes the plan,
publishes it and reports progress; ``kado`` reads it and records a dissemination; a
draft of the district stays hidden from ``kado``."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from audit.models import AuditEntry
from campaign.models import Acknowledgement, Campaign, Document, PlanItem, PlanItemUpdate
from tests.campaign import uploads

pytestmark = pytest.mark.django_db

CAMPAIGN_FORM = {
    "year": "2020",
    "title": "Thực hiện phong trào thi đua “Dân vận khéo” trong xây dựng nông thôn mới năm 2020",
    "number": "Số 12-KH/BDVHU",
    "issued_on": "10/03/2020",
    "place": "",
    "legal_bases": "Kế hoạch số 75-KH/BDVTU ngày 03/3/2020 của Ban Dân vận Tỉnh ủy Lâm Đồng",
    "preamble": "",
    "purposes": "- Nâng cao trách nhiệm của cấp uỷ, chính quyền đối với công tác dân vận.",
    "implementation": "Khối Dân vận các xã, thị trấn quan tâm phối hợp tổ chức thực hiện.",
    "recipients": "Đảng ủy các xã, thị trấn,\nLưu BDVHU.",
    "signer_title": "TRƯỞNG BAN",
    "signer_name": "Lê Đình Thủy",
}

TASKS = {
    "Quý I và quý II": "Tổ chức khảo sát và triển khai đăng ký thi đua xây dựng các mô hình, điển hình “Dân vận khéo” ở cơ sở",
    "Quý III": "Tiếp tục đôn đốc, hướng dẫn việc xây dựng các mô hình, điển hình “Dân vận khéo”",
    "Quý IV": "Tổ chức Tổng kết phong trào thi đua “Dân vận khéo” năm 2020",
}


@pytest.fixture
def bdv(staff_user):
    client = Client()
    client.force_login(staff_user)
    return client


@pytest.fixture
def kado(focal_user):
    client = Client()
    client.force_login(focal_user)
    return client


def test_staff_writes_publishes_and_reports_progress_and_the_focal_point_reads_and_disseminates(bdv, kado, unit, other_unit):
    # bdv creates the campaign: a draft with the seed plan's three periods.
    response = bdv.post(reverse("campaign:create"), CAMPAIGN_FORM)
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("campaign:detail", args=[campaign.pk])
    assert campaign.status == Campaign.Status.DRAFT
    assert campaign.issued_on == datetime.date(2020, 3, 10)
    assert campaign.recipients == ["Đảng ủy các xã, thị trấn,", "Lưu BDVHU."]
    assert [period.name for period in campaign.periods.all()] == ["Quý I và quý II", "Quý III", "Quý IV"]

    # ... adds a task in each period.
    for period in campaign.periods.all():
        response = bdv.post(
            reverse("campaign:item_create", args=[campaign.pk]),
            {
                "period": period.pk,
                "title": TASKS[period.name],
                "description": "",
                "lead_unit": campaign.owner_id,
                "coordinating_units": [unit.pk, other_unit.pk],
                "due_date": period.ends_on.isoformat(),
            },
        )
        assert response.status_code == 302
    items = list(PlanItem.objects.filter(period__campaign=campaign).order_by("period__order"))
    assert [(item.period.name, item.title) for item in items] == list(TASKS.items())
    assert set(items[0].coordinating_units.all()) == {unit, other_unit}

    # ... adds a document to disseminate, then publishes.
    response = bdv.post(
        reverse("campaign:document_create", args=[campaign.pk]),
        {"number": "75-KH/BDVTU", "date": "2020-03-03", "title": "Kế hoạch của Ban Dân vận Tỉnh ủy", "file": uploads.pdf()},
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.content_type == "application/pdf"
    assert document.original_name == "bien-ban.pdf"

    response = bdv.post(reverse("campaign:publish", args=[campaign.pk]))
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PUBLISHED

    # ... records a progress update with evidence, then marks the task done.
    first = items[0]
    response = bdv.post(
        reverse("campaign:progress_create", args=[first.pk]),
        {
            "date": "2020-04-15",
            "text": "Đã khảo sát tại 10 xã, thị trấn.",
            "new_status": "in_progress",
            "evidence": uploads.png(),
        },
    )
    assert response.status_code == 302
    update = PlanItemUpdate.objects.get()
    assert (update.date, update.text, update.content_type) == (
        datetime.date(2020, 4, 15),
        "Đã khảo sát tại 10 xã, thị trấn.",
        "image/png",
    )
    first.refresh_from_db()
    assert first.status == PlanItem.Status.IN_PROGRESS

    response = bdv.post(reverse("campaign:item_status", args=[first.pk]), {"status": "done", "version": first.version})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == PlanItem.Status.DONE
    assert first.completed_on is not None

    actions = list(AuditEntry.objects.order_by("sequence").values_list("action", flat=True))
    assert actions.count("plan_item.created") == 3
    assert "campaign.published" in actions
    assert actions[-1] == "plan_item.status_changed"

    # kado reads the published plan: the board shows every task with its status.
    response = kado.get(reverse("campaign:board", args=[campaign.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    for title in TASKS.values():
        assert title in body
    assert "Đã hoàn thành" in body
    assert kado.get(reverse("campaign:print", args=[campaign.pk])).status_code == 200
    assert kado.get(reverse("campaign:item", args=[first.pk])).status_code == 200

    # ... and records that Ka Đô has disseminated the document.
    url = reverse("campaign:acknowledge", args=[document.pk])
    assert kado.get(url).status_code == 200
    response = kado.post(url, {"unit": unit.pk, "disseminated_on": "2020-03-20", "form": "conference", "participants": "42"})
    assert response.status_code == 302
    acknowledgement = Acknowledgement.objects.get()
    assert (acknowledgement.unit, acknowledgement.participants, acknowledgement.disseminated_on) == (
        unit,
        42,
        datetime.date(2020, 3, 20),
    )
    table = kado.get(reverse("campaign:documents", args=[campaign.pk])).content.decode()
    assert table.count("data-acknowledged") == 1
    assert table.count("data-not-acknowledged") == 1  # Thạnh Mỹ has not yet

    # A new draft of the district is a 404 for kado.
    bdv.post(reverse("campaign:create"), CAMPAIGN_FORM | {"year": "2021", "title": "Dự thảo kế hoạch năm 2021"})
    draft = Campaign.objects.get(year=2021)
    assert draft.status == Campaign.Status.DRAFT
    assert kado.get(reverse("campaign:detail", args=[draft.pk])).status_code == 404
    assert kado.get(reverse("campaign:board", args=[draft.pk])).status_code == 404
    assert kado.get(reverse("campaign:print", args=[draft.pk])).status_code == 404
    assert "Dự thảo kế hoạch năm 2021" not in kado.get(reverse("campaign:list")).content.decode()
