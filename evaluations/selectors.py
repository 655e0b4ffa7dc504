"""Reads of the appraisal, scoped to the user and built to run a fixed number of queries
whatever the number of members or registrations (DESIGN §5, §6)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.collation import by_name
from campaign.models import Campaign, Deadline, DueDate
from models.models import DvkModel
from registrations.models import CONTENT_FIELDS, Evidence, ProgressReport, Registration, Status

from . import results as computation
from .models import Assignment, Council, CouncilMember, Criterion, Score, Scoresheet

# Campaigns, councils, seats ---------------------------------------------------------


def campaigns_managed_by(user) -> QuerySet[Campaign]:
    """Campaigns of the bodies the user organises as staff, newest first."""
    if not getattr(user, "is_authenticated", False):
        return Campaign.objects.none()
    return Campaign.objects.filter(owner_id__in=user.organiser_ids()).select_related("owner").order_by("-year", "-pk")


def seat_positions(user) -> dict[int, str]:
    """council id → the user's position on it; read once per request (the user object
    lives for one request)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_evaluations_seats", None)
    if cached is None:
        cached = dict(CouncilMember.objects.filter(user=user).values_list("council_id", "position"))
        user._evaluations_seats = cached
    return cached


def has_council_seat(user) -> bool:
    return bool(seat_positions(user))


def is_chair(user, council: Council) -> bool:
    return seat_positions(user).get(council.pk) == CouncilMember.Position.CHAIR


def seats_of(user) -> QuerySet[CouncilMember]:
    """The user's council seats, newest campaign first."""
    if not getattr(user, "is_authenticated", False):
        return CouncilMember.objects.none()
    return (
        CouncilMember.objects.filter(user=user)
        .select_related("council__campaign", "unit")
        .order_by("-council__campaign__year", "-council__pk")
    )


def seat_on(user, council: Council) -> CouncilMember | None:
    return seats_of(user).filter(council=council).first()


def council_members(council: Council) -> QuerySet[CouncilMember]:
    return council.members.select_related("user", "unit").order_by("position", "pk")


# Window -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """When members may score. No opening time means open as soon as registrations are
    nominated; no closing time falls back to the campaign's scoring deadline."""

    opens_at: datetime.datetime | None
    closes_at: datetime.datetime | None
    deadline: DueDate | None = None

    def has_opened(self, now: datetime.datetime | None = None) -> bool:
        return self.opens_at is None or (now or timezone.now()) >= self.opens_at

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.has_opened(now) and (self.closes_at is None or now < self.closes_at)

    @property
    def follows_deadline(self) -> bool:
        return self.deadline is not None


def scoring_window(council: Council) -> Window:
    if council.closes_at is not None:
        return Window(council.opens_at, council.closes_at)
    due = council.campaign.deadline_for(Deadline.Kind.SCORING)
    return Window(council.opens_at, due.closes_at if due else None, due)


# Criteria ---------------------------------------------------------------------------


def criteria_locked(campaign: Campaign) -> bool:
    """True once any member has saved a score with points in the campaign."""
    return Score.objects.filter(scoresheet__assignment__registration__campaign=campaign, points__isnull=False).exists()


def criteria_by_kind(campaign: Campaign) -> dict[str, list[Criterion]]:
    grouped: dict[str, list[Criterion]] = {kind: [] for kind in DvkModel.Kind.values}
    for criterion in Criterion.objects.filter(criteria_set__campaign=campaign).select_related("criteria_set"):
        grouped.setdefault(criterion.criteria_set.kind, []).append(criterion)
    return grouped


def heaviest_by_kind(criteria: dict[str, list[Criterion]]) -> dict[str, computation.Heaviest | None]:
    return {
        kind: computation.heaviest_criterion((c.pk, c.order, c.max_points, c.name) for c in rows)
        for kind, rows in criteria.items()
    }


def max_total(criteria: list[Criterion]) -> Decimal:
    return sum((criterion.max_points for criterion in criteria), Decimal(0))


# Registrations in the appraisal -----------------------------------------------------


def appraised_registrations(campaign: Campaign) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(campaign=campaign, status__in=Status.IN_APPRAISAL)
        .select_related("model", "unit")
        .order_by("model__kind", by_name("unit__name"), by_name("model__name"))
    )


def nomination_candidates(campaign: Campaign) -> QuerySet[Registration]:
    """Accepted and nominated registrations, with whether the final report is in."""
    final_submitted = ProgressReport.objects.filter(
        registration_id=OuterRef("pk"), kind=ProgressReport.Kind.FINAL, status=ProgressReport.ReportStatus.SUBMITTED
    )
    return (
        Registration.objects.filter(campaign=campaign, status__in=Status.ACCEPTED_OR_LATER)
        .select_related("model", "unit")
        .annotate(final_submitted=Exists(final_submitted))
        .order_by("status", "model__kind", by_name("unit__name"), by_name("model__name"))
    )


def nomination_counts(campaign: Campaign) -> dict[str, int]:
    """How many registrations are in the appraisal ("nominated"), accepted with their
    final report ("eligible") and accepted still waiting for it ("waiting"). One query."""
    accepted = Q(status=Status.ACCEPTED)
    return nomination_candidates(campaign).order_by().aggregate(
        nominated=Count("pk", filter=~accepted),
        eligible=Count("pk", filter=accepted & Q(final_submitted=True)),
        waiting=Count("pk", filter=accepted & Q(final_submitted=False)),
    )


