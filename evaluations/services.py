"""Every change of the appraisal (DESIGN §7): council and settings, criteria, nomination,
assignment and recusal, scoresheets, finalising and publishing results.

One function per state change. Each runs in one transaction and, before anything else,
locks the council row: scoring, criteria edits, reopening and finalising of one campaign
are therefore serialised, so a score can never slip in after the criteria were edited or
the results were finalised, and two submissions of one sheet cannot interleave. The
version the form was opened with is checked against the sheet as well, so a stale tab
cannot silently overwrite a newer save."""

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import audit
from campaign.models import Campaign
from models.models import DvkModel
from models.services import record_recognition
from registrations.models import ProgressReport, Registration, Status

from . import selectors
from .criteria_defaults import DEFAULT_CRITERIA
from .models import Assignment, Council, CouncilMember, CriteriaSet, Criterion, Result, Score, Scoresheet
from .results import Outcome
from .rules import is_staff_of_campaign

__all__ = [
    "AppraisalError",
    "NotAllowed",
    "TransitionNotAllowed",
    "CriteriaLocked",
    "ScoringClosed",
    "ResultsFinalised",
    "StaleScoresheet",
    "InvalidScores",
    "NotQuorate",
    "ensure_council",
    "update_council",
    "add_member",
    "update_member",
    "remove_member",
    "ensure_default_criteria",
    "save_criteria",
    "nominate",
    "set_assignments",
    "declare_conflict",
    "save_draft",
    "submit_scoresheet",
    "reopen_scoresheet",
    "finalise_results",
    "publish_results",
    "check_points",
]

HALF = Decimal("0.5")
# Settings that change how results are computed: frozen once results are finalised.
SCORING_SETTINGS = ("opens_at", "closes_at", "score_method", "quorum_fraction", "disagreement_spread")
COUNCIL_SETTINGS = ("name", *SCORING_SETTINGS, "vote_pass_fraction", "vote_quorum_fraction")


# Errors ------------------------------------------------------------------------------


class AppraisalError(Exception):
    """A refused appraisal step; ``message`` is the sentence to show the user."""

    def __init__(self, message):
        self.message = str(message)
        super().__init__(self.message)


class NotAllowed(AppraisalError):
    """The acting user may not take this step."""


class TransitionNotAllowed(AppraisalError):
    """The object is not in a state where this step makes sense."""


class CriteriaLocked(AppraisalError):
    def __init__(self):
        super().__init__(
            _(
                "Đã có thành viên Hội đồng chấm điểm trong kế hoạch này nên không thể sửa bộ tiêu chí nữa; "
                "sửa lúc này sẽ làm các phiếu đã chấm không còn so sánh được với nhau."
            )
        )


class ScoringClosed(AppraisalError):
    pass


class ResultsFinalised(AppraisalError):
    def __init__(self):
        super().__init__(_("Kết quả thẩm định đã được chốt; không thể chấm điểm hay thay đổi phiếu chấm nữa."))


class StaleScoresheet(AppraisalError):
    def __init__(self):
        super().__init__(
            _(
                "Phiếu chấm này vừa được lưu ở nơi khác (có thể ở một thẻ trình duyệt khác) sau khi bạn mở trang. "
                "Điểm bạn vừa nhập vẫn còn trên biểu mẫu nhưng CHƯA được lưu; hãy mở lại trang để xem bản mới nhất."
            )
        )


class InvalidScores(AppraisalError):
    """``errors`` maps criterion id to what is wrong with its points."""

    def __init__(self, errors: dict[int, str], message=None):
        self.errors = errors
        super().__init__(message or _("Điểm chấm chưa hợp lệ; hãy xem lại các tiêu chí được đánh dấu."))


class NotQuorate(AppraisalError):
    def __init__(self, names: list[str]):
        self.names = names
        super().__init__(
            ngettext(
                "Chưa thể chốt kết quả: hồ sơ sau chưa đủ số phiếu tối thiểu: %(names)s.",
                "Chưa thể chốt kết quả: các hồ sơ sau chưa đủ số phiếu tối thiểu: %(names)s.",
                len(names),
            )
            % {"names": "; ".join(names)}
        )


