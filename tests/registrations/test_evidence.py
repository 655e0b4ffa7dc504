"""Evidence is judged by its content; refused files leave nothing behind;
files are served only through permission-checked views."""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from PIL import Image

from audit.models import AuditEntry
from registrations import services
from registrations.evidence import clean_original_name, inspect_upload
from registrations.exceptions import EvidenceRejected, TransitionNotAllowed
from registrations.models import Evidence, Status
from tests.factories import ProgressReportFactory, RegistrationFactory
from tests.registrations.files import (
    ELF,
    EXECUTABLE,
    HTML,
    docx_bytes,
    image_bytes,
    pdf_bytes,
    plain_zip_bytes,
    upload,
    xlsx_bytes,
)


def stored_files() -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return []
    return [str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()]


def post_file(client, registration, name, data, **extra):
    return client.post(
        reverse("registrations:evidence_upload", args=[registration.pk]),
        {"file": upload(name, data), "caption": "Biên bản họp dân", **extra},
        follow=True,
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize(
    ("name", "data"),
    [("bien-ban.pdf", EXECUTABLE), ("bao-cao.pdf", ELF), ("anh.png", HTML), ("tai-lieu.docx", plain_zip_bytes())],
)
def test_a_file_whose_content_is_not_an_accepted_type_is_refused_and_nothing_is_stored(focal_client, registration, name, data):
    response = post_file(focal_client, registration, name, data)
    assert messages_of(response) == [
        f"Tệp “{name}” không phải là PDF, ảnh JPEG/PNG, tài liệu Word (DOCX) hay bảng tính Excel (XLSX). "
        "Hệ thống kiểm tra nội dung tệp chứ không dựa vào phần đuôi tên tệp."
    ]
    assert not Evidence.objects.exists()
    assert stored_files() == []
    assert not AuditEntry.objects.filter(action="evidence.added").exists()


def test_a_file_over_the_limit_is_refused_with_its_size_and_the_limit(focal_client, registration, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    response = post_file(focal_client, registration, "ảnh lớn.pdf", pdf_bytes() + b"0" * 2048)
    [message] = messages_of(response)
    assert message.startswith("Tệp “ảnh lớn.pdf” có dung lượng ")
    assert message.endswith("vượt quá giới hạn 1,0\xa0KB cho mỗi tệp minh chứng.")
    assert not Evidence.objects.exists()
    assert stored_files() == []


def test_an_image_that_does_not_open_is_refused(focal_client, registration):
    broken_png = image_bytes("PNG")[:60]
    response = post_file(focal_client, registration, "anh.png", broken_png)
    assert messages_of(response) == ["Ảnh “anh.png” bị hỏng hoặc không mở được."]
    assert not Evidence.objects.exists()


def test_a_real_pdf_is_accepted_stored_privately_under_a_random_name_and_audited(focal_client, registration, focal_user):
    response = post_file(focal_client, registration, "../../Biên bản họp dân thôn Ka Đô.pdf", pdf_bytes())
    assert messages_of(response) == ["Đã tải lên minh chứng “Biên bản họp dân thôn Ka Đô.pdf”."]
    evidence = Evidence.objects.get()
    assert evidence.original_name == "Biên bản họp dân thôn Ka Đô.pdf"
    assert evidence.content_type == "application/pdf"
    assert evidence.uploaded_by == focal_user
    assert evidence.caption == "Biên bản họp dân"
    assert evidence.size == len(pdf_bytes())
    stored = os.path.basename(evidence.file.name)
    assert stored.endswith(".pdf") and len(stored) == 36
    assert "Ka" not in evidence.file.name
    assert stored_files() == [evidence.file.name]
    entry = AuditEntry.objects.get(action="evidence.added")
    assert entry.object_id == str(registration.pk)
    assert entry.after["name"] == "Biên bản họp dân thôn Ka Đô.pdf"


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("anh.jpg", image_bytes("JPEG"), "image/jpeg"),
        ("anh.png", image_bytes("PNG"), "image/png"),
        ("van-ban.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("bang-tinh.xlsx", xlsx_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("khong-duoi", pdf_bytes(), "application/pdf"),
        ("anh-that.pdf", image_bytes("PNG"), "image/png"),
    ],
)
def test_accepted_types_are_recognised_by_content_whatever_the_name(name, data, content_type):
    assert inspect_upload(upload(name, data)).content_type == content_type


def test_file_names_keep_vietnamese_letters_and_lose_folders_and_control_characters():
    assert clean_original_name("C:\\Users\\x\\Ảnh hiện trường\x00.jpg") == "Ảnh hiện trường.jpg"
    assert clean_original_name('a<b>:"c"?.pdf') == "a_b_c_.pdf"
    assert clean_original_name("   ") == "minh-chung"
    assert len(clean_original_name("đ" * 400 + ".pdf")) == 200


def test_download_is_an_attachment_with_nosniff_and_the_detected_type(focal_client, registration):
    post_file(focal_client, registration, "Biên bản.pdf", pdf_bytes())
    evidence = Evidence.objects.get()
    response = focal_client.get(reverse("registrations:evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Bi%C3%AAn%20b%E1%BA%A3n.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == pdf_bytes()


def test_district_staff_download_the_units_evidence(staff_client, registration, focal_user):
    evidence = services.add_evidence(registration, upload("b.pdf", pdf_bytes()), by=focal_user)
    assert staff_client.get(reverse("registrations:evidence_download", args=[evidence.pk])).status_code == 200


def test_an_image_gets_a_small_thumbnail_and_a_pdf_gets_none(focal_client, registration, focal_user):
    image = services.add_evidence(registration, upload("anh.jpg", image_bytes("JPEG", size=(1600, 1200))), by=focal_user)
    document = services.add_evidence(registration, upload("b.pdf", pdf_bytes()), by=focal_user)
    response = focal_client.get(reverse("registrations:evidence_thumbnail", args=[image.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert Image.open(io.BytesIO(response.content)).size == (320, 240)
    assert focal_client.get(reverse("registrations:evidence_thumbnail", args=[document.pk])).status_code == 404
    detail = focal_client.get(reverse("registrations:detail", args=[registration.pk])).content.decode()
    assert reverse("registrations:evidence_thumbnail", args=[image.pk]) in detail


def test_evidence_has_no_public_url():
    assert settings.MEDIA_URL.startswith("https://private-media.invalid/")


def test_deleting_evidence_while_the_registration_is_a_draft_removes_row_and_file(
    focal_client, registration, focal_user, django_capture_on_commit_callbacks
):
    evidence = services.add_evidence(registration, upload("b.pdf", pdf_bytes()), by=focal_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = focal_client.post(reverse("registrations:evidence_delete", args=[evidence.pk]), follow=True)
    assert messages_of(response) == ["Đã xóa minh chứng “b.pdf”."]
    assert not Evidence.objects.exists()
    assert stored_files() == []


def test_evidence_of_a_submitted_registration_cannot_be_added_or_deleted(
    focal_client, campaign, model, focal_user, registration_deadline
):
    registration = RegistrationFactory(campaign=campaign, model=model, status=Status.DRAFT)
    evidence = services.add_evidence(registration, upload("b.pdf", pdf_bytes()), by=focal_user)
    services.submit_registration(registration, by=focal_user)
    with pytest.raises(TransitionNotAllowed):
        services.add_evidence(registration, upload("c.pdf", pdf_bytes()), by=focal_user)
    response = focal_client.post(reverse("registrations:evidence_delete", args=[evidence.pk]), follow=True)
    assert messages_of(response) == ["Chỉ thêm hay xóa minh chứng khi đăng ký đang là nháp hoặc bị trả lại."]
    assert Evidence.objects.count() == 1
    assert len(stored_files()) == 1


def test_report_evidence_goes_with_the_report_and_is_frozen_once_the_report_is_sent(
    focal_client, accepted_registration, focal_user
):
    report = ProgressReportFactory(registration=accepted_registration, kind="interim")
    response = focal_client.post(
        reverse("registrations:evidence_upload", args=[accepted_registration.pk]),
        {"file": upload("Ảnh công trình.png", image_bytes("PNG")), "report": "interim"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("registrations:report_edit", args=[accepted_registration.pk, "interim"])
    evidence = Evidence.objects.get()
    assert evidence.report == report
    services.submit_progress_report(report, by=focal_user)
    with pytest.raises(TransitionNotAllowed):
        services.delete_evidence(evidence, by=focal_user)
    with pytest.raises(TransitionNotAllowed):
        services.add_evidence(accepted_registration, upload("x.pdf", pdf_bytes()), by=focal_user, report=report)


def test_a_refused_file_raises_before_anything_is_written(registration, focal_user):
    with pytest.raises(EvidenceRejected):
        services.add_evidence(registration, upload("x.pdf", EXECUTABLE), by=focal_user)
    assert stored_files() == []
    assert not Evidence.objects.exists()
