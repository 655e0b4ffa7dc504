"""Finding 7 of the outside attack: a download is named with the extension of the type
its content was found to be, never the uploader's (.hta, .bat, .html, .svg, .jar, .exe)."""

import datetime

import pytest
from django.urls import reverse

from campaign.services import add_document
from campaign.uploads import DOCX, JPEG, PDF, PNG, XLSX, download_name
from registrations import services
from tests.registrations.files import docx_bytes, pdf_bytes, upload


@pytest.mark.parametrize(
    ("name", "content_type", "offered"),
    [
        ("bien-ban.hta", PDF, "bien-ban.pdf"),
        ("chay.bat", PDF, "chay.pdf"),
        ("trang.html", PNG, "trang.png"),
        ("hinh.svg", JPEG, "hinh.jpg"),
        ("goi.jar", DOCX, "goi.docx"),
        ("cai-dat.exe", XLSX, "cai-dat.xlsx"),
        ("anh.JPEG", JPEG, "anh.JPEG"),
        ("bao-cao.pdf", PDF, "bao-cao.pdf"),
        ("khong-duoi", PDF, "khong-duoi.pdf"),
        ("cu.exe", "application/x-msdownload", "cu.bin"),
    ],
)
def test_the_offered_name_carries_the_detected_extension(name, content_type, offered):
    assert download_name(name, content_type) == offered


def test_evidence_uploaded_as_hta_downloads_as_pdf(focal_client, focal_user, registration):
    evidence = services.add_evidence(registration, upload("bien-ban.hta", pdf_bytes()), by=focal_user)
    response = focal_client.get(reverse("registrations:evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bien-ban.pdf"'


def test_a_campaign_document_uploaded_as_jar_downloads_as_docx(focal_client, campaign, staff_user, unit):
    document = add_document(
        campaign,
        by=staff_user,
        number="75-KH/BDVTU",
        date=datetime.date(2020, 3, 3),
        title="Kế hoạch",
        file=upload("goi.jar", docx_bytes()),
    )
    response = focal_client.get(reverse("campaign:document_file", args=[document.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="goi.docx"'
