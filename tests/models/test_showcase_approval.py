"""The public showcase shows what the organiser approved: a unit's later edits reach it
only once the organiser approves them."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from audit.models import AuditEntry
from models.exceptions import TransitionNotAllowed
from models.models import DvkModel
from models.services import publish_to_showcase, unpublish_from_showcase, update_model
from tests.factories import DvkModelFactory

APPROVED = "Chi hội phụ nữ giúp nhau phát triển kinh tế"
EDITED = "Tổ liên gia tự quản an ninh trật tự"


@pytest.fixture
def published(unit, staff_user):
    model = DvkModelFactory(unit=unit, name=APPROVED, description="Nội dung đã duyệt.", recognised_in_year=2019)
    return publish_to_showcase(model, by=staff_user)


def _edit(model, focal_user):
    model = DvkModel.objects.get(pk=model.pk)
    return update_model(model, by=focal_user, name=EDITED, description="Nội dung mới chưa duyệt.")


def test_a_units_edit_after_publication_does_not_reach_the_showcase(client, published, focal_user):
    _edit(published, focal_user)
    detail = client.get(reverse("showcase:detail", kwargs={"pk": published.pk})).content.decode()
    assert APPROVED in detail and "Nội dung đã duyệt." in detail
    assert EDITED not in detail and "chưa duyệt" not in detail
    listed = client.get(reverse("showcase:index")).context["entries"]
    assert [entry.name for entry in listed] == [APPROVED]
    assert list(client.get(reverse("showcase:index"), {"q": "liên gia"}).context["entries"]) == []
    assert [entry.name for entry in client.get(reverse("showcase:index"), {"q": "giúp nhau"}).context["entries"]] == [APPROVED]


def test_staff_see_the_unapproved_edit_and_approving_it_shows_it_to_the_public(
    client, staff_client, staff_user, published, focal_user
):
    _edit(published, focal_user)
    page = staff_client.get(reverse("models:detail", kwargs={"pk": published.pk})).content.decode()
    assert 'id="unapproved-changes"' in page and 'id="approve-showcase-changes"' in page

    response = staff_client.post(reverse("models:publish", kwargs={"pk": published.pk}))
    assert response.status_code == 302
    detail = client.get(reverse("showcase:detail", kwargs={"pk": published.pk})).content.decode()
    assert EDITED in detail and "Nội dung mới chưa duyệt." in detail
    entry = AuditEntry.objects.get(action="dvk_model.showcase_approved")
    assert (entry.actor, entry.before["name"], entry.after["name"]) == (staff_user, APPROVED, EDITED)
    page = staff_client.get(reverse("models:detail", kwargs={"pk": published.pk})).content.decode()
    assert 'id="unapproved-changes"' not in page


def test_approving_when_nothing_changed_is_refused_and_records_nothing(staff_user, published):
    with pytest.raises(TransitionNotAllowed):
        publish_to_showcase(published, by=staff_user)
    assert not AuditEntry.objects.filter(action="dvk_model.showcase_approved").exists()


def test_the_unit_cannot_approve_its_own_edit(focal_client, focal_user, published):
    _edit(published, focal_user)
    response = focal_client.post(reverse("models:publish", kwargs={"pk": published.pk}))
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        publish_to_showcase(DvkModel.objects.get(pk=published.pk), by=focal_user)
    assert DvkModel.objects.get(pk=published.pk).published_content["name"] == APPROVED


def test_taking_a_model_off_forgets_its_approval_and_publishing_again_approves_what_it_reads(staff_user, published, focal_user):
    _edit(published, focal_user)
    unpublish_from_showcase(DvkModel.objects.get(pk=published.pk), by=staff_user)
    assert DvkModel.objects.get(pk=published.pk).published_content is None
    publish_to_showcase(DvkModel.objects.get(pk=published.pk), by=staff_user)
    assert DvkModel.objects.get(pk=published.pk).published_content["name"] == EDITED
