"""The results table of a council as it stands: computed live from the submitted sheets
before the chair finalises, read from the sealed results after; who sees which scores
(the rule is evaluations.rules.may_see_others_scores). Built to run a fixed number of
queries whatever the number of registrations (DESIGN §5, §6)."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import CharField, Count, F, Func, Max, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Cast, Concat

from models.models import DvkModel
from registrations.models import Registration, Status

from . import results as computation
from .models import Assignment, Council, Criterion, Result, Scoresheet
from .rules import may_see_others_scores
from .selectors import appraised_registrations, criteria_by_kind, heaviest_by_kind, seat_positions, sheets_owed_by


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


