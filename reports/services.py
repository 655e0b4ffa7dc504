"""Every write of the reports app: creating, editing and signing a report, and making
its PDF and DOCX files. Views, the demo seed and the Celery task all go through here."""

import datetime
import hashlib
import json
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts.broker import queue_once
from accounts.models import Role
from accounts.rules import is_staff_of_organiser
from campaign.models import Campaign
from evaluations.models import CouncilMember

from .document import build_document
from .exceptions import IncompleteReport, NeedsConfirmation, NotAllowed, ReportExists, ReportSigned, StaleEdit
from .models import ReportFile, SummaryReport
from .selectors import content_for_rendering, document_content
from .signing import checklist, ledger_head

logger = logging.getLogger(__name__)

EDITABLE_FIELDS = (
    "superior_name",
    "issuer_name",
    "number",
    "place",
    "date",
    "subject",
    "addressee",
    "assessment",
    "direction",
    "recommendations",
    "recipients",
    "signer_capacity",
    "signer_title",
    "signer_name",
)
# The document type in the number: 45-BC/…, 12-BB/…, 08-TTr/….
NUMBER_TYPES = {
    SummaryReport.Kind.SUMMARY: "BC",
    SummaryReport.Kind.INTERIM: "BC",
    SummaryReport.Kind.MINUTES: "BB",
    SummaryReport.Kind.SUBMISSION: "TTr",
}
FILE_STEMS = {
    SummaryReport.Kind.SUMMARY: "bao-cao-tong-ket",
    SummaryReport.Kind.INTERIM: "bao-cao-so-ket-6-thang",
    SummaryReport.Kind.MINUTES: "bien-ban-tham-dinh",
    SummaryReport.Kind.SUBMISSION: "to-trinh-khen-thuong",
}
# A file still "being made" after this long is taken as lost (a worker died) and may be requested again.
PENDING_TIMEOUT = ReportFile.PENDING_TIMEOUT


def report_defaults(campaign: Campaign, kind: str) -> dict:
    """What a new report starts with, taken from its campaign: the letterhead, the
    place, the signer and the usual recipients."""
    superior, issuer = campaign.letterhead
    year = campaign.year
    today = timezone.localdate()
    if kind in (SummaryReport.Kind.MINUTES, SummaryReport.Kind.SUBMISSION):
        return _appraisal_defaults(campaign, kind)
    if kind == SummaryReport.Kind.INTERIM:
        subject = _("Sơ kết 6 tháng đầu năm %(year)s phong trào thi đua “Dân vận khéo”, nhiệm vụ 6 tháng cuối năm") % {
            "year": year
        }
        default_date = datetime.date(year, 6, 30)
    else:
        subject = _("Tổng kết phong trào thi đua “Dân vận khéo” năm %(year)s, phương hướng, nhiệm vụ năm %(next)s") % {
            "year": year,
            "next": year + 1,
        }
        default_date = datetime.date(year, 12, 15)
    owner = campaign.owner
    suffix = owner.number_suffix.strip()
    return {
        "superior_name": superior,
        "issuer_name": issuer,
        "number": f"-BC/{suffix}" if suffix else "",
        "place": campaign.place_name,
        "date": today if today.year == year else default_date,
        "subject": subject,
        "recipients": _default_recipients(owner),
        "signer_capacity": owner.signer_behalf or _("T/M %(issuer)s") % {"issuer": issuer},
        "signer_title": (campaign.signer_title or owner.signer_title or _("TRƯỞNG BAN")).upper(),
        "signer_name": campaign.signer_name,
    }


