"""Every change of the appraisal (DESIGN §7): council and settings, criteria, nomination,
assignment and recusal here; scoresheets in ``scoring`` and finalising and publishing in
``finalising``, both offered from here too, so that callers have one place to look.

One function per state change. Each runs in one transaction and, before anything else,
locks the council row: scoring, criteria edits, reopening and finalising of one campaign
are therefore serialised, so a score can never slip in after the criteria were edited or
the results were finalised, and two submissions of one sheet cannot interleave. The
version the form was opened with is checked against the sheet as well, so a stale tab
cannot silently overwrite a newer save."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

import audit
from accounts.models import Membership
from campaign.models import Campaign
from registrations import lifecycle
from registrations.models import ProgressReport, Registration, Status

from . import selectors
from .criteria_defaults import DEFAULT_CRITERIA
from .exceptions import (
    AppraisalError,
    CriteriaLocked,
    InvalidScores,
    NotAllowed,
    NotQuorate,
    ResultsFinalised,
    ScoringClosed,
    StaleScoresheet,
    TransitionNotAllowed,
)
from .finalising import finalise_results, publish_results
from .guards import lock_council, require_not_finalised, require_staff, sheet_state
from .models import Assignment, Council, CouncilMember, CriteriaSet, Criterion, Score, Scoresheet
from .quorum import fraction_text
from .scoring import check_points, points_text, reopen_scoresheet, save_draft, submit_scoresheet

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
    "points_text",
    "SCORING_SETTINGS",
    "COUNCIL_SETTINGS",
]

# Settings that change how results are computed: frozen once results are finalised.
SCORING_SETTINGS = ("opens_at", "closes_at", "score_method", "quorum_fraction", "disagreement_spread")
COUNCIL_SETTINGS = ("name", *SCORING_SETTINGS, "vote_pass_fraction", "vote_quorum_fraction")


# Helpers ----------------------------------------------------------------------------


class _OwnUnits:
    """The units each member belongs to: the unit chosen on their seat and every active
    unit they hold a membership of (focal point, staff, viewer). Read once per user."""

    def __init__(self):
        self._by_user: dict[int, set[int]] = {}

    def of(self, member: CouncilMember) -> set[int]:
        if member.user_id not in self._by_user:
            self._by_user[member.user_id] = set(
                Membership.objects.filter(user_id=member.user_id, unit__is_active=True).values_list("unit_id", flat=True)
            )
        return self._by_user[member.user_id] | ({member.unit_id} if member.unit_id else set())


def _is_automatic_recusal(member: CouncilMember, registration: Registration, own_units: _OwnUnits) -> bool:
    """A member never scores a registration of their own unit, whether or not the unit
    was chosen when they were seated."""
    return registration.unit_id in own_units.of(member)


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
    own_units = _OwnUnits()
    for member, registration in pairs:
        assignment, was_created = Assignment.objects.get_or_create(member=member, registration=registration)
        if not was_created:
            continue
        created.append(assignment)
        if _is_automatic_recusal(member, registration, own_units):
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


def _ledger_values(values: Mapping[str, object]) -> dict:
    """Settings as the ledger keeps them: a share as its fraction text ("2/3")."""
    return {name: fraction_text(value) if isinstance(value, Fraction) else value for name, value in values.items()}


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
        council = lock_council(council)
        require_staff(by, council.campaign)
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
        audit.record(by, "council.settings_changed", council, before=_ledger_values(before), after=_ledger_values(changed))
    return council


def add_member(council: Council, *, user, position: str, represents: str = "", unit=None, by) -> CouncilMember:
    """Seat ``user`` on the council; they are assigned every registration already in the
    appraisal (recused automatically from their own unit's)."""
    with transaction.atomic():
        council = lock_council(council)
        require_staff(by, council.campaign)
        require_not_finalised(council)
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
        council = lock_council(member.council)
        require_staff(by, council.campaign)
        require_not_finalised(council)
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
    own_units = _OwnUnits()
    for assignment in assignments:
        recused = _is_automatic_recusal(member, assignment.registration, own_units)
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
        council = lock_council(member.council)
        require_staff(by, council.campaign)
        require_not_finalised(council)
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
        lock_council(council)
        criteria_set = CriteriaSet.objects.select_for_update().select_related("campaign").get(pk=criteria_set.pk)
        require_staff(by, criteria_set.campaign)
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
    refusal = lifecycle.state_refusal(registration, "nominate")
    if refusal is not None:
        return refusal
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
        council = lock_council(council)
        require_staff(by, campaign)
        require_not_finalised(council)
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
            registration = lifecycle.transition(registration, "nominate", by=by)
            _create_assignments(((member, registration) for member in members), by)
            outcome.nominated.append(registration)
    return outcome


def set_assignments(council: Council, wanted: Iterable[tuple[int, int]], *, by, within: Iterable[int] | None = None) -> tuple[int, int]:
    """Make the (registration id, member id) pairs exactly the council's assignments (only
    those of the registrations ``within``, a page of them, when given). An assignment whose
    sheet holds scores cannot be taken away. Returns (added, removed)."""
    wanted = set(wanted)
    with transaction.atomic():
        council = lock_council(council)
        require_staff(by, council.campaign)
        require_not_finalised(council)
        members = {member.pk: member for member in council.members.select_related("user")}
        nominated = selectors.appraised_registrations(council.campaign).filter(status=Status.NOMINATED)
        registrations = {r.pk: r for r in (nominated if within is None else nominated.filter(pk__in=list(within)))}
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
            names = "; ".join(f"{s.assignment.member.user.display_name} – {s.assignment.registration.model.name}" for s in blocked)
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
        council = lock_council(assignment.member.council)
        assignment = Assignment.objects.select_for_update().select_related("member__user", "registration").get(pk=assignment.pk)
        if assignment.member.user_id != getattr(by, "pk", None):
            raise NotAllowed(_("Chỉ chính thành viên được phân công mới khai xung đột lợi ích."))
        require_not_finalised(council)
        if not reason:
            raise TransitionNotAllowed(_("Cần ghi lý do xung đột lợi ích."))
        if assignment.is_recused:
            raise TransitionNotAllowed(_("Bạn đã tránh chấm hồ sơ này."))
        sheet = Scoresheet.objects.filter(assignment=assignment).prefetch_related("scores").first()
        if sheet is not None and sheet.is_submitted:
            raise TransitionNotAllowed(
                _("Bạn đã nộp phiếu cho hồ sơ này; đề nghị Chủ tịch Hội đồng mở lại phiếu trước khi khai xung đột lợi ích.")
            )
        discarded = sheet_state(sheet)
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
