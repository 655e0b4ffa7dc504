"""Scoresheets: a member saves a draft and submits it (every value checked, the window
and the version respected); the chair reopens a submitted sheet. Each step locks the
council row first (``guards.lock_council``)."""

import datetime
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts.formatting import points_text
from audit.models import AuditEntry
from registrations.models import Status

from . import selectors
from .exceptions import (
    InvalidScores,
    NotAllowed,
    ResultsFinalised,
    ScoringClosed,
    StaleScoresheet,
    TransitionNotAllowed,
)
from .guards import date_time, lock_council, require_chair, require_not_finalised, sheet_state
from .models import Assignment, Council, Criterion, Score, Scoresheet

HALF = Decimal("0.5")
# Digits with at most one decimal separator (a minus sign is read so that it can be
# refused as negative): Decimal() alone would also read "1_0" or "1e1" as 10.
TYPED_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")


def check_points(value, max_points: Decimal) -> tuple[Decimal | None, str | None]:
    """Parse one score as typed (comma or point) and say what is wrong with it:
    (value, None) when it is acceptable, (None, message) when not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not TYPED_NUMBER.fullmatch(str(value).strip()):
        return None, _("Điểm phải là một số, ví dụ 15 hoặc 15,5.")
    try:
        points = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None, _("Điểm phải là một số, ví dụ 15 hoặc 15,5.")
    if not points.is_finite():
        return None, _("Điểm phải là một số, ví dụ 15 hoặc 15,5.")
    if points < 0:
        return None, _("Điểm không được âm.")
    if points > max_points:
        return None, _("Điểm không được vượt quá %(max)s – điểm tối đa của tiêu chí.") % {"max": points_text(max_points)}
    if (points / HALF) % 1 != 0:
        return None, _("Điểm chấm theo bước 0,5 (ví dụ 12 hoặc 12,5); %(value)s không hợp lệ.") % {"value": points_text(points)}
    return points.quantize(Decimal("0.1")), None


def _check_window(council: Council, now: datetime.datetime) -> None:
    window = selectors.scoring_window(council)
    if not window.is_open(now):
        raise ScoringClosed(
            _("Ngoài thời gian chấm điểm của Hội đồng (từ %(opens)s đến %(closes)s).")
            % {"opens": date_time(window.opens_at), "closes": date_time(window.closes_at)}
        )


def _write_sheet(
    assignment: Assignment,
    *,
    points: Mapping[int, object],
    comments: Mapping[int, str] | None,
    comment: str,
    version: int,
    by,
    submit: bool,
    now: datetime.datetime | None,
) -> Scoresheet:
    now = now or timezone.now()
    comments = comments or {}
    with transaction.atomic():
        council = lock_council(assignment.member.council)
        assignment = (
            Assignment.objects.select_for_update()
            .select_related("member", "registration__model", "registration__campaign")
            .get(pk=assignment.pk)
        )
        if assignment.member.user_id != getattr(by, "pk", None):
            raise NotAllowed(_("Bạn chỉ chấm được phiếu của chính mình."))
        if assignment.is_recused:
            raise NotAllowed(_("Bạn đã tránh chấm hồ sơ này."))
        require_not_finalised(council)
        if assignment.registration.status != Status.NOMINATED:
            raise TransitionNotAllowed(_("Hồ sơ này không còn trong đợt thẩm định."))
        _check_window(council, now)
        sheet = Scoresheet.objects.select_for_update().filter(assignment=assignment).first()
        current_version = sheet.version if sheet is not None else 0
        if version != current_version:
            raise StaleScoresheet()
        if sheet is not None and sheet.is_locked:
            raise ResultsFinalised()
        if sheet is not None and sheet.is_submitted:
            raise TransitionNotAllowed(_("Phiếu đã nộp nên chỉ xem được; Chủ tịch Hội đồng có thể mở lại nếu cần sửa."))

        criteria = list(
            Criterion.objects.filter(
                criteria_set__campaign=assignment.registration.campaign, criteria_set__kind=assignment.registration.model.kind
            )
        )
        if not criteria:
            raise TransitionNotAllowed(_("Kế hoạch chưa có bộ tiêu chí cho loại hồ sơ này."))
        known = {criterion.pk for criterion in criteria}
        if set(points) - known:
            raise InvalidScores({}, _("Phiếu có tiêu chí không thuộc bộ tiêu chí của hồ sơ này; hãy tải lại trang."))
        errors: dict[int, str] = {}
        values: dict[int, Decimal | None] = {}
        for criterion in criteria:
            value, error = check_points(points.get(criterion.pk), criterion.max_points)
            if error:
                errors[criterion.pk] = error
            elif value is None and submit:
                errors[criterion.pk] = _("Cần chấm tiêu chí này trước khi nộp phiếu.")
            values[criterion.pk] = value
        if errors:
            raise InvalidScores(errors)

        before = sheet_state(sheet) if sheet is not None else None
        if sheet is None:
            sheet = Scoresheet.objects.create(assignment=assignment, version=0)
        existing = {score.criterion_id: score for score in sheet.scores.all()}
        for criterion in criteria:
            score = existing.get(criterion.pk) or Score(scoresheet=sheet, criterion=criterion)
            score.points = values[criterion.pk]
            score.comment = (comments.get(criterion.pk) or "").strip()
            score.save()
        sheet.comment = (comment or "").strip()
        sheet.version = current_version + 1
        if submit:
            sheet.status = Scoresheet.Status.SUBMITTED
            sheet.submitted_at = now
        sheet.save()
        sheet = Scoresheet.objects.prefetch_related("scores").get(pk=sheet.pk)
        audit.record(by, "scoresheet.submitted" if submit else "scoresheet.saved", sheet, before=before, after=sheet_state(sheet))
    return sheet


def save_draft(
    assignment: Assignment,
    *,
    points: Mapping[int, object],
    comments: Mapping[int, str] | None = None,
    comment: str = "",
    version: int,
    by,
    now: datetime.datetime | None = None,
) -> Scoresheet:
    """Save the member's sheet as a draft: empty criteria allowed, every value checked.
    ``version`` is the sheet version the form was opened with (0 for a new sheet)."""
    return _write_sheet(
        assignment, points=points, comments=comments, comment=comment, version=version, by=by, submit=False, now=now
    )


def submit_scoresheet(
    assignment: Assignment,
    *,
    points: Mapping[int, object],
    comments: Mapping[int, str] | None = None,
    comment: str = "",
    version: int,
    by,
    now: datetime.datetime | None = None,
) -> Scoresheet:
    """Save and submit: every criterion must be scored; the sheet becomes read-only."""
    return _write_sheet(
        assignment, points=points, comments=comments, comment=comment, version=version, by=by, submit=True, now=now
    )


def reopen_scoresheet(scoresheet: Scoresheet, *, reason: str, by) -> Scoresheet:
    """The chair sends a submitted sheet back to its member as a draft, with a reason."""
    reason = (reason or "").strip()
    with transaction.atomic():
        council = lock_council(scoresheet.assignment.member.council)
        require_chair(by, council)
        require_not_finalised(council)
        if not reason:
            raise TransitionNotAllowed(_("Cần ghi lý do mở lại phiếu chấm."))
        sheet = Scoresheet.objects.select_for_update().get(pk=scoresheet.pk)
        if sheet.is_locked:
            raise ResultsFinalised()
        if not sheet.is_submitted:
            raise TransitionNotAllowed(_("Phiếu này chưa nộp nên không cần mở lại."))
        sheet.status = Scoresheet.Status.DRAFT
        sheet.submitted_at = None
        sheet.version += 1
        sheet.save(update_fields=["status", "submitted_at", "version", "updated_at"])
        audit.record(
            by,
            "scoresheet.reopened",
            sheet,
            before={"status": Scoresheet.Status.SUBMITTED},
            after={"status": sheet.status, "reason": reason, "member": sheet.assignment.member_id},
        )
    return sheet


def reopen_reason(sheet) -> str:
    """Why the chair sent this draft sheet back, from the ledger entry of the last
    reopening; empty when it was never reopened or has been submitted since."""
    if sheet is None or sheet.is_submitted:
        return ""
    entry = (
        AuditEntry.objects.filter(object_type="evaluations.scoresheet", object_id=str(sheet.pk), action="scoresheet.reopened")
        .order_by("-sequence")
        .first()
    )
    return (entry.after or {}).get("reason", "") if entry else ""