def _appraisal_defaults(campaign: Campaign, kind: str) -> dict:
    """The minutes are signed by the council's chair and secretary; the submission by
    the head of the organising body, addressed to the emulation and reward council."""
    superior, issuer = campaign.letterhead
    owner = campaign.owner
    year = campaign.year
    today = timezone.localdate()
    suffix = owner.number_suffix.strip()
    common = {
        "superior_name": superior,
        "issuer_name": issuer,
        "number": f"-{NUMBER_TYPES[kind]}/{suffix}" if suffix else "",
        "place": campaign.place_name,
        "date": today if today.year == year else datetime.date(year, 11, 30),
    }
    if kind == SummaryReport.Kind.MINUTES:
        chair = (
            CouncilMember.objects.filter(council__campaign=campaign, position=CouncilMember.Position.CHAIR)
            .select_related("user")
            .first()
        )
        return {
            **common,
            "subject": _("Họp Hội đồng thẩm định mô hình, điển hình “Dân vận khéo” năm %(year)s") % {"year": year},
            "recipients": [],
            "signer_capacity": "",
            "signer_title": _("CHỦ TỊCH HỘI ĐỒNG"),
            "signer_name": chair.user.display_name if chair else "",
        }
    place = campaign.place_name or owner.name
    return {
        **common,
        "subject": _("Về việc đề nghị khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm %(year)s")
        % {"year": year},
        "addressee": _("Hội đồng Thi đua – Khen thưởng %(place)s") % {"place": place},
        "recipients": [_("Như trên"), _("Lưu %(suffix)s.") % {"suffix": suffix} if suffix else _("Lưu VT.")],
        "signer_capacity": owner.signer_behalf or _("T/M %(issuer)s") % {"issuer": issuer},
        "signer_title": (campaign.signer_title or owner.signer_title or _("TRƯỞNG BAN")).upper(),
        "signer_name": campaign.signer_name,
    }


def _default_recipients(owner) -> list[str]:
    """The usual "Nơi nhận" of a report: the superior Party committee, the units taking
    part and the archive."""
    archive = _("Lưu %(suffix)s.") % {"suffix": owner.number_suffix} if owner.number_suffix else _("Lưu VT.")
    if owner.kind == owner.Kind.DISTRICT:
        return [
            _("Ban Dân vận Tỉnh ủy (b/c)"),
            _("Thường trực Huyện ủy (b/c)"),
            _("Ủy ban MTTQVN và các đoàn thể huyện"),
            _("Đảng ủy, Khối Dân vận các xã, thị trấn"),
            archive,
        ]
    return [
        _("Thường trực cấp ủy (b/c)"),
        _("Ủy ban MTTQ Việt Nam và các tổ chức chính trị - xã hội cùng cấp"),
        _("Các đơn vị tham gia phong trào"),
        archive,
    ]


def _require_staff(report_or_campaign, by) -> None:
    if not is_staff_of_organiser(by, report_or_campaign):
        raise NotAllowed(_("Chỉ chuyên viên của đơn vị tổ chức mới được soạn báo cáo này."))


def create_report(campaign: Campaign, kind: str, *, by) -> SummaryReport:
    """Open the draft of a campaign's summary or interim report, prefilled from the campaign."""
    if kind not in SummaryReport.Kind.values:
        raise ValueError(f"unknown report kind {kind!r}")
    _require_staff(campaign, by)
    exists = ReportExists(
        _("Kế hoạch năm %(year)s đã có %(kind)s; hãy mở báo cáo đó để sửa.")
        % {"year": campaign.year, "kind": SummaryReport.Kind(kind).label.lower()}
    )
    if SummaryReport.objects.filter(campaign=campaign, kind=kind).exists():
        raise exists
    try:
        with transaction.atomic():
            report = SummaryReport.objects.create(campaign=campaign, kind=kind, created_by=by, **report_defaults(campaign, kind))
            audit.record(by, "report.created", report, after={"kind": kind, "campaign": campaign.pk})
    except IntegrityError:
        # Two people opened the same report at the same moment.
        raise exists from None
    return report