# Helpers ----------------------------------------------------------------------------


def _lock_council(council: Council) -> Council:
    return Council.objects.select_for_update().select_related("campaign").get(pk=council.pk)


def _require_staff(by, campaign: Campaign) -> None:
    if not is_staff_of_campaign(by, campaign):
        raise NotAllowed(_("Chỉ chuyên viên của đơn vị tổ chức kế hoạch mới thực hiện được việc này."))


def _require_not_finalised(council: Council) -> None:
    if council.is_finalised:
        raise ResultsFinalised()


def _require_chair(by, council: Council) -> CouncilMember:
    seat = CouncilMember.objects.filter(council=council, user=by, position=CouncilMember.Position.CHAIR).first()
    if seat is None:
        raise NotAllowed(_("Chỉ Chủ tịch Hội đồng thẩm định mới thực hiện được việc này."))
    return seat


def _is_automatic_recusal(member: CouncilMember, registration: Registration) -> bool:
    return member.unit_id is not None and member.unit_id == registration.unit_id


def _automatic_recusal_reason(registration: Registration) -> str:
    return _("Thành viên thuộc đơn vị đăng ký (%(unit)s).") % {"unit": registration.unit.name}


def _require_no_other_chair(council: Council, position: str, *, member: CouncilMember | None = None) -> None:
    """A council has one chair: seating a second one (other than ``member``) is refused."""
    if position != CouncilMember.Position.CHAIR:
        return
    chairs = council.members.filter(position=CouncilMember.Position.CHAIR)
    if member is not None:
        chairs = chairs.exclude(pk=member.pk)
    if chairs.exists():
        raise TransitionNotAllowed(_("Hội đồng đã có Chủ tịch; hãy đổi chức danh người cũ trước."))


def _member_label(member: CouncilMember) -> dict:
    return {"member": member.pk, "user": member.user.username, "position": member.position}


def _create_assignments(pairs: Iterable[tuple[CouncilMember, Registration]], by) -> list[Assignment]:
    """Assign each (member, registration) once; a member of the registering unit is
    recused automatically, and that recusal is written to the ledger."""
    created = []
    for member, registration in pairs:
        assignment, was_created = Assignment.objects.get_or_create(member=member, registration=registration)
        if not was_created:
            continue
        created.append(assignment)
        if _is_automatic_recusal(member, registration):
            assignment.recusal = Assignment.Recusal.AUTOMATIC
            assignment.recusal_reason = _automatic_recusal_reason(registration)
            assignment.save(update_fields=["recusal", "recusal_reason"])
            audit.record(
                by,
                "assignment.recused",
                assignment,
                after={**_member_label(member), "registration": registration.pk, "recusal": assignment.recusal},
            )
    return created


def _score_state(sheet: Scoresheet | None) -> dict:
    if sheet is None:
        return {}
    scores = {str(score.criterion_id): (str(score.points) if score.points is not None else None) for score in sheet.scores.all()}
    return {"status": sheet.status, "version": sheet.version, "scores": scores, "comment": sheet.comment}


def _date_time(value: datetime.datetime | None) -> str:
    return formats.date_format(timezone.localtime(value), "H:i d/m/Y") if value else "–"


# Council and settings ---------------------------------------------------------------


def ensure_council(campaign: Campaign, *, by=None) -> Council:
    """The campaign's council, created with default settings (and the default criteria)
    the first time anyone manages the appraisal."""
    council = Council.objects.filter(campaign=campaign).select_related("campaign").first()
    if council is not None:
        return council
    with transaction.atomic():
        council, created = Council.objects.select_related("campaign").get_or_create(campaign=campaign)
        if created:
            audit.record(by, "council.created", council, after={"campaign": campaign.pk, "year": campaign.year})
        ensure_default_criteria(campaign, by=by)
    return council


