"""Only the district publishes, and only models that have been recognised."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from audit.models import AuditEntry
from models.exceptions import NotRecognised, TransitionNotAllowed
from models.services import publish_to_showcase, record_recognition, unpublish_from_showcase
from tests.factories import DvkModelFactory


@pytest.fixture
def recognised_model(unit):
    return DvkModelFactory(unit=unit, name="Chi hội phụ nữ giúp nhau phát triển kinh tế", recognised_in_year=2019)


def test_staff_publishes_a_recognised_model(staff_client, staff_user, recognised_model):
    response = staff_client.post(reverse("models:publish", kwargs={"pk": recognised_model.pk}))
    assert response.status_code == 302
    assert response.url == reverse("models:detail", kwargs={"pk": recognised_model.pk})
    recognised_model.refresh_from_db()
    assert recognised_model.is_published is True
    assert recognised_model.published_at is not None
    entry = AuditEntry.objects.get(action="dvk_model.published")
    assert (entry.actor, entry.before, entry.after) == (staff_user, {"is_published": False}, {"is_published": True})


def test_publishing_a_never_recognised_model_is_refused(staff_user, kado_model):
    with pytest.raises(NotRecognised) as refused:
        publish_to_showcase(kado_model, by=staff_user)
    assert refused.value.message == "Mô hình, điển hình chưa từng được công nhận nên chưa thể công bố lên trang giới thiệu."
    kado_model.refresh_from_db()
    assert kado_model.is_published is False
    assert not AuditEntry.objects.filter(action="dvk_model.published").exists()


def test_publish_page_shows_the_refusal_for_a_never_recognised_model(staff_client, kado_model):
    response = staff_client.post(reverse("models:publish", kwargs={"pk": kado_model.pk}), follow=True)
    assert "chưa từng được công nhận" in response.content.decode()
    kado_model.refresh_from_db()
    assert kado_model.is_published is False


def test_focal_point_cannot_publish_its_own_model(focal_client, focal_user, recognised_model):
    response = focal_client.post(reverse("models:publish", kwargs={"pk": recognised_model.pk}))
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        publish_to_showcase(recognised_model, by=focal_user)
    recognised_model.refresh_from_db()
    assert recognised_model.is_published is False


def test_viewer_cannot_publish(viewer_client, recognised_model):
    assert viewer_client.post(reverse("models:publish", kwargs={"pk": recognised_model.pk})).status_code == 403


def test_staff_of_another_district_gets_404(client, other_district_staff, recognised_model):
    client.force_login(other_district_staff)
    assert client.post(reverse("models:publish", kwargs={"pk": recognised_model.pk})).status_code == 404
    with pytest.raises(PermissionDenied):
        publish_to_showcase(recognised_model, by=other_district_staff)


def test_publish_is_post_only(staff_client, recognised_model):
    assert staff_client.get(reverse("models:publish", kwargs={"pk": recognised_model.pk})).status_code == 405


def test_publishing_twice_is_refused(staff_user, recognised_model):
    publish_to_showcase(recognised_model, by=staff_user)
    with pytest.raises(TransitionNotAllowed):
        publish_to_showcase(recognised_model, by=staff_user)
    assert AuditEntry.objects.filter(action="dvk_model.published").count() == 1


def test_staff_unpublishes(staff_client, staff_user, recognised_model):
    publish_to_showcase(recognised_model, by=staff_user)
    response = staff_client.post(reverse("models:unpublish", kwargs={"pk": recognised_model.pk}))
    assert response.status_code == 302
    recognised_model.refresh_from_db()
    assert (recognised_model.is_published, recognised_model.published_at) == (False, None)
    assert AuditEntry.objects.filter(action="dvk_model.unpublished").count() == 1


def test_unpublishing_an_unpublished_model_is_refused(staff_user, recognised_model):
    with pytest.raises(TransitionNotAllowed):
        unpublish_from_showcase(recognised_model, by=staff_user)


def test_focal_point_cannot_unpublish(focal_client, staff_user, recognised_model):
    publish_to_showcase(recognised_model, by=staff_user)
    assert focal_client.post(reverse("models:unpublish", kwargs={"pk": recognised_model.pk})).status_code == 403
    recognised_model.refresh_from_db()
    assert recognised_model.is_published is True


def test_detail_offers_publish_button_to_staff_only(client, staff_user, focal_user, recognised_model):
    url = reverse("models:detail", kwargs={"pk": recognised_model.pk})
    client.force_login(staff_user)
    assert 'id="publish-model"' in client.get(url).content.decode()
    client.force_login(focal_user)
    assert 'id="publish-model"' not in client.get(url).content.decode()


def test_recognition_keeps_the_latest_year(staff_user, kado_model):
    record_recognition(kado_model, year=2019, by=staff_user)
    record_recognition(kado_model, year=2018, by=staff_user)
    kado_model.refresh_from_db()
    assert kado_model.recognised_in_year == 2019
    assert AuditEntry.objects.filter(action="dvk_model.recognised").count() == 1