def update_report(report: SummaryReport, *, by, version: int | None = None, **fields) -> SummaryReport:
    """Save what staff wrote. Refused once signed, and when someone else saved the report
    after ``version`` was read."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        report = SummaryReport.objects.select_for_update().select_related("campaign__owner").get(pk=report.pk)
        _require_staff(report, by)
        if report.is_signed:
            raise ReportSigned(_("Báo cáo đã ký ban hành, không thể sửa."))
        if version is not None and version != report.version:
            raise StaleEdit(
                _("Báo cáo vừa được người khác lưu sau khi bạn mở trang. Hãy tải lại trang để xem bản mới rồi sửa tiếp.")
            )
        before, after = audit.apply_changes(report, fields)
        if not after:
            return report
        report.version += 1
        report.save(update_fields=[*after, "version", "updated_at"])
        audit.record(by, "report.updated", report, before=before, after=after)
    return report


def _missing_for_signing(report: SummaryReport) -> list[str]:
    required = {"number": _("số, ký hiệu"), "subject": _("trích yếu"), "place": _("địa danh")}
    if report.is_report:
        required.update(assessment=_("đánh giá chung"), direction=_("phương hướng, nhiệm vụ"))
    if report.kind == SummaryReport.Kind.SUBMISSION:
        required["addressee"] = _("kính gửi")
    required.update(signer_title=_("chức vụ người ký"), signer_name=_("người ký"))
    return [label for name, label in required.items() if not str(getattr(report, name)).strip()]


def sign_report(report: SummaryReport, *, by, confirmed=()) -> SummaryReport:
    """The board head signs the document: it becomes read-only and keeps the figures of
    this moment, and its PDF and DOCX are made again from them. What is not ready (see
    ``signing.checklist``) must each be confirmed by name in ``confirmed``; the audit
    entry records what was confirmed. The ledger head after that entry is kept on the
    report and printed on the signed file."""
    with transaction.atomic():
        report = SummaryReport.objects.select_for_update().select_related("campaign__owner").get(pk=report.pk)
        if report.is_signed:
            raise ReportSigned(_("Báo cáo đã được ký ban hành trước đó."))
        if not by.is_board_head or report.campaign.owner_id not in by.unit_ids(roles=(Role.BOARD_HEAD,)):
            raise NotAllowed(_("Chỉ Trưởng ban của đơn vị tổ chức mới được ký ban hành báo cáo."))
        missing = _missing_for_signing(report)
        if missing:
            raise IncompleteReport(_("Chưa thể ký: báo cáo còn thiếu %(fields)s.") % {"fields": ", ".join(missing)})
        content = document_content(report)
        items = checklist(report, content)
        unconfirmed = [item for item in items if item.code not in set(confirmed)]
        if unconfirmed:
            raise NeedsConfirmation(unconfirmed)
        report.content_snapshot = content
        report.status = SummaryReport.Status.SIGNED
        report.signed_at = timezone.now()
        report.signed_by = by
        report.version += 1
        audit.record(
            by,
            "report.signed",
            report,
            before={"status": SummaryReport.Status.DRAFT},
            after={
                "status": report.status,
                "number": report.number,
                "date": report.date,
                "confirmed": [{"code": item.code, "text": item.text} for item in items],
            },
        )
        report.ledger_head = ledger_head(report)
        report.save(
            update_fields=["content_snapshot", "status", "signed_at", "signed_by", "version", "ledger_head", "updated_at"]
        )
        for fmt in ReportFile.Format.values:
            request_file(report, fmt, by=by)
    return report


def request_file(report: SummaryReport, fmt: str, *, by) -> ReportFile:
    """Ask for the report's PDF or DOCX. The request is kept on the row and queued after
    the commit (made at once, in process, when no broker is configured); if the broker
    cannot take it, beat queues it again (``requeue_report_files``). A request while the
    same file is still being made is not queued twice."""
    if fmt not in ReportFile.Format.values:
        raise ValueError(f"unknown format {fmt!r}")
    with transaction.atomic():
        row, created = ReportFile.objects.select_for_update().get_or_create(report=report, format=fmt)
        if row.is_waiting and not created:
            return row
        before = row.status
        row.status = ReportFile.Status.PENDING
        row.requested_by = by
        row.requested_at = timezone.now()
        row.queued_at = None
        row.error = ""
        row.save(update_fields=["status", "requested_by", "requested_at", "queued_at", "error"])
        audit.record(by, "report.file_requested", report, before={"file": before}, after={"file": row.status, "format": fmt})
        report_id = report.pk
        transaction.on_commit(lambda: queue_render(report_id, fmt))
    return row


def queue_render(report_id: int, fmt: str) -> bool:
    """Hand one file to the worker; False (and the row stays unqueued, for beat) if the
    broker is down."""
    from .tasks import render_report

    if not queue_once(render_report, (report_id, fmt)):
        return False
    ReportFile.objects.filter(report_id=report_id, format=fmt, queued_at__isnull=True).update(queued_at=timezone.now())
    return True


def requeue_report_files(now: datetime.datetime | None = None) -> int:
    """Run by beat: queue again each request the broker could not take, and each file
    still pending past its timeout (the worker died or lost it)."""
    now = now or timezone.now()
    with transaction.atomic():
        rows = list(
            ReportFile.objects.select_for_update(skip_locked=True)
            .filter(status=ReportFile.Status.PENDING)
            .filter(Q(queued_at__isnull=True) | Q(requested_at__lte=now - PENDING_TIMEOUT))
            .values_list("pk", "report_id", "format")
        )
        ReportFile.objects.filter(pk__in=[pk for pk, _report, _fmt in rows]).update(requested_at=now, queued_at=None)
    for _pk, report_id, fmt in rows:
        queue_render(report_id, fmt)
    return len(rows)


def content_fingerprint(report: SummaryReport, content: dict | None = None) -> str:
    """A digest of everything a file of the report shows: its text and its figures."""
    content = content_for_rendering(report) if content is None else content
    text_fields = {
        field.name: getattr(report, field.attname)
        for field in SummaryReport._meta.concrete_fields
        if field.name not in {"updated_at", "created_at", "version", "content_snapshot", "ledger_head"}
    }
    payload = json.dumps({"report": text_fields, "content": content}, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def render_bytes(report: SummaryReport, fmt: str, content: dict | None = None) -> bytes:
    """The file's content: the document built once, laid out as PDF or DOCX."""
    from .pdf import render_pdf
    from .word import render_docx

    document = build_document(report, content_for_rendering(report) if content is None else content)
    return render_pdf(document) if fmt == ReportFile.Format.PDF else render_docx(document)


