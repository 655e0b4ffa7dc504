"""Finding 13 of the outside attack (second half): a rendered form is carried out once.
Twenty identical posts of one "add task" form, or of one evidence upload, at the same
moment create one object; a double click shows the first result."""

import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from campaign.models import PlanItem
from registrations.models import Evidence
from tests.factories import CampaignFactory, PlanPeriodFactory
from tests.registrations.files import image_bytes, upload

pytestmark = pytest.mark.postgres
TOKEN = re.compile(r'name="form_token" value="([0-9a-f]{32})"')


def post_at_once(user, url, make_data, times=20) -> list[int]:
    barrier = threading.Barrier(times)
    statuses: list[int] = []

    def post():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        try:
            data = make_data()
            barrier.wait(timeout=30)
            statuses.append(client.post(url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses


def test_twenty_identical_add_task_posts_create_one_task(transactional_db, staff_user, district):
    campaign = CampaignFactory(owner=district, status="published")
    period = PlanPeriodFactory(campaign=campaign, name="Quý I", order=1)
    url = reverse("campaign:item_create", args=[campaign.pk])
    client = Client()
    client.force_login(staff_user)
    token = TOKEN.search(client.get(url).content.decode()).group(1)
    data = {"period": period.pk, "order": 1, "title": "Quán triệt văn bản mới", "description": "", "form_token": token}
    statuses = post_at_once(staff_user, url, lambda: dict(data))
    assert statuses == [302] * 20
    assert PlanItem.objects.filter(period=period).count() == 1
    # A newly rendered form carries a new token and adds a second task.
    fresh = TOKEN.search(client.get(url).content.decode()).group(1)
    assert fresh != token
    assert client.post(url, {**data, "form_token": fresh}).status_code == 302
    assert PlanItem.objects.filter(period=period).count() == 2


def test_twenty_identical_uploads_store_one_file(transactional_db, focal_user, registration):
    url = reverse("registrations:evidence_upload", args=[registration.pk])
    client = Client()
    client.force_login(focal_user)
    token = TOKEN.search(client.get(reverse("registrations:detail", args=[registration.pk])).content.decode()).group(1)
    picture = image_bytes("PNG")
    statuses = post_at_once(focal_user, url, lambda: {"file": upload("anh.png", picture), "caption": "Họp dân", "form_token": token})
    assert statuses == [302] * 20
    assert Evidence.objects.filter(registration=registration).count() == 1
