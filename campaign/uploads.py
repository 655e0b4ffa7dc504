"""Uploads are judged by what they contain, not by their name (DESIGN §9): a PDF, a JPEG
or PNG image, or a Word/Excel (Office Open XML) file, no larger than UPLOAD_MAX_BYTES.
An image also has at most UPLOAD_MAX_IMAGE_PIXELS pixels, read from its header before
anything is decoded: a small file can declare a picture that takes gigabytes to open."""

import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png", DOCX: ".docx", XLSX: ".xlsx"}
IMAGE_TYPES = (JPEG, PNG)


def _office_type(upload) -> str | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def sniff_content_type(upload) -> str | None:
    """The type the file's bytes say it is, or None when it is none we accept."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        return _office_type(upload)
    return None


def max_image_pixels() -> int:
    return int(getattr(settings, "UPLOAD_MAX_IMAGE_PIXELS", 50_000_000))


def image_problem(upload, content_type: str, *, name: str) -> str | None:
    """Why an upload that starts like a JPEG or PNG is refused (too many pixels, not
    really that format, or not decodable), or None when it is a sound image."""
    expected_format = "JPEG" if content_type == JPEG else "PNG"
    broken = _("Ảnh “%(name)s” bị hỏng hoặc không mở được.") % {"name": name}
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            width, height = image.size
            if width * height > max_image_pixels():
                return _(
                    "Ảnh “%(name)s” có kích thước %(width)s × %(height)s điểm ảnh, vượt quá giới hạn %(limit)s triệu điểm ảnh. "
                    "Hãy thu nhỏ ảnh rồi tải lên lại."
                ) % {"name": name, "width": width, "height": height, "limit": max_image_pixels() // 1_000_000}
            if image.format != expected_format:
                return broken
            image.verify()
        # verify() leaves the image unusable; a real decode catches truncated data.
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return broken
    finally:
        upload.seek(0)
    return None


def check_upload(upload) -> str:
    """Return the content type of an acceptable upload; raise a ValidationError with a
    Vietnamese sentence otherwise."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s); dung lượng tối đa là %(limit)s.")
            % {"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("Tệp “%(name)s” rỗng.") % {"name": upload.name}, code="empty")
    content_type = sniff_content_type(upload)
    if content_type in IMAGE_TYPES and (problem := image_problem(upload, content_type, name=upload.name)):
        raise ValidationError(problem, code="bad_image")
    if content_type is None:
        raise ValidationError(
            _("Tệp “%(name)s” không đúng định dạng cho phép. Chỉ nhận tệp PDF, ảnh JPEG/PNG, Word (.docx) hoặc Excel (.xlsx).")
            % {"name": upload.name},
            code="bad_type",
        )
    return content_type


# The spellings of an extension that name the same type as the detected one.
_SAME_TYPE_EXTENSIONS = {JPEG: (".jpg", ".jpeg"), PDF: (".pdf",), PNG: (".png",), DOCX: (".docx",), XLSX: (".xlsx",)}


def download_name(original_name: str, content_type: str) -> str:
    """The name a download is offered under: the uploader's name with the extension of
    the type the content was found to be, so a PDF uploaded as "x.hta" saves as "x.pdf"."""
    stem, extension = os.path.splitext(original_name or "")
    if content_type not in EXTENSIONS:
        return f"{stem or 'tep'}.bin"
    if extension.lower() in _SAME_TYPE_EXTENSIONS[content_type]:
        return original_name
    return f"{stem or 'tep'}{EXTENSIONS[content_type]}"
