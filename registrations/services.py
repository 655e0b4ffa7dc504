"""Every change to registrations, progress reports and evidence (DESIGN §7).

One function per state change. Each runs in one transaction, locks the row it
changes, checks the transition, writes the audit entry and announces the step with
a signal once committed. Views, the admin, tasks and the demo seed all call these;
none of them sets a status by hand.

``now`` is the moment the step happens. It defaults to the present; only the demo
seed passes a date, to replay the 2020 campaign with its deadlines as they were."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

import rules
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

import audit
from audit.models import AuditEntry
from campaign.models import Campaign, Deadline
from campaign.uploads import image_problem

from . import lifecycle, signals
from .evidence import clean_original_name, inspect_upload, render_thumbnail, stored_name, thumbnail_name
from .exceptions import (
    AlreadyRegistered,
    CampaignNotOpen,
    DeadlinePassed,
    EvidenceRejected,
    IncompleteRegistration,
    InvalidReport,
    NotPermitted,
    ReasonRequired,
    StaleEdit,
    TransitionNotAllowed,
)
from .models import (
    CONTENT_FIELDS,
    REPORT_FIELDS,
    REQUIRED_FOR_SUBMISSION,
    Evidence,
    ProgressReport,
    Registration,
)

__all__ = [
    "create_registration",
    "update_registration",
    "submit_registration",
    "return_registration",
    "accept_registration",
    "bulk_accept",
    "withdraw_registration",
    "create_progress_report",
    "update_progress_report",
    "submit_progress_report",
    "add_evidence",
    "delete_evidence",
    "missing_fields",
]

# A folder of evidence stays readable for the reviewer.
MAX_EVIDENCE_PER_OWNER = 30


def _lock_registration(pk: int) -> Registration:
    return Registration.objects.select_for_update().get(pk=pk)


def _lock_report(pk: int) -> ProgressReport:
    return ProgressReport.objects.select_for_update().get(pk=pk)


def _announce(signal, sender, instance, by) -> None:
    # Inside the transaction: what receivers write (messages, their e-mails in the
    # outbox) is committed together with the change, or rolled back with it.
    signal.send(sender=sender, instance=instance, by=by)


def _require(by, permission: str, obj) -> None:
    """Refuse the change unless ``by`` holds the named rule on ``obj`` (registrations.rules)."""
    if not rules.has_perm(permission, by, obj):
        raise NotPermitted(_("Bạn không có quyền thực hiện việc này với hồ sơ của đơn vị khác."))


def _check_campaign_open(campaign: Campaign) -> None:
    if campaign.status != Campaign.Status.PUBLISHED:
        raise CampaignNotOpen(campaign)


def _clean_text(value) -> str:
    return (value or "").strip() if isinstance(value, str) or value is None else value


def _stale_message(label, obj, entry: AuditEntry | None) -> str:
    when = formats.date_format(timezone.localtime(obj.updated_at), "H:i d/m/Y")
    if entry is not None and entry.actor is not None:
        who = entry.actor.display_name
    else:
        who = entry.actor_name if entry is not None and entry.actor_name else _("người khác")
    return _(
        "%(what)s đã được người khác sửa (%(who)s, lúc %(when)s) sau khi bạn mở trang này. "
        "Nội dung bạn vừa nhập vẫn còn trên biểu mẫu nhưng CHƯA được lưu; "
        "hãy mở lại trang để xem bản mới nhất rồi nhập lại phần thay đổi của mình."
    ) % {"what": label, "who": who, "when": when}


def _last_edit(obj, action: str) -> AuditEntry | None:
    return (
        AuditEntry.objects.filter(
            object_type=f"{obj._meta.app_label}.{obj._meta.model_name}", object_id=str(obj.pk), action=action
        )
        .select_related("actor")
        .order_by("-sequence")
        .first()
    )


EVIDENCE_ITEM = "evidence"


def has_own_evidence(registration: Registration) -> bool:
    """At least one file attached to the registration itself (not to a report); uses
    the ``own_evidence`` prefetch when the detail selector made it."""
    prefetched = getattr(registration, "own_evidence", None)
    if prefetched is not None:
        return bool(prefetched)
    return Evidence.objects.filter(registration=registration, report__isnull=True).exists()


def missing_fields(registration: Registration) -> dict[str, str]:
    """What must still be given before sending, name → label, in form order: the
    required content fields still empty, then the evidence when the campaign asks
    for at least one file."""
    missing = {
        name: str(Registration._meta.get_field(name).verbose_name).capitalize()
        for name in REQUIRED_FOR_SUBMISSION
        if not (getattr(registration, name) or "").strip()
    }
    if registration.campaign.requires_evidence and not has_own_evidence(registration):
        missing[EVIDENCE_ITEM] = _("Minh chứng (ít nhất một tệp)")
    return missing


# Registrations ----------------------------------------------------------------------


def create_registration(*, campaign: Campaign, model, by, data: dict | None = None) -> Registration:
    """Enter ``model`` in ``campaign`` as a draft. One registration per model and campaign."""
    data = data or {}
    with transaction.atomic():
        _check_campaign_open(campaign)
        if not campaign.covers(model.unit):
            raise TransitionNotAllowed(_("Mô hình này thuộc đơn vị ngoài phạm vi của kế hoạch."))
        _require(by, "registrations.register_model", model)
        existing = Registration.objects.filter(campaign=campaign, model=model).select_related("model", "campaign").first()
        if existing is not None:
            raise AlreadyRegistered(existing)
        registration = Registration(
            campaign=campaign,
            model=model,
            unit_id=model.unit_id,
            created_by=by if getattr(by, "pk", None) else None,
            **{name: _clean_text(data.get(name, "")) for name in CONTENT_FIELDS},
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            raise AlreadyRegistered(
                Registration.objects.select_related("model", "campaign").get(campaign=campaign, model=model)
            ) from None
        audit.record(
            by,
            "registration.created",
            registration,
            after={"status": registration.status, **{name: getattr(registration, name) for name in CONTENT_FIELDS}},
        )
    return registration


def update_registration(registration: Registration, *, by, data: dict, version: int) -> Registration:
    """Save new content. ``version`` is the one the editor started from: if someone saved
    in between, StaleEdit, and nothing of theirs is overwritten."""
    with transaction.atomic():
        registration = _lock_registration(registration.pk)
        _require(by, "registrations.act_for_unit", registration)
        if not registration.is_editable:
            raise TransitionNotAllowed(
                _("Đăng ký đang ở trạng thái “%(status)s”, chỉ sửa được khi là nháp hoặc bị trả lại.")
                % {"status": registration.get_status_display()}
            )
        if int(version) != registration.version:
            raise StaleEdit(_stale_message(_("Đăng ký"), registration, _last_edit(registration, "registration.updated")))
        before, after = audit.apply_changes(
            registration, {name: _clean_text(data[name]) for name in CONTENT_FIELDS if name in data}
        )
        if not after:
            return registration
        registration.version += 1
        registration.save(update_fields=[*after, "version", "updated_at"])
        audit.record(by, "registration.updated", registration, before=before, after={**after, "version": registration.version})
    return registration


def submit_registration(registration: Registration, *, by, now: datetime.datetime | None = None) -> Registration:
    """Send a registration to the district. Refused after the deadline unless the unit
    holds an extension, and while required content is missing."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = _lock_registration(registration.pk)
        lifecycle.check_step(registration, "submit", by=by)
        _check_campaign_open(registration.campaign)
        missing = missing_fields(registration)
        if missing:
            raise IncompleteRegistration(missing)
        due = registration.campaign.deadline_for(Deadline.Kind.REGISTRATION, unit=registration.unit)
        if due is not None and due.is_past(now):
            raise DeadlinePassed(due)
        return lifecycle.transition(
            registration, "submit", by=by, fields={"submitted_at": now}, note={"extension": bool(due and due.is_extended)}
        )


