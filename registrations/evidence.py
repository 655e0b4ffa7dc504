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
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from campaign.uploads import EXTENSIONS, IMAGE_TYPES, JPEG, PNG, image_problem, sniff_content_type

from .exceptions import EvidenceRejected

# What the file input offers; the server still decides by content.
ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"

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

    content_type = sniff_content_type(upload)
    if content_type in IMAGE_TYPES and (problem := image_problem(upload, content_type, name=name)):
        raise EvidenceRejected(problem)
    if content_type is None:
        raise EvidenceRejected(
            _(
                "Tệp “%(name)s” không phải là PDF, ảnh JPEG/PNG, tài liệu Word (DOCX) hay bảng tính Excel (XLSX). "
                "Hệ thống kiểm tra nội dung tệp chứ không dựa vào phần đuôi tên tệp."
            )
            % {"name": name}
        )
    return InspectedFile(content_type=content_type, extension=EXTENSIONS[content_type], size=size)


def thumbnail_name(content_type: str) -> str:
    return f"{uuid.uuid4().hex}{EXTENSIONS[content_type]}"


def thumbnail_content_type(name: str) -> str:
    return PNG if name.endswith(EXTENSIONS[PNG]) else JPEG


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
