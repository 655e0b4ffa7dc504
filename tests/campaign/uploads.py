"""Small valid files of each accepted type, and a few that must be refused."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
BROKEN_PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (183, 28, 28)).save(buffer, format="PNG")
    return buffer.getvalue()


PNG_BYTES = _png_bytes()


def office_bytes(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<xml/>")
    return buffer.getvalue()


def pdf(name="bien-ban.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def png(name="anh-hoi-nghi.png"):
    return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")


def broken_png(name="anh-hong.png"):
    return SimpleUploadedFile(name, BROKEN_PNG_BYTES, content_type="image/png")


def docx(name="bao-cao.docx"):
    return SimpleUploadedFile(name, office_bytes("word/document.xml"), content_type="application/octet-stream")


def xlsx(name="danh-sach.xlsx"):
    return SimpleUploadedFile(name, office_bytes("xl/workbook.xml"), content_type="application/octet-stream")


def html_named_pdf(name="bien-ban.pdf"):
    """An HTML page dressed up as a PDF by its name and declared type."""
    return SimpleUploadedFile(name, b"<html><script>alert(1)</script></html>", content_type="application/pdf")


def plain_zip(name="tai-lieu.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "không phải văn bản Word")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/zip")