def return_registration(registration: Registration, *, by, reason: str, now: datetime.datetime | None = None) -> Registration:
    """Send a submitted registration back to its unit with what to add or fix."""
    reason = (reason or "").strip()
    with transaction.atomic():
        registration = _lock_registration(registration.pk)
        lifecycle.check_step(registration, "return", by=by)
        if not reason:
            raise ReasonRequired()
        return lifecycle.transition(
            registration,
            "return",
            by=by,
            fields={"return_reason": reason, "reviewed_at": now or timezone.now()},
            note={"reason": reason},
        )


def accept_registration(registration: Registration, *, by, now: datetime.datetime | None = None) -> Registration:
    """The district accepts a submitted registration into the year's emulation."""
    return lifecycle.transition(registration, "accept", by=by, fields={"reviewed_at": now or timezone.now()})


@dataclass
class BulkAcceptResult:
    accepted: list[Registration] = field(default_factory=list)
    skipped: list[Registration] = field(default_factory=list)


def bulk_accept(registrations: Iterable[Registration], *, by, now: datetime.datetime | None = None) -> BulkAcceptResult:
    """Accept every submitted registration among ``registrations``; the others (already
    accepted, returned, ...) are left as they are and listed as skipped."""
    now = now or timezone.now()
    pks = sorted({registration.pk for registration in registrations})
    result = BulkAcceptResult()
    with transaction.atomic():
        # Locks are taken in primary-key order so two reviewers cannot deadlock.
        for registration in Registration.objects.select_for_update().filter(pk__in=pks).order_by("pk"):
            if lifecycle.state_refusal(registration, "accept") is None:
                result.accepted.append(lifecycle.transition(registration, "accept", by=by, fields={"reviewed_at": now}))
            else:
                result.skipped.append(registration)
    return result


