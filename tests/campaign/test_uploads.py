"""Evidence and document files: judged by content, kept private, and downloaded only
through a permission-checked view as an attachment."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from campaign.dissemination import add_document
from campaign.models import Document, PlanItemUpdate
from campaign.services import record_plan_item_update
from campaign.uploads import DOCX, JPEG, PDF, PNG, XLSX, check_upload
from tests.campaign import uploads

pytestmark = pytest.mark.django_db


def _jpeg_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (255, 214, 0)).save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("upload", "expected"),
    [
        (uploads.pdf, PDF),
        (uploads.png, PNG),
        (lambda: SimpleUploadedFile("anh.jpg", _jpeg_bytes()), JPEG),
        (uploads.docx, DOCX),
        (uploads.xlsx, XLSX),
    ],
)
def test_accepted_types_are_recognised_by_their_content(upload, expected):
    assert check_upload(upload()) == expected


@pytest.mark.parametrize("upload", [uploads.html_named_pdf, uploads.plain_zip])
def test_a_file_whose_content_is_not_an_accepted_type_is_refused_whatever_its_name(upload):
    with pytest.raises(ValidationError) as error:
        check_upload(upload())
    assert "không đúng định dạng cho phép" in error.value.messages[0]


def test_a_file_that_starts_like_an_image_but_does_not_decode_is_refused():
    with pytest.raises(ValidationError) as error:
        check_upload(uploads.broken_png())
    assert error.value.messages == ["Ảnh “anh-hong.png” bị hỏng hoặc không mở được."]


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        check_upload(uploads.pdf())
    assert error.value.messages[0].startswith("Tệp “bien-ban.pdf” quá lớn")


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError) as error:
        check_upload(SimpleUploadedFile("rong.pdf", b""))
    assert error.value.messages == ["Tệp “rong.pdf” rỗng."]


def test_bad_evidence_is_refused_with_a_vietnamese_message_and_the_note_is_kept(staff_client, item):
    response = staff_client.post(
        reverse("campaign:progress_create", args=[item.pk]),
        {"date": "2020-04-15", "text": "Đã khảo sát 10 xã", "evidence": uploads.html_named_pdf()},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert (
        "Tệp “bien-ban.pdf” không đúng định dạng cho phép. Chỉ nhận tệp PDF, ảnh JPEG/PNG, Word (.docx) hoặc Excel (.xlsx)."
        in body
    )
    assert "Đã khảo sát 10 xã" in body
    assert PlanItemUpdate.objects.count() == 0


def test_too_large_document_is_refused_with_a_vietnamese_message(staff_client, campaign, settings):
    settings.UPLOAD_MAX_BYTES = 20
    response = staff_client.post(
        reverse("campaign:document_create", args=[campaign.pk]),
        {"number": "75-KH/BDVTU", "date": "2020-03-03", "title": "Kế hoạch", "file": uploads.pdf()},
    )
    assert response.status_code == 200
    assert "quá lớn" in response.content.decode()
    assert Document.objects.count() == 0


def test_service_refuses_bad_evidence_even_without_a_form(item, staff_user):
    with pytest.raises(ValidationError):
        record_plan_item_update(
            item, by=staff_user, date=datetime.date(2020, 4, 1), text="Ghi chú", evidence=uploads.html_named_pdf()
        )
    assert PlanItemUpdate.objects.count() == 0


@pytest.fixture
def evidence_update(item, staff_user):
    return record_plan_item_update(
        item, by=staff_user, date=datetime.date(2020, 4, 1), text="Biên bản hội nghị", evidence=uploads.png("ảnh hội nghị.png")
    )


def test_evidence_is_stored_under_a_random_name_with_its_real_extension(evidence_update):
    assert evidence_update.original_name == "ảnh hội nghị.png"
    assert evidence_update.content_type == PNG
    assert evidence_update.size == len(uploads.PNG_BYTES)
    assert evidence_update.evidence.name.startswith("plan-updates/")
    assert evidence_update.evidence.name.endswith(".png")
    assert "hội" not in evidence_update.evidence.name


def test_evidence_downloads_as_an_attachment_that_the_browser_must_not_sniff(focal_client, evidence_update):
    response = focal_client.get(reverse("campaign:progress_evidence", args=[evidence_update.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == PNG
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%E1%BA%A3nh%20h%E1%BB%99i%20ngh%E1%BB%8B.png" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == uploads.PNG_BYTES


def test_evidence_of_another_district_is_a_404(client, other_district_staff, evidence_update):
    client.force_login(other_district_staff)
    assert client.get(reverse("campaign:progress_evidence", args=[evidence_update.pk])).status_code == 404


def test_evidence_needs_a_login(client, evidence_update):
    response = client.get(reverse("campaign:progress_evidence", args=[evidence_update.pk]))
    assert response.status_code == 302


def test_an_update_without_evidence_has_nothing_to_download(focal_client, item, staff_user):
    update = record_plan_item_update(item, by=staff_user, date=datetime.date(2020, 4, 1), text="Không kèm tệp")
    assert focal_client.get(reverse("campaign:progress_evidence", args=[update.pk])).status_code == 404


def test_document_file_downloads_for_the_units_of_the_district(focal_client, campaign, staff_user):
    document = add_document(
        campaign, by=staff_user, number="75-KH/BDVTU", date=datetime.date(2020, 3, 3), title="Kế hoạch", file=uploads.docx()
    )
    response = focal_client.get(reverse("campaign:document_file", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao.docx"'
