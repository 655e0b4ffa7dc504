"""Finding 1 of the outside attack: an image that declares more pixels than the limit is
refused before it is decoded, and thumbnails are made once, when the image is stored."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import ImageFile

from campaign.uploads import check_upload
from registrations import services
from registrations.models import Evidence
from tests.factories import EvidenceFactory
from tests.registrations.files import image_bytes, pixel_bomb_png, upload

BOMB_MESSAGE = (
    "Ảnh “anh.png” có kích thước 13000 × 13000 điểm ảnh, vượt quá giới hạn 50 triệu điểm ảnh. "
    "Hãy thu nhỏ ảnh rồi tải lên lại."
)


pytestmark = pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return pixel_bomb_png()


@pytest.fixture
def decodes(monkeypatch) -> list:
    """Every image Pillow decodes in full during the test."""
    calls = []
    load = ImageFile.ImageFile.load
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda image: calls.append(image.size) or load(image))
    return calls


def test_an_image_over_the_pixel_limit_is_refused_undecoded_and_nothing_is_stored(focal_client, registration, bomb, decodes):
    assert len(bomb) < 1024 * 1024
    response = focal_client.post(
        reverse("registrations:evidence_upload", args=[registration.pk]), {"file": upload("anh.png", bomb)}, follow=True
    )
    assert (13000, 13000) not in decodes
    assert [str(message) for message in response.context["messages"]] == [BOMB_MESSAGE]
    assert Evidence.objects.count() == 0


def test_the_campaign_documents_check_refuses_the_same_image(bomb, decodes):
    with pytest.raises(ValidationError) as refused:
        check_upload(upload("anh.png", bomb))
    assert refused.value.messages == [BOMB_MESSAGE]
    assert decodes == []


def test_an_image_at_the_limit_passes(settings, focal_user, registration):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 640 * 480
    evidence = services.add_evidence(registration, upload("anh.png", image_bytes("PNG", size=(640, 480))), by=focal_user)
    assert evidence.is_image


def test_the_thumbnail_is_stored_with_the_image_and_served_without_the_original(focal_client, focal_user, registration):
    evidence = services.add_evidence(registration, upload("anh.jpg", image_bytes("JPEG", size=(1600, 1200))), by=focal_user)
    assert evidence.thumbnail.name.endswith(".jpg")
    evidence.file.storage.delete(evidence.file.name)  # the original is never opened again for a thumbnail
    response = focal_client.get(reverse("registrations:evidence_thumbnail", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response.content.startswith(b"\xff\xd8\xff")


def test_an_image_stored_before_thumbnails_were_kept_gets_one_made_once(focal_client, registration):
    evidence = EvidenceFactory(
        registration=registration, file__data=image_bytes("PNG"), original_name="anh.png", content_type="image/png"
    )
    assert not evidence.thumbnail
    assert focal_client.get(reverse("registrations:evidence_thumbnail", args=[evidence.pk])).status_code == 200
    evidence.refresh_from_db()
    assert evidence.thumbnail.name.endswith(".jpg")  # an opaque image: a JPEG thumbnail
    evidence.file.storage.delete(evidence.file.name)
    assert focal_client.get(reverse("registrations:evidence_thumbnail", args=[evidence.pk])).status_code == 200


def test_a_pixel_bomb_stored_before_the_limit_is_never_decoded_for_a_thumbnail(focal_client, registration, bomb, decodes):
    evidence = EvidenceFactory(registration=registration, file__data=bomb, original_name="anh.png", content_type="image/png")
    assert focal_client.get(reverse("registrations:evidence_thumbnail", args=[evidence.pk])).status_code == 404
    assert decodes == []
    evidence.refresh_from_db()
    assert not evidence.thumbnail