def withdraw_registration(registration: Registration, *, by, now: datetime.datetime | None = None) -> Registration:
    """The unit takes its registration out of the year's emulation (final)."""
    return lifecycle.transition(registration, "withdraw", by=by)


# Progress reports ------------------------------------------------------------------


def _report_values(data: dict) -> dict:
    values = {}
    for name in REPORT_FIELDS:
        if name in data:
            values[name] = _clean_text(data[name]) if name == "results" else int(data[name] or 0)
    return values


def _check_figures(values: dict) -> None:
    if values.get("socialised_funds_vnd", 0) > values.get("funds_vnd", 0):
        raise InvalidReport(_("Kinh phí xã hội hóa không thể lớn hơn tổng kinh phí huy động."))
    if any(isinstance(value, int) and value < 0 for value in values.values()):
        raise InvalidReport(_("Các số liệu không được âm."))


def _check_report_allowed(registration: Registration) -> None:
    if not registration.accepts_reports:
        raise TransitionNotAllowed(
            _("Chỉ báo cáo tiến độ cho đăng ký đã được tiếp nhận; đăng ký này đang ở trạng thái “%(status)s”.")
            % {"status": registration.get_status_display()}
        )
    _check_campaign_open(registration.campaign)


def create_progress_report(registration: Registration, *, kind: str, by, data: dict | None = None) -> ProgressReport:
    """Start the interim or final report of an accepted registration, as a draft."""
    values = _report_values(data or {})
    with transaction.atomic():
        registration = _lock_registration(registration.pk)
        _require(by, "registrations.act_for_unit", registration)
        _check_report_allowed(registration)
        if kind not in ProgressReport.Kind.values:
            raise TransitionNotAllowed(_("Loại báo cáo không hợp lệ."))
        if ProgressReport.objects.filter(registration=registration, kind=kind).exists():
            raise StaleEdit(
                _("%(what)s đã được tạo ở một trang khác. Nội dung bạn vừa nhập CHƯA được lưu; hãy mở lại trang báo cáo.")
                % {"what": ProgressReport.Kind(kind).label}
            )
        full = {name: ProgressReport._meta.get_field(name).get_default() for name in REPORT_FIELDS} | values
        _check_figures(full)
        report = ProgressReport.objects.create(registration=registration, kind=kind, **full)
        audit.record(by, "progress_report.created", report, after={"kind": kind, **full})
    return report


def update_progress_report(report: ProgressReport, *, by, data: dict, version: int) -> ProgressReport:
    """Save a draft report; refused when someone saved it after ``version``."""
    values = _report_values(data)
    with transaction.atomic():
        report = _lock_report(report.pk)
        _require(by, "registrations.act_for_unit", report)
        if report.is_submitted:
            raise TransitionNotAllowed(_("Báo cáo đã gửi, không sửa được nữa."))
        _check_report_allowed(report.registration)
        if int(version) != report.version:
            raise StaleEdit(_stale_message(report.get_kind_display(), report, _last_edit(report, "progress_report.updated")))
        _check_figures({name: getattr(report, name) for name in REPORT_FIELDS} | values)
        before, after = audit.apply_changes(report, values)
        if not after:
            return report
        report.version += 1
        report.save(update_fields=[*after, "version", "updated_at"])
        audit.record(
            by, "progress_report.updated", report, before=before, after={**after, "kind": report.kind, "version": report.version}
        )
    return report


def submit_progress_report(report: ProgressReport, *, by, now: datetime.datetime | None = None) -> ProgressReport:
    """Send a report to the district; refused after its deadline (extensions honoured)."""
    now = now or timezone.now()
    with transaction.atomic():
        report = _lock_report(report.pk)
        _require(by, "registrations.act_for_unit", report)
        if report.is_submitted:
            raise TransitionNotAllowed(_("Báo cáo này đã được gửi."))
        registration = report.registration
        _check_report_allowed(registration)
        if not report.results.strip():
            raise IncompleteRegistration({"results": str(ProgressReport._meta.get_field("results").verbose_name).capitalize()})
        due = registration.campaign.deadline_for(report.deadline_kind, unit=registration.unit)
        if due is not None and due.is_past(now):
            raise DeadlinePassed(due)
        report.status = ProgressReport.ReportStatus.SUBMITTED
        report.submitted_at = now
        report.save(update_fields=["status", "submitted_at", "updated_at"])
        audit.record(
            by,
            "progress_report.submitted",
            report,
            before={"status": ProgressReport.ReportStatus.DRAFT},
            after={"status": report.status, "kind": report.kind, "extension": bool(due and due.is_extended)},
        )
        _announce(signals.progress_report_submitted, ProgressReport, report, by)
    return report


