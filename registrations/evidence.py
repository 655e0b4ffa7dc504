"""Evidence files (minh chứng): what an upload really is, judged by its content, never
by its name; safe names; thumbnails of images.

A file is accepted only when its bytes say it is a PDF, a JPEG or PNG image that
Pillow can open, or a DOCX / XLSX package. Everything else — an executable renamed
``.pdf``, a web page renamed ``.png`` — is refused before anything is stored."""

import io
import os
import re
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .exceptions import EvidenceRejected

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png", DOCX: ".docx", XLSX: ".xlsx"}
IMAGE_TYPES = (JPEG, PNG)
# What the file input offers; the server still decides by content.
ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
PDF_SIGNATURE = b"%PDF-"
ZIP_SIGNATURE = b"PK\x03\x04"
OFFICE_PARTS = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml"}

THUMBNAIL_SIZE = (320, 240)


@dataclass(frozen=True)
class InspectedFile:
    content_type: str
    extension: str
    size: int

    @property
    def is_image(self) -> bool:
        return self.content_type in IMAGE_TYPES


def max_upload_bytes() -> int:
    return int(getattr(settings, "UPLOAD_MAX_BYTES", 20 * 1024 * 1024))


def clean_original_name(name: str) -> str:
    """The name to show and to offer on download: no folders, no control characters,
    Vietnamese letters kept (NFC), at most 200 characters with the extension kept."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C")
    name = re.sub(r'[<>:"|?*]+', "_", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    if not name:
        name = _("minh-chung")
    stem, extension = os.path.splitext(name)
    if len(name) > 200:
        extension = extension[:20]
        name = stem[: 200 - len(extension)] + extension
    return name


def stored_name(inspected: InspectedFile) -> str:
    """A random name that reveals nothing and cannot collide or climb folders."""
    return f"{uuid.uuid4().hex}{inspected.extension}"


def _sniff_office(upload) -> str | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for content_type, part in OFFICE_PARTS.items():
        if part in names:
            return content_type
    return None


def _image_opens(upload, expected_format: str) -> bool:
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            if image.format != expected_format:
                return False
            image.verify()
        # verify() leaves the image unusable; a real decode catches truncated data.
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return True


def inspect_upload(upload) -> InspectedFile:
    """What ``upload`` (a Django UploadedFile) is, or EvidenceRejected saying why not."""
    name = clean_original_name(getattr(upload, "name", ""))
    size = upload.size or 0
    limit = max_upload_bytes()
    if size > limit:
        raise EvidenceRejected(
            _("Tệp “%(name)s” có dung lượng %(size)s, vượt quá giới hạn %(limit)s cho mỗi tệp minh chứng.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    if size == 0:
        raise EvidenceRejected(_("Tệp “%(name)s” rỗng, không có nội dung.") % {"name": name})

    upload.seek(0)
    head = upload.read(16)
    content_type = None
    if head.startswith(PDF_SIGNATURE):
        content_type = PDF
    elif head.startswith(JPEG_SIGNATURE):
        if not _image_opens(upload, "JPEG"):
            raise EvidenceRejected(_("Ảnh “%(name)s” bị hỏng hoặc không mở được.") % {"name": name})
        content_type = JPEG
    elif head.startswith(PNG_SIGNATURE):
        if not _image_opens(upload, "PNG"):
            raise EvidenceRejected(_("Ảnh “%(name)s” bị hỏng hoặc không mở được.") % {"name": name})
        content_type = PNG
    elif head.startswith(ZIP_SIGNATURE):
        content_type = _sniff_office(upload)
    upload.seek(0)
    if content_type is None:
        raise EvidenceRejected(
            _(
                "Tệp “%(name)s” không phải là PDF, ảnh JPEG/PNG, tài liệu Word (DOCX) hay bảng tính Excel (XLSX). "
                "Hệ thống kiểm tra nội dung tệp chứ không dựa vào phần đuôi tên tệp."
            )
            % {"name": name}
        )
    return InspectedFile(content_type=content_type, extension=EXTENSIONS[content_type], size=size)


def render_thumbnail(file) -> tuple[bytes, str]:
    """A small JPEG (or PNG when the image has transparency) of an image evidence."""
    with Image.open(file) as image:
        if image.format == "JPEG":
            image.draft("RGB", (THUMBNAIL_SIZE[0] * 2, THUMBNAIL_SIZE[1] * 2))
        image = ImageOps.exif_transpose(image)
        image.thumbnail(THUMBNAIL_SIZE)
        buffer = io.BytesIO()
        if image.mode in ("RGBA", "LA", "P"):
            image.save(buffer, format="PNG", optimize=True)
            return buffer.getvalue(), PNG
        image.convert("RGB").save(buffer, format="JPEG", quality=80)
        return buffer.getvalue(), JPEG
