"""The registration form (phiếu đăng ký) of one registration as the unit filed it: the
unit's header, the model or exemplar and every part of the registration, with the
date it was sent. Not yet sent, it carries "DỰ THẢO" like any unsigned document."""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from registrations.models import Registration

from .document import Column, Heading, Paragraph, ReportDocument, Table
from .formatting import date_line, paragraphs
from .selectors import campaign_reference

SECTIONS = (
    "situation",
    "objectives",
    "content_and_method",
    "area_and_target",
    "lead_forces",
    "coordinating_forces",
    "participating_forces",
    "resources",
    "timeline",
    "expected_outputs",
    "sustainability",
)


def _identity_rows(registration: Registration) -> list[list[str]]:
    model = registration.model
    yes, no = _("Có"), _("Không")
    rows = [
        [_("Tên mô hình, điển hình"), model.name],
        [_("Loại"), str(model.get_kind_display())],
        [_("Lĩnh vực"), str(model.get_field_display())],
        [_("Đơn vị thực hiện"), registration.unit.name],
    ]
    if model.is_exemplar:
        rows += [
            [_("Họ và tên"), model.person_name],
            [_("Năm sinh"), str(model.person_birth_year or "")],
            [_("Chức vụ, nghề nghiệp"), model.person_position],
        ]
    rows += [
        [_("Địa bàn thực hiện"), model.address],
        [_("Vùng đồng bào dân tộc thiểu số"), yes if model.is_ethnic_minority_area else no],
        [_("Vùng đồng bào có đạo"), yes if model.is_religious_area else no],
    ]
    return rows


def _superior_line(unit) -> str:
    """The unit's own first header line, else its parent's committee ("Huyện ủy Đơn
    Dương" of "Huyện ủy Đơn Dương – Ban Dân vận")."""
    if unit.issuer_parent_line:
        return unit.issuer_parent_line.strip()
    parent = unit.parent
    if parent is None:
        return ""
    return (parent.issuer_parent_line or parent.name.partition(" – ")[0]).strip()


def build_registration_form(registration: Registration) -> ReportDocument:
    """The form as blocks, in the site's language whatever the reader's."""
    with translation.override(settings.LANGUAGE_CODE):
        unit = registration.unit
        owner = registration.campaign.owner
        submitted = timezone.localdate(registration.submitted_at) if registration.submitted_at else None
        kind = _("điển hình") if registration.model.is_exemplar else _("mô hình")
        blocks = [
            Table(
                title=_("Thông tin chung"),
                columns=[Column(_("Mục"), 35), Column(_("Nội dung"), 65)],
                rows=_identity_rows(registration),
                number=0,
            )
        ]
        for number, name in enumerate(SECTIONS, 1):
            label = str(Registration._meta.get_field(name).verbose_name)
            blocks.append(Heading(f"{number}. {label[0].upper()}{label[1:]}", level=2))
            lines = paragraphs(getattr(registration, name)) or ["—"]
            blocks.extend(Paragraph(line) for line in lines)
        filer = registration.created_by.display_name if registration.created_by else ""
        return ReportDocument(
            superior=_superior_line(unit).upper(),
            issuer=(unit.issuer_line or unit.name).strip().upper(),
            number_line="",
            date_line=date_line((unit.place_name or registration.campaign.place_name or "").strip(), submitted),
            party_name=_("ĐẢNG CỘNG SẢN VIỆT NAM"),
            title=_("PHIẾU ĐĂNG KÝ"),
            subject=_("Xây dựng %(kind)s “Dân vận khéo” năm %(year)s") % {"kind": kind, "year": registration.campaign.year},
            addressee=campaign_reference(registration.campaign)["author"] or owner.name,
            blocks=blocks,
            recipients=[],
            recipients_label="",
            signer_capacity=_("T/M %(unit)s") % {"unit": unit.name.upper()},
            signer_title="",
            signer_name=filer,
            is_draft=registration.submitted_at is None,
            seal_lines=[_("Gửi trên Cổng Dân vận khéo ngày %(date)s.") % {"date": f"{submitted:%d/%m/%Y}"}] if submitted else [],
            second_signature=None,
            filename_stem=f"phieu-dang-ky-{registration.pk}",
        )