# Evidence -------------------------------------------------------------------------


def _check_evidence_owner_editable(registration: Registration, report: ProgressReport | None) -> None:
    if report is not None:
        if report.is_submitted or not registration.accepts_reports:
            raise TransitionNotAllowed(_("Báo cáo đã gửi, không thể thêm hay xóa minh chứng."))
    elif not registration.is_editable:
        raise TransitionNotAllowed(_("Chỉ thêm hay xóa minh chứng khi đăng ký đang là nháp hoặc bị trả lại."))


def add_evidence(registration: Registration, upload, *, by, report: ProgressReport | None = None, caption: str = "") -> Evidence:
    """Store one uploaded file as evidence of a registration (or of one of its reports).
    The file is judged by its content first; when refused, nothing is stored."""
    inspected = inspect_upload(upload)
    with transaction.atomic():
        registration = _lock_registration(registration.pk)
        _require(by, "registrations.act_for_unit", registration)
        if report is not None:
            report = _lock_report(report.pk)
            if report.registration_id != registration.pk:
                raise TransitionNotAllowed(_("Báo cáo không thuộc đăng ký này."))
        _check_evidence_owner_editable(registration, report)
        owner_files = Evidence.objects.filter(registration=registration, report=report)
        if owner_files.count() >= MAX_EVIDENCE_PER_OWNER:
            raise TransitionNotAllowed(
                _("Mỗi hồ sơ có tối đa %(count)s tệp minh chứng; hãy xóa bớt tệp không cần thiết.")
                % {"count": MAX_EVIDENCE_PER_OWNER}
            )
        evidence = Evidence(
            registration=registration,
            report=report,
            original_name=clean_original_name(upload.name),
            content_type=inspected.content_type,
            size=inspected.size,
            caption=(caption or "").strip()[:300],
            uploaded_by=by if getattr(by, "pk", None) else None,
        )
        upload.seek(0)
        evidence.file.save(stored_name(inspected), upload, save=False)
        try:
            if inspected.is_image:
                upload.seek(0)
                data, thumbnail_type = render_thumbnail(upload)
                evidence.thumbnail.save(thumbnail_name(thumbnail_type), ContentFile(data), save=False)
            evidence.save()
            audit.record(
                by,
                "evidence.added",
                registration,
                after={
                    "evidence": evidence.pk,
                    "name": evidence.original_name,
                    "content_type": evidence.content_type,
                    "size": evidence.size,
                    "report": report.kind if report else None,
                },
            )
        except BaseException:
            evidence.file.delete(save=False)
            if evidence.thumbnail:
                evidence.thumbnail.delete(save=False)
            raise
    return evidence


def store_missing_thumbnail(evidence: Evidence) -> None:
    """Make, once, the thumbnail of an image stored before thumbnails were kept. An
    original over the pixel limit is never decoded: it has no thumbnail."""
    with evidence.file.open("rb") as handle:
        if image_problem(handle, evidence.content_type, name=evidence.original_name):
            raise EvidenceRejected(_("Ảnh “%(name)s” không tạo được ảnh thu nhỏ.") % {"name": evidence.original_name})
        data, content_type = render_thumbnail(handle)
    evidence.thumbnail.save(thumbnail_name(content_type), ContentFile(data), save=False)
    Evidence.objects.filter(pk=evidence.pk).update(thumbnail=evidence.thumbnail.name)


def delete_evidence(evidence: Evidence, *, by) -> None:
    """Remove an evidence file while its registration or report is still editable."""
    with transaction.atomic():
        registration = _lock_registration(evidence.registration_id)
        _require(by, "registrations.act_for_unit", registration)
        report = _lock_report(evidence.report_id) if evidence.report_id else None
        _check_evidence_owner_editable(registration, report)
        evidence = Evidence.objects.select_for_update().get(pk=evidence.pk)
        pk, name, file_names = evidence.pk, evidence.original_name, [evidence.file.name, evidence.thumbnail.name]
        storage = evidence.file.storage
        evidence.delete()
        audit.record(
            by,
            "evidence.deleted",
            registration,
            before={"evidence": pk, "name": name, "report": report.kind if report else None},
        )
        # The file goes only once the row is surely gone.
        transaction.on_commit(lambda: [storage.delete(file_name) for file_name in file_names if file_name])