def file_name(report: SummaryReport, fmt: str) -> str:
    """The name a download is saved under, e.g. "bao-cao-tong-ket-2020.pdf"."""
    return f"{FILE_STEMS[report.kind]}-{report.campaign.year}.{fmt}"


def generate_file(report_id: int, fmt: str) -> ReportFile | None:
    """Render and store one file (run by the Celery task). Rendering happens outside any
    transaction; storing it replaces the previous file in one step. A failure is
    recorded on the row for the page to show, never half-stored."""
    report = SummaryReport.objects.select_related("campaign__owner").filter(pk=report_id).first()
    if report is None or fmt not in ReportFile.Format.values:
        return None
    version = report.version
    try:
        content = content_for_rendering(report)
        fingerprint = content_fingerprint(report, content)
        data = render_bytes(report, fmt, content)
    except Exception as error:  # noqa: BLE001 - any rendering failure is shown on the page, not raised
        logger.exception("Rendering %s of report %s failed", fmt, report_id)
        ReportFile.objects.filter(report_id=report_id, format=fmt).update(
            status=ReportFile.Status.FAILED, error=f"{error.__class__.__name__}: {error}"[:300]
        )
        return None
    with transaction.atomic():
        row = ReportFile.objects.select_for_update().get_or_create(report_id=report_id, format=fmt)[0]
        old_name = row.file.name if row.file else ""
        row.file.save(file_name(report, fmt), ContentFile(data), save=False)
        row.status = ReportFile.Status.READY
        row.size = len(data)
        row.sha256 = hashlib.sha256(data).hexdigest()
        row.report_version = version
        row.source_fingerprint = fingerprint
        row.generated_at = timezone.now()
        row.error = ""
        row.save()
        audit.record(
            None,
            "report.file_generated",
            report,
            after={"format": fmt, "size": row.size, "report_version": version, "sha256": row.sha256},
        )
        if report.is_signed:
            # The seal: the signed file's digest in the ledger, next to the signing entry.
            audit.record(None, "report.sealed", report, after={"format": fmt, "sha256": row.sha256, "ledger_head": report.ledger_head})
        if old_name and old_name != row.file.name:
            transaction.on_commit(lambda: default_storage.delete(old_name))
    return row
