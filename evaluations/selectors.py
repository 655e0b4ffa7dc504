"""Reads of the appraisal, scoped to the user and built to run a fixed number of queries
whatever the number of members or registrations (DESIGN §5, §6)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import CharField, Count, Exists, F, Func, Max, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from accounts.collation import by_name
from campaign.models import Campaign, Deadline, DueDate
from models.models import DvkModel
from registrations.models import CONTENT_FIELDS, Evidence, ProgressReport, Registration, Status

from . import results as computation
from .models import Assignment, Council, CouncilMember, Criterion, Result, Score, Scoresheet

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


# Results ----------------------------------------------------------------------------


@dataclass
class ResultRow:
    registration: Registration
    outcome: computation.Outcome
    hidden: bool = False  # the viewing chair has not submitted their own sheet yet

    @property
    def classification_label(self) -> str:
        if self.outcome.classification is None:
            return ""
        return str(Result.Classification(self.outcome.classification).label)


@dataclass
class ResultsTable:
    council: Council
    rows: list[ResultRow]
    criteria: dict[str, list[Criterion]] = field(default_factory=dict)
    heaviest: dict[str, computation.Heaviest | None] = field(default_factory=dict)
    is_final: bool = False

    def by_kind(self) -> list[tuple[str, str, list[ResultRow]]]:
        """(kind, label, rows) for each kind that has rows, models first."""
        grouped = defaultdict(list)
        for row in self.rows:
            grouped[row.outcome.kind].append(row)
        return [(kind, label, grouped[kind]) for kind, label in DvkModel.Kind.choices if grouped.get(kind)]

    @property
    def needs_vote_count(self) -> int:
        return sum(1 for row in self.rows if row.outcome.needs_vote)


def _submitted_sheets(
    council: Council, kinds: dict[int, str], heaviest: dict[str, computation.Heaviest | None]
) -> dict[int, list[computation.Sheet]]:
    """registration id → its submitted, non-recused sheets with points, in one query: each
    sheet's total and its points on its kind's heaviest criterion are summed in SQL (the
    computation needs nothing else), so that no row per criterion score comes back."""
    heaviest_ids = [criterion.criterion_id for criterion in heaviest.values() if criterion is not None]
    rows = (
        Scoresheet.objects.filter(
            assignment__member__council=council,
            assignment__registration_id__in=list(kinds),
            assignment__recusal=Assignment.Recusal.NONE,
            status=Scoresheet.Status.SUBMITTED,
        )
        .annotate(
            score_count=Count("scores"),
            total=Sum("scores__points"),
            heaviest_points=Sum("scores__points", filter=Q(scores__criterion_id__in=heaviest_ids)),
        )
        .filter(score_count__gt=0)  # a sheet without a score row counts for nothing, as before
        .order_by("pk")
        .values_list("assignment__registration_id", "assignment__member_id", "total", "heaviest_points")
    )
    sheets: dict[int, list[computation.Sheet]] = defaultdict(list)
    for registration_id, member_id, total, heaviest_points in rows:
        criterion = heaviest.get(kinds[registration_id])
        points = {criterion.criterion_id: heaviest_points or Decimal(0)} if criterion is not None else {}
        sheets[registration_id].append(computation.Sheet(member_id, total or Decimal(0), points))
    return sheets


def _outcomes(
    council: Council, kinds: dict[int, str]
) -> tuple[list[computation.Outcome], dict[str, list[Criterion]], dict[str, computation.Heaviest | None]]:
    """The live outcomes of these registrations (id → kind), with the criteria they were
    computed with: three queries whatever the number of sheets."""
    eligible = dict(
        Assignment.objects.filter(member__council=council, registration_id__in=list(kinds), recusal=Assignment.Recusal.NONE)
        .values("registration_id")
        .annotate(n=Count("pk"))
        .values_list("registration_id", "n")
    )
    criteria = criteria_by_kind(council.campaign)
    heaviest = heaviest_by_kind(criteria)
    sheets = _submitted_sheets(council, kinds, heaviest)
    entries = [
        computation.Entry(registration_id, kind, eligible.get(registration_id, 0), sheets.get(registration_id, []))
        for registration_id, kind in kinds.items()
    ]
    return computation.compute_results(entries, computation.Settings.of(council), heaviest), criteria, heaviest


def live_results(council: Council) -> ResultsTable:
    """The results as they stand now, computed from the submitted sheets of every
    nominated registration (before finalising)."""
    registrations = list(appraised_registrations(council.campaign).filter(status=Status.NOMINATED))
    by_id = {registration.pk: registration for registration in registrations}
    outcomes, criteria, heaviest = _outcomes(
        council, {registration.pk: registration.model.kind for registration in registrations}
    )
    rows = [ResultRow(by_id[outcome.registration_id], outcome) for outcome in outcomes]
    return ResultsTable(council, rows, criteria, heaviest)


def live_outcomes(council: Council) -> list[computation.Outcome]:
    """The live outcomes alone, ordered by kind then rank: what a page of the results
    needs before it loads the registrations of that page only."""
    kinds = dict(Registration.objects.filter(campaign=council.campaign, status=Status.NOMINATED).values_list("pk", "model__kind"))
    return _outcomes(council, kinds)[0]


def live_results_version(council: Council) -> tuple:
    """A fingerprint of everything the live outcomes are computed from, in one query, one
    pass over the council's assignments and their sheets: the non-recused assignments (how
    many, their ids: one removed and another added still differ), the submitted sheets
    (how many, their ids, their versions: every write of a sheet raises its version), and
    the nominated registrations (how many, their ids, the latest change: a change of status
    saves the registration). The criteria cannot change once a score has points
    (criteria_locked); the council's own settings are the caller's to add."""
    none = Q(recusal=Assignment.Recusal.NONE)
    submitted = Q(scoresheet__status=Scoresheet.Status.SUBMITTED)
    nominated = Registration.objects.filter(campaign_id=council.campaign_id, status=Status.NOMINATED).order_by()
    figures = Assignment.objects.filter(member__council=council).aggregate(
        assigned=Count("pk", filter=none),
        assigned_ids=Sum("pk", filter=none),
        sheets=Count("scoresheet", filter=submitted),
        sheet_ids=Sum("scoresheet__pk", filter=submitted),
        sheet_versions=Sum("scoresheet__version", filter=submitted),
        # A constant of the query (computed once, in one scan), wrapped to sit among the aggregates.
        nominated=Max(
            Subquery(nominated.annotate(value=_whole(("COUNT", "pk"), ("SUM", "pk"), ("MAX", "updated_at"))).values("value"))
        ),
    )
    return tuple(figures.values())


def _whole(*aggregates: tuple[str, str]) -> Concat:
    """Aggregates over a whole queryset (no grouping), joined into one text value."""
    parts = []
    for function, column in aggregates:
        parts += [Cast(Func(F(column), function=function), CharField()), Value(":")]
    return Concat(*parts[:-1], output_field=CharField())


def stored_outcome(result: Result, council: Council) -> computation.Outcome:
    """A stored result as the outcome it was sealed from (its registration's model loaded)."""
    return computation.Outcome(
        registration_id=result.registration_id,
        kind=result.registration.model.kind,
        sheet_count=result.sheet_count,
        eligible_count=result.eligible_count,
        quorum_needed=computation.quorum_needed(result.eligible_count, council.quorum_fraction),
        is_quorate=result.is_quorate,
        mean=result.mean,
        median=result.median,
        minimum=result.minimum,
        maximum=result.maximum,
        stdev=result.stdev,
        counted_score=result.counted_score,
        has_disagreement=result.has_disagreement,
        classification=result.classification or None,
        rank=result.rank,
        needs_vote=result.needs_vote,
        tie_break_note=result.tie_break_note,
    )


def stored_results(council: Council) -> ResultsTable:
    """The results sealed when the chair finalised."""
    results = list(Result.objects.filter(council=council).select_related("registration__model", "registration__unit"))
    criteria = criteria_by_kind(council.campaign)
    rows = [ResultRow(result.registration, stored_outcome(result, council)) for result in results]
    kind_order = {kind: index for index, kind in enumerate(DvkModel.Kind.values)}
    rows.sort(
        key=lambda row: (
            kind_order.get(row.outcome.kind, 9),
            row.outcome.rank is None,
            row.outcome.rank or 0,
            row.registration.pk,
        )
    )
    return ResultsTable(council, rows, criteria, heaviest_by_kind(criteria), is_final=True)


def results_table(council: Council, *, viewer=None) -> ResultsTable:
    """Stored results once finalised, live ones before. When the viewer is a council
    member (the chair), the rows of registrations whose own sheet they still owe are
    hidden, as the scoresheet page hides others' scores."""
    table = stored_results(council) if council.is_finalised else live_results(council)
    if viewer is not None and not table.is_final:
        hidden = hidden_from(viewer, council, [row.outcome.registration_id for row in table.rows])
        if hidden:
            for row in table.rows:
                row.hidden = row.outcome.registration_id in hidden
            _rank_without_hidden(table.rows)
    return table


def hidden_from(viewer, council: Council, registration_ids) -> set[int]:
    """Which of these registrations' scores the viewer may not read in the live table: none
    for someone without a seat on the council; for a member (the chair, staff seated),
    those the rules keep from them (may_see_others_scores). One query for a member."""
    if council.pk not in seat_positions(viewer):
        return set()
    from .rules import may_see_others_scores  # the rules read these selectors

    owed = sheets_owed_by(viewer, council)
    return {pk for pk in registration_ids if not may_see_others_scores(viewer, council, pk, owed=owed)}


def _rank_without_hidden(rows: list[ResultRow]) -> None:
    """A hidden row must not be placed by its neighbours: it goes last in its kind,
    without a rank, and the other rows are ranked among themselves (no gap)."""
    ranks = computation.ranks_without_hidden((row.outcome.kind, row.outcome.rank, row.hidden) for row in rows)
    for row, rank in zip(rows, ranks, strict=True):
        row.outcome.rank = rank
    kind_order = {kind: index for index, kind in enumerate(DvkModel.Kind.values)}
    rows.sort(key=lambda row: (kind_order.get(row.outcome.kind, 9), row.hidden, row.outcome.registration_id if row.hidden else 0))


def unit_results(user) -> QuerySet[Result]:
    """Published results of the registrations of the focal point's own units."""
    if not getattr(user, "is_authenticated", False):
        return Result.objects.none()
    return (
        Result.objects.filter(registration__unit_id__in=user.focal_unit_ids(), council__results_published_at__isnull=False)
        .select_related("registration__model", "registration__unit", "registration__campaign", "council")
        .order_by("-registration__campaign__year", "registration__model__kind", "rank")
    )


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