def update_council(council: Council, *, by, changes: Mapping[str, object]) -> Council:
    """Change the council's name, appraisal window and settings. What decides the
    results (window, score method, quorum, spread) is frozen once they are finalised;
    the vote settings stay open because award votes come after."""
    with transaction.atomic():
        council = _lock_council(council)
        _require_staff(by, council.campaign)
        unknown = set(changes) - set(COUNCIL_SETTINGS)
        if unknown:
            raise TransitionNotAllowed(_("Không sửa được các mục: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
        changed = {name: value for name, value in changes.items() if getattr(council, name) != value}
        if council.is_finalised and set(changed) & set(SCORING_SETTINGS):
            raise ResultsFinalised()
        opens_at = changes.get("opens_at", council.opens_at)
        closes_at = changes.get("closes_at", council.closes_at)
        if opens_at and closes_at and closes_at <= opens_at:
            raise TransitionNotAllowed(_("Thời điểm đóng chấm điểm phải sau thời điểm mở."))
        if not changed:
            return council
        before = {name: getattr(council, name) for name in changed}
        for name, value in changed.items():
            setattr(council, name, value)
        council.save(update_fields=list(changed))
        audit.record(by, "council.settings_changed", council, before=before, after=changed)
    return council


def add_member(council: Council, *, user, position: str, represents: str = "", unit=None, by) -> CouncilMember:
    """Seat ``user`` on the council; they are assigned every registration already in the
    appraisal (recused automatically from their own unit's)."""
    with transaction.atomic():
        council = _lock_council(council)
        _require_staff(by, council.campaign)
        _require_not_finalised(council)
        if CouncilMember.objects.filter(council=council, user=user).exists():
            raise TransitionNotAllowed(_("%(name)s đã là thành viên Hội đồng.") % {"name": user.display_name})
        _require_no_other_chair(council, position)
        member = CouncilMember.objects.create(council=council, user=user, position=position, represents=represents, unit=unit)
        audit.record(
            by,
            "council.member_added",
            council,
            after={**_member_label(member), "represents": represents, "unit": unit.pk if unit else None},
        )
        registrations = selectors.appraised_registrations(council.campaign).filter(status=Status.NOMINATED)
        _create_assignments(((member, registration) for registration in registrations), by)
    return member


def update_member(member: CouncilMember, *, position: str, represents: str, unit, by) -> CouncilMember:
    """Change a member's position, body or unit. A new unit moves the automatic recusals
    of the sheets not yet submitted."""
    with transaction.atomic():
        council = _lock_council(member.council)
        _require_staff(by, council.campaign)
        _require_not_finalised(council)
        member = CouncilMember.objects.select_for_update().select_related("user").get(pk=member.pk)
        _require_no_other_chair(council, position, member=member)
        before = {"position": member.position, "represents": member.represents, "unit": member.unit_id}
        member.position, member.represents, member.unit = position, represents, unit
        member.save(update_fields=["position", "represents", "unit"])
        audit.record(
            by,
            "council.member_changed",
            council,
            before={**before, "member": member.pk},
            after={"member": member.pk, "position": position, "represents": represents, "unit": member.unit_id},
        )
        if before["unit"] != member.unit_id:
            _recompute_automatic_recusals(member, by)
    return member


def _recompute_automatic_recusals(member: CouncilMember, by) -> None:
    assignments = (
        Assignment.objects.filter(member=member)
        .exclude(recusal=Assignment.Recusal.DECLARED)
        .exclude(scoresheet__status=Scoresheet.Status.SUBMITTED)
        .select_related("registration__unit")
    )
    for assignment in assignments:
        recused = _is_automatic_recusal(member, assignment.registration)
        if recused == assignment.is_recused:
            continue
        before = assignment.recusal
        assignment.recusal = Assignment.Recusal.AUTOMATIC if recused else Assignment.Recusal.NONE
        assignment.recusal_reason = _automatic_recusal_reason(assignment.registration) if recused else ""
        assignment.save(update_fields=["recusal", "recusal_reason"])
        audit.record(
            by,
            "assignment.recused" if recused else "assignment.recusal_lifted",
            assignment,
            before={"recusal": before},
            after={**_member_label(member), "registration": assignment.registration_id, "recusal": assignment.recusal},
        )


def remove_member(member: CouncilMember, *, by) -> None:
    """Take a member off the council; refused once they have scored or voted, because
    their sheets and votes are part of the record."""
    with transaction.atomic():
        council = _lock_council(member.council)
        _require_staff(by, council.campaign)
        _require_not_finalised(council)
        member = CouncilMember.objects.select_for_update().select_related("user").get(pk=member.pk)
        has_scores = Score.objects.filter(scoresheet__assignment__member=member, points__isnull=False).exists()
        has_submitted = Scoresheet.objects.filter(assignment__member=member, status=Scoresheet.Status.SUBMITTED).exists()
        if has_scores or has_submitted or member.votes.exists():
            raise TransitionNotAllowed(
                _("%(name)s đã chấm điểm hoặc biểu quyết nên không thể rút khỏi Hội đồng; phiếu của họ là một phần hồ sơ.")
                % {"name": member.user.display_name}
            )
        label = _member_label(member)
        member.delete()
        audit.record(by, "council.member_removed", council, before=label)


# Criteria ---------------------------------------------------------------------------


def ensure_default_criteria(campaign: Campaign, *, by=None) -> list[CriteriaSet]:
    """Give the campaign the DESIGN §4 criteria for each kind that has no set yet."""
    sets = []
    with transaction.atomic():
        for kind, (name, criteria) in DEFAULT_CRITERIA.items():
            criteria_set, created = CriteriaSet.objects.get_or_create(campaign=campaign, kind=kind, defaults={"name": name})
            if created:
                Criterion.objects.bulk_create(
                    Criterion(criteria_set=criteria_set, order=order, name=text, guidance=guidance, max_points=max_points)
                    for order, (text, guidance, max_points) in enumerate(criteria, start=1)
                )
                audit.record(by, "criteria.defaults_created", criteria_set, after={"kind": kind, "count": len(criteria)})
            sets.append(criteria_set)
    return sets


@dataclass(frozen=True)
class CriterionRow:
    """One row of the criteria editor: ``pk`` None for a new criterion."""

    pk: int | None
    order: int
    name: str
    guidance: str
    max_points: Decimal
    delete: bool = False


def _criteria_state(criteria_set: CriteriaSet) -> dict:
    return {
        "name": criteria_set.name,
        "criteria": [
            {"pk": c.pk, "order": c.order, "name": c.name, "max_points": str(c.max_points)} for c in criteria_set.criteria.all()
        ],
    }


def save_criteria(criteria_set: CriteriaSet, *, name: str, rows: Iterable[CriterionRow], by) -> CriteriaSet:
    """Replace the set's name and criteria. Refused for good once any member has saved
    a score in the campaign."""
    rows = list(rows)
    with transaction.atomic():
        council = ensure_council(criteria_set.campaign, by=by)
        _lock_council(council)
        criteria_set = CriteriaSet.objects.select_for_update().select_related("campaign").get(pk=criteria_set.pk)
        _require_staff(by, criteria_set.campaign)
        if selectors.criteria_locked(criteria_set.campaign):
            raise CriteriaLocked()
        kept = [row for row in rows if not row.delete]
        if not kept:
            raise TransitionNotAllowed(_("Bộ tiêu chí phải có ít nhất một tiêu chí."))
        before = _criteria_state(criteria_set)
        existing = {criterion.pk: criterion for criterion in criteria_set.criteria.all()}
        for row in rows:
            if row.pk is not None and row.pk not in existing:
                raise TransitionNotAllowed(_("Tiêu chí không thuộc bộ tiêu chí này."))
            if row.delete:
                if row.pk is not None:
                    # Draft sheets may hold empty score rows for it; no points exist (the set is not locked).
                    Score.objects.filter(criterion_id=row.pk).delete()
                    existing[row.pk].delete()
                continue
            criterion = existing.get(row.pk) or Criterion(criteria_set=criteria_set)
            criterion.order, criterion.name, criterion.guidance, criterion.max_points = (
                row.order,
                row.name,
                row.guidance,
                row.max_points,
            )
            criterion.save()
        criteria_set.name = name
        criteria_set.save(update_fields=["name"])
        after = _criteria_state(CriteriaSet.objects.get(pk=criteria_set.pk))
        audit.record(by, "criteria.changed", criteria_set, before=before, after=after)
    return criteria_set


# Nomination and assignment ----------------------------------------------------------


@dataclass
class NominationOutcome:
    nominated: list[Registration] = field(default_factory=list)
    refused: list[tuple[Registration, str]] = field(default_factory=list)


def nomination_refusal(registration: Registration, final_report_submitted: bool) -> str | None:
    """Why a registration cannot be put forward for appraisal, or None if it can."""
    if registration.status == Status.NOMINATED:
        return _("Đã được đưa vào thẩm định.")
    if registration.status != Status.ACCEPTED:
        return _("Chỉ đưa vào thẩm định đăng ký đã được tiếp nhận; đăng ký này đang ở trạng thái “%(status)s”.") % {
            "status": registration.get_status_display()
        }
    if not final_report_submitted:
        return _("Đơn vị chưa gửi báo cáo tự đánh giá cuối năm.")
    return None


def nominate(campaign: Campaign, registrations: Iterable[Registration], *, by) -> NominationOutcome:
    """Put accepted registrations whose final report is submitted forward for appraisal
    (status NOMINATED) and assign them to every council member. The others are left as
    they are and returned with the reason."""
    pks = sorted({registration.pk for registration in registrations})
    outcome = NominationOutcome()
    with transaction.atomic():
        council = ensure_council(campaign, by=by)
        council = _lock_council(council)
        _require_staff(by, campaign)
        _require_not_finalised(council)
        ensure_default_criteria(campaign, by=by)
        locked = list(
            Registration.objects.select_for_update()
            .filter(pk__in=pks, campaign=campaign)
            .select_related("unit", "model")
            .order_by("pk")
        )
        if len(locked) != len(pks):
            raise NotAllowed(_("Có đăng ký không thuộc kế hoạch này."))
        with_final = set(
            ProgressReport.objects.filter(
                registration_id__in=pks, kind=ProgressReport.Kind.FINAL, status=ProgressReport.ReportStatus.SUBMITTED
            ).values_list("registration_id", flat=True)
        )
        members = list(council.members.select_related("user"))
        for registration in locked:
            reason = nomination_refusal(registration, registration.pk in with_final)
            if reason:
                outcome.refused.append((registration, reason))
                continue
            registration.status = Status.NOMINATED
            registration.save(update_fields=["status", "updated_at"])
            audit.record(
                by, "registration.nominated", registration, before={"status": Status.ACCEPTED}, after={"status": Status.NOMINATED}
            )
            _create_assignments(((member, registration) for member in members), by)
            outcome.nominated.append(registration)
    return outcome


def set_assignments(council: Council, wanted: Iterable[tuple[int, int]], *, by) -> tuple[int, int]:
    """Make the (registration id, member id) pairs exactly the council's assignments.
    An assignment whose sheet holds scores cannot be taken away. Returns (added, removed)."""
    wanted = set(wanted)
    with transaction.atomic():
        council = _lock_council(council)
        _require_staff(by, council.campaign)
        _require_not_finalised(council)
        members = {member.pk: member for member in council.members.select_related("user")}
        registrations = {r.pk: r for r in selectors.appraised_registrations(council.campaign).filter(status=Status.NOMINATED)}
        if any(reg_id not in registrations or member_id not in members for reg_id, member_id in wanted):
            raise NotAllowed(_("Phân công có hồ sơ hoặc thành viên không thuộc Hội đồng này."))
        current = {
            (a.registration_id, a.member_id): a
            for a in Assignment.objects.filter(member__council=council, registration_id__in=registrations)
        }
        removing = [current[pair] for pair in set(current) - wanted]
        blocked = list(
            Scoresheet.objects.filter(assignment__in=removing)
            .filter(Q(status=Scoresheet.Status.SUBMITTED) | Q(scores__points__isnull=False))
            .select_related("assignment__member__user", "assignment__registration__model")
            .distinct()
        )
        if blocked:
            names = "; ".join(
                f"{s.assignment.member.user.display_name} – {s.assignment.registration.model.name}" for s in blocked
            )
            raise TransitionNotAllowed(_("Không thể bỏ phân công đã có điểm chấm: %(names)s.") % {"names": names})
        removed = [{"registration": a.registration_id, "member": a.member_id} for a in removing]
        Assignment.objects.filter(pk__in=[a.pk for a in removing]).delete()
        adding = sorted(set(wanted) - set(current))
        created = _create_assignments(((members[m], registrations[r]) for r, m in adding), by)
        if removed or created:
            audit.record(
                by,
                "council.assignments_changed",
                council,
                before={"removed": removed},
                after={"added": [{"registration": a.registration_id, "member": a.member_id} for a in created]},
            )
    return len(created), len(removed)


def declare_conflict(assignment: Assignment, *, reason: str, by) -> Assignment:
    """The member declares a conflict of interest with a registration and is recused.
    A draft sheet is discarded (its points are kept in the ledger)."""
    reason = (reason or "").strip()
    with transaction.atomic():
        council = _lock_council(assignment.member.council)
        assignment = Assignment.objects.select_for_update().select_related("member__user", "registration").get(pk=assignment.pk)
        if assignment.member.user_id != getattr(by, "pk", None):
            raise NotAllowed(_("Chỉ chính thành viên được phân công mới khai xung đột lợi ích."))
        _require_not_finalised(council)
        if not reason:
            raise TransitionNotAllowed(_("Cần ghi lý do xung đột lợi ích."))
        if assignment.is_recused:
            raise TransitionNotAllowed(_("Bạn đã tránh chấm hồ sơ này."))
        sheet = Scoresheet.objects.filter(assignment=assignment).prefetch_related("scores").first()
        if sheet is not None and sheet.is_submitted:
            raise TransitionNotAllowed(
                _("Bạn đã nộp phiếu cho hồ sơ này; đề nghị Chủ tịch Hội đồng mở lại phiếu trước khi khai xung đột lợi ích.")
            )
        discarded = _score_state(sheet)
        if sheet is not None:
            sheet.delete()
        assignment.recusal = Assignment.Recusal.DECLARED
        assignment.recusal_reason = reason
        assignment.save(update_fields=["recusal", "recusal_reason"])
        audit.record(
            by,
            "assignment.conflict_declared",
            assignment,
            before={"discarded_draft": discarded} if discarded else None,
            after={**_member_label(assignment.member), "registration": assignment.registration_id, "reason": reason},
        )
    return assignment


# Scoresheets ------------------------------------------------------------------------


def points_text(value: Decimal) -> str:
    """Points as people write them: 20, 12,5 (no trailing zeros)."""
    value = Decimal(value).normalize()
    return formats.number_format(value, decimal_pos=max(0, -value.as_tuple().exponent))


TYPED_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")


def check_points(value, max_points: Decimal) -> tuple[Decimal | None, str | None]:
    """Parse one score as typed (comma or point) and say what is wrong with it:
    (value, None) when it is acceptable, (None, message) when not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    # Decimal() would also read "1_0" or "1e1" as 10: digits and one separator only.
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
            % {"opens": _date_time(window.opens_at), "closes": _date_time(window.closes_at)}
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
        council = _lock_council(assignment.member.council)
        assignment = (
            Assignment.objects.select_for_update()
            .select_related("member", "registration__model", "registration__campaign")
            .get(pk=assignment.pk)
        )
        if assignment.member.user_id != getattr(by, "pk", None):
            raise NotAllowed(_("Bạn chỉ chấm được phiếu của chính mình."))
        if assignment.is_recused:
            raise NotAllowed(_("Bạn đã tránh chấm hồ sơ này."))
        _require_not_finalised(council)
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

        before = _score_state(sheet) if sheet is not None else None
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
        audit.record(
            by, "scoresheet.submitted" if submit else "scoresheet.saved", sheet, before=before, after=_score_state(sheet)
        )
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
        council = _lock_council(scoresheet.assignment.member.council)
        _require_chair(by, council)
        _require_not_finalised(council)
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


# Finalising and publishing ----------------------------------------------------------


def _table_row(registration: Registration, outcome: Outcome) -> dict:
    return {
        "registration": registration.pk,
        "name": registration.model.name,
        "unit": registration.unit.name,
        "kind": outcome.kind,
        "sheets": outcome.sheet_count,
        "eligible": outcome.eligible_count,
        "mean": outcome.mean,
        "median": outcome.median,
        "min": outcome.minimum,
        "max": outcome.maximum,
        "stdev": outcome.stdev,
        "counted": outcome.counted_score,
        "disagreement": outcome.has_disagreement,
        "rank": outcome.rank,
        "classification": outcome.classification,
        "needs_vote": outcome.needs_vote,
        "note": outcome.tie_break_note,
    }


def finalise_results(council: Council, *, by, now: datetime.datetime | None = None) -> list[Result]:
    """The chair closes the appraisal: every sheet is locked, the results are stored,
    registrations become recognised or not (through appraised), the models recognised
    this year are marked, and the whole table is sealed in the audit ledger."""
    now = now or timezone.now()
    with transaction.atomic():
        council = _lock_council(council)
        _require_chair(by, council)
        _require_not_finalised(council)
        list(Scoresheet.objects.select_for_update().filter(assignment__member__council=council).values_list("pk", flat=True))
        table = selectors.live_results(council)
        if not table.rows:
            raise TransitionNotAllowed(_("Chưa có hồ sơ nào được đưa vào thẩm định."))
        not_quorate = [row.registration.model.name for row in table.rows if not row.outcome.is_quorate]
        if not_quorate:
            raise NotQuorate(not_quorate)
        Scoresheet.objects.filter(assignment__member__council=council).update(is_locked=True)

        results = Result.objects.bulk_create(
            Result(
                registration=row.registration,
                council=council,
                sheet_count=row.outcome.sheet_count,
                eligible_count=row.outcome.eligible_count,
                mean=row.outcome.mean,
                median=row.outcome.median,
                minimum=row.outcome.minimum,
                maximum=row.outcome.maximum,
                stdev=row.outcome.stdev,
                counted_score=row.outcome.counted_score,
                is_quorate=row.outcome.is_quorate,
                has_disagreement=row.outcome.has_disagreement,
                rank=row.outcome.rank,
                classification=row.outcome.classification,
                needs_vote=row.outcome.needs_vote,
                tie_break_note=row.outcome.tie_break_note[:300],
            )
            for row in table.rows
        )
        recognised_ids, other_ids = [], []
        for row in table.rows:
            registration = row.registration
            final = Status.RECOGNISED if row.outcome.is_recognised else Status.NOT_RECOGNISED
            (recognised_ids if final == Status.RECOGNISED else other_ids).append(registration.pk)
            audit.record(
                by,
                "registration.appraised",
                registration,
                before={"status": registration.status},
                after={"status": final, "via": Status.APPRAISED, "counted_score": row.outcome.counted_score},
            )
        # Through APPRAISED to the decision, in the same transaction.
        Registration.objects.filter(pk__in=recognised_ids + other_ids).update(status=Status.APPRAISED, updated_at=now)
        Registration.objects.filter(pk__in=recognised_ids).update(status=Status.RECOGNISED, updated_at=now)
        Registration.objects.filter(pk__in=other_ids).update(status=Status.NOT_RECOGNISED, updated_at=now)
        for model in DvkModel.objects.filter(registrations__pk__in=recognised_ids).distinct():
            record_recognition(model, year=council.campaign.year, by=by)

        council.finalised_at = now
        council.finalised_by = by
        council.save(update_fields=["finalised_at", "finalised_by"])
        audit.record(
            by,
            "council.results_finalised",
            council,
            after={
                "campaign": council.campaign_id,
                "score_method": council.score_method,
                "quorum_fraction": council.quorum_fraction,
                "disagreement_spread": council.disagreement_spread,
                "table": [_table_row(row.registration, row.outcome) for row in table.rows],
            },
        )
    return results


def publish_results(council: Council, *, by, now: datetime.datetime | None = None) -> Council:
    """Staff publish the finalised results to the units."""
    with transaction.atomic():
        council = _lock_council(council)
        _require_staff(by, council.campaign)
        if not council.is_finalised:
            raise TransitionNotAllowed(_("Chỉ công bố được kết quả đã được Chủ tịch Hội đồng chốt."))
        if council.results_published_at is not None:
            raise TransitionNotAllowed(_("Kết quả đã được công bố."))
        council.results_published_at = now or timezone.now()
        council.save(update_fields=["results_published_at"])
        audit.record(by, "council.results_published", council, after={"published_at": council.results_published_at})
    return council