def registrations_to_assign(council: Council, kind: str = "") -> QuerySet[Registration]:
    """The registrations in the appraisal whose assignments staff can still change, of
    one kind when given, in a stable order to page through (their texts left out)."""
    rows = appraised_registrations(council.campaign).filter(status=Status.NOMINATED)
    if kind:
        rows = rows.filter(model__kind=kind)
    return rows.defer(*CONTENT_FIELDS, "return_reason", "model__description").order_by(
        "model__kind", by_name("unit__name"), by_name("model__name"), "pk"
    )


def assignment_cells(council: Council, registration_ids) -> dict[tuple[int, int], Assignment]:
    """(registration id, member id) → the assignment, with its sheet, for these registrations."""
    rows = Assignment.objects.filter(member__council=council, registration_id__in=list(registration_ids))
    return {(a.registration_id, a.member_id): a for a in rows.select_related("scoresheet")}


# The member's queue and sheet -------------------------------------------------------


@dataclass
class Progress:
    submitted: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.submitted / self.total) if self.total else 0

    def __str__(self):
        return f"{self.submitted} / {self.total}"


def sheet_of(assignment: Assignment) -> Scoresheet | None:
    """The assignment's sheet (loaded with it), or None before the member saves one."""
    try:
        return assignment.scoresheet
    except Scoresheet.DoesNotExist:
        return None


def assignment_for_scoring(user, registration_pk: int) -> Assignment | None:
    """The user's own, non-recused assignment for a registration in the appraisal."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Assignment.objects.filter(
            member__user=user,
            recusal=Assignment.Recusal.NONE,
            registration_id=registration_pk,
            registration__status__in=Status.IN_APPRAISAL,
        )
        .select_related(
            "member__council__campaign",
            "member__user",
            "registration__model",
            "registration__unit",
            "registration__campaign",
        )
        .first()
    )


def own_sheet(assignment: Assignment) -> Scoresheet | None:
    return Scoresheet.objects.filter(assignment=assignment).prefetch_related("scores").first()


def registration_material(registration: Registration) -> tuple[list[ProgressReport], list[Evidence]]:
    """What the scoresheet page shows beside the scores: submitted reports and every
    evidence file of the registration."""
    reports = list(
        ProgressReport.objects.filter(registration=registration, status=ProgressReport.ReportStatus.SUBMITTED).order_by("kind")
    )
    evidence = list(Evidence.objects.filter(registration=registration).select_related("report").order_by("report_id", "pk"))
    return reports, evidence


def sheets_owed_by(user, council: Council) -> set[int]:
    """Registrations of ``council`` whose sheet ``user`` must still submit: assigned to
    them, not recused, not submitted. One query; empty for anyone without a seat."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        Assignment.objects.filter(member__council=council, member__user=user, recusal=Assignment.Recusal.NONE)
        .exclude(scoresheet__status=Scoresheet.Status.SUBMITTED)
        .values_list("registration_id", flat=True)
    )


def sheets_for_registration(council: Council, registration: Registration) -> list[Assignment]:
    """Every member's assignment for the registration with sheet and scores."""
    return list(
        Assignment.objects.filter(member__council=council, registration=registration)
        .select_related("member__user", "scoresheet")
        .prefetch_related(Prefetch("scoresheet__scores", queryset=Score.objects.select_related("criterion")))
        .order_by("member__position", "member__pk")
    )


def evidence_for_member(user, evidence_pk: int) -> Evidence | None:
    """An evidence file of a registration assigned to the user (not recused), once the
    council's appraisal has opened."""
    if not getattr(user, "is_authenticated", False):
        return None
    evidence = (
        Evidence.objects.filter(
            pk=evidence_pk,
            registration__status__in=Status.IN_APPRAISAL,
            registration__assignments__member__user=user,
            registration__assignments__recusal=Assignment.Recusal.NONE,
        )
        .select_related("registration")
        .first()
    )
    if evidence is None:
        return None
    council = Council.objects.select_related("campaign").filter(campaign_id=evidence.registration.campaign_id).first()
    if council is None or not scoring_window(council).has_opened():
        return None
    return evidence


def campaigns_seating(user) -> Q | None:
    """For campaigns' visibility: the published campaigns whose council seats the user
    (council members from outside the units read those, and only those)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Q(pk__in=CouncilMember.objects.filter(user=user).values("council__campaign_id"))


def registrations_open_to_members(user) -> Q | None:
    """For registrations' visibility: the registrations assigned to the user (not
    recused) once their council's appraisal has opened."""
    if not getattr(user, "is_authenticated", False):
        return None
    now = timezone.now()
    assigned = Assignment.objects.filter(member__user=user, recusal=Assignment.Recusal.NONE).filter(
        Q(member__council__opens_at__isnull=True) | Q(member__council__opens_at__lte=now)
    )
    return Q(pk__in=assigned.values("registration_id"))


def member_progress(council: Council) -> dict[int, Progress]:
    """member id → sheets submitted / registrations to score (not recused)."""
    rows = (
        Assignment.objects.filter(
            member__council=council, recusal=Assignment.Recusal.NONE, registration__status__in=Status.IN_APPRAISAL
        )
        .values("member_id")
        .annotate(total=Count("pk"), submitted=Count("pk", filter=Q(scoresheet__status=Scoresheet.Status.SUBMITTED)))
    )
    return {row["member_id"]: Progress(row["submitted"], row["total"]) for row in rows}


def members_with_progress(council: Council) -> list[tuple[CouncilMember, Progress | None]]:
    """The council's members in order, each with their scoring progress (None before
    they are assigned anything)."""
    progress = member_progress(council)
    return [(member, progress.get(member.pk)) for member in council_members(council)]
