"""Finding 13 of the outside attack: bad input answers with a page or a clear error,
never a server error."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from models.models import DvkModel
from tests.factories import CampaignFactory

NAME_TAKEN = "Đơn vị đã có mô hình, điển hình mang tên này."


def test_the_showcase_search_with_a_nul_character_answers(db):
    response = Client(raise_request_exception=False).get("/showcase/", {"q": "Đường\x00 làng"})
    assert response.status_code == 200
    assert response.context["text"] == "Đường làng"


def test_a_new_task_with_a_period_that_is_not_a_number_opens_the_empty_form(staff_client, district):
    campaign = CampaignFactory(owner=district)
    response = staff_client.get(reverse("campaign:item_create", args=[campaign.pk]), {"period": "abc"})
    assert response.status_code == 200
    assert response.context["form"].initial.get("period") is None


@pytest.mark.postgres
def test_twenty_simultaneous_new_model_posts_create_one_and_answer_the_others_with_the_name_error(
    transactional_db, focal_user, unit
):
    barrier = threading.Barrier(20)
    statuses: list[int] = []
    errors: list[str] = []

    def post():
        client = Client(raise_request_exception=False)
        client.force_login(focal_user)
        try:
            barrier.wait(timeout=20)
            response = client.post(
                reverse("models:create"), {"name": "Đường làng sáng", "kind": "model", "field": "economy", "description": "x"}
            )
            statuses.append(response.status_code)
            if response.status_code == 200:
                # Read from the page: the test client's captured context is not safe across threads.
                errors.extend(message for message in [NAME_TAKEN] if message in response.content.decode())
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert DvkModel.objects.filter(unit=unit, name="Đường làng sáng").count() == 1
    assert sorted(statuses) == [200] * 19 + [302]
    assert errors == [NAME_TAKEN] * 19
