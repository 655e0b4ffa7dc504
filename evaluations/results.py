"""Kết quả thẩm định as pure computation: from the submitted sheets of each nominated
registration to statistics, the counted score, quorum, classification and ranking.

Nothing here touches the database; selectors gather the inputs in a fixed number of
queries and services store what comes out. The rules, in the order they apply:

- statistics over the sheet totals: count, mean, median, minimum, maximum and the
  *population* standard deviation (the sheets are the whole council, not a sample);
- disagreement when maximum − minimum is greater than the council's spread;
- quorum: submitted sheets ≥ ⌈fraction × non-recused assigned members⌉ (and at least one);
- counted score: the mean, or with the trimmed-mean method and at least five sheets the
  mean after dropping one highest and one lowest sheet; rounded to 2 decimals;
- classification: ≥ 90 xuất sắc, ≥ 80 tốt, ≥ 70 khá, otherwise not recognised;
  a registration without quorum is neither classified nor ranked;
- ranking within each kind by counted score; equal scores are separated by the higher
  mean on the most heavily weighted criterion, then by the higher lowest sheet; still
  equal → the same rank and ``needs_vote``.
"""

import math
import statistics
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from models.models import DvkModel

from .criteria_defaults import EXCELLENT_FROM, FAIR_FROM, GOOD_FROM
from .models import Council, Result
from .quorum import quorum_needed

TWO_PLACES = Decimal("0.01")
TRIM_FROM_SHEETS = 5


@dataclass(frozen=True)
class Sheet:
    """One submitted scoresheet: its member, total and points per criterion id."""

    member_id: int
    total: Decimal
    points: Mapping[int, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry:
    """One nominated registration with the sheets submitted for it."""

    registration_id: int
    kind: str
    eligible_count: int  # assigned members who are not recused
    sheets: Sequence[Sheet] = ()


@dataclass(frozen=True)
class Settings:
    score_method: str = Council.ScoreMethod.MEAN
    quorum_fraction: Fraction = Fraction(2, 3)
    disagreement_spread: Decimal = Decimal("15")

    @classmethod
    def of(cls, council: Council) -> "Settings":
        return cls(
            score_method=council.score_method,
            quorum_fraction=council.quorum_fraction,
            disagreement_spread=council.disagreement_spread,
        )


@dataclass(frozen=True)
class Heaviest:
    """The tie-break criterion of one kind: the largest maximum, first in order."""

    criterion_id: int
    name: str


@dataclass
class Outcome:
    registration_id: int
    kind: str
    sheet_count: int
    eligible_count: int
    quorum_needed: int
    is_quorate: bool
    mean: Decimal | None = None
    median: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    stdev: Decimal | None = None
    counted_score: Decimal | None = None
    has_disagreement: bool = False
    heaviest_mean: Decimal | None = None
    classification: str | None = None
    rank: int | None = None
    needs_vote: bool = False
    tie_break_note: str = ""

    @property
    def is_recognised(self) -> bool:
        return self.classification not in (None, Result.Classification.NOT_RECOGNISED)


def quantize(value) -> Decimal:
    return Decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


# statistics.mean and statistics.pstdev, the same results from exact integer arithmetic:
# the module works in Fractions, which costs most of the time of a province's table.


def mean(values: Sequence[Decimal]) -> Decimal:
    """statistics.mean of Decimals: the exact sum (Decimal addition is exact at these
    sizes) divided once, correctly rounded, as statistics divides its exact Fraction."""
    return sum(values, Decimal(0)) / len(values)


def pstdev(values: Sequence[Decimal]) -> Decimal:
    """statistics.pstdev of Decimals: the exact population variance (n·Σx² − (Σx)²) / n²,
    on integers over a common denominator, then its square root correctly rounded."""
    ratios = [Decimal(value).as_integer_ratio() for value in values]
    denominator = math.lcm(*(d for _n, d in ratios))
    scaled = [n * (denominator // d) for n, d in ratios]
    count = len(scaled)
    spread = count * sum(x * x for x in scaled) - sum(scaled) ** 2
    return _sqrt_of_fraction(spread, (count * denominator) ** 2)


def _sqrt_of_fraction(n: int, m: int) -> Decimal:
    """Square root of n/m as a Decimal, correctly rounded (statistics' own method: the
    Decimal square root can be one step off; check and move)."""
    if n <= 0:
        return Decimal("0.0")
    root = (Decimal(n) / Decimal(m)).sqrt()
    nr, dr = root.as_integer_ratio()
    plus = root.next_plus()
    np, dp = plus.as_integer_ratio()
    if 4 * n * (dr * dp) ** 2 > m * (dr * np + dp * nr) ** 2:
        return plus
    minus = root.next_minus()
    nm, dm = minus.as_integer_ratio()
    if 4 * n * (dr * dm) ** 2 < m * (dr * nm + dm * nr) ** 2:
        return minus
    return root


def counted_score(totals: Sequence[Decimal], score_method: str) -> Decimal | None:
    if not totals:
        return None
    values = sorted(totals)
    if score_method == Council.ScoreMethod.TRIMMED_MEAN and len(values) >= TRIM_FROM_SHEETS:
        values = values[1:-1]
    return quantize(mean(values))


def classify(score: Decimal | None) -> str | None:
    if score is None:
        return None
    if score >= EXCELLENT_FROM:
        return Result.Classification.EXCELLENT
    if score >= GOOD_FROM:
        return Result.Classification.GOOD
    if score >= FAIR_FROM:
        return Result.Classification.FAIR
    return Result.Classification.NOT_RECOGNISED


def heaviest_criterion(criteria: Iterable[tuple[int, int, Decimal, str]]) -> Heaviest | None:
    """From (id, order, max_points, name) rows: the largest maximum, the first in order
    when several share it."""
    best = None
    for criterion_id, order, max_points, name in criteria:
        key = (-Decimal(max_points), order, criterion_id)
        if best is None or key < best[0]:
            best = (key, Heaviest(criterion_id, name))
    return best[1] if best else None


def summarise(entry: Entry, settings: Settings, heaviest: Heaviest | None = None) -> Outcome:
    """Statistics, quorum, counted score and classification of one registration."""
    totals = [Decimal(sheet.total) for sheet in entry.sheets]
    needed = quorum_needed(entry.eligible_count, settings.quorum_fraction)
    outcome = Outcome(
        registration_id=entry.registration_id,
        kind=entry.kind,
        sheet_count=len(totals),
        eligible_count=entry.eligible_count,
        quorum_needed=needed,
        is_quorate=bool(totals) and len(totals) >= needed,
    )
    if not totals:
        return outcome
    outcome.mean = quantize(mean(totals))
    outcome.median = quantize(statistics.median(totals))
    outcome.minimum = quantize(min(totals))
    outcome.maximum = quantize(max(totals))
    outcome.stdev = quantize(pstdev(totals))
    outcome.has_disagreement = (max(totals) - min(totals)) > Decimal(settings.disagreement_spread)
    if heaviest is not None:
        points = [Decimal(sheet.points.get(heaviest.criterion_id) or 0) for sheet in entry.sheets]
        outcome.heaviest_mean = quantize(mean(points))
    if outcome.is_quorate:
        outcome.counted_score = counted_score(totals, settings.score_method)
        outcome.classification = classify(outcome.counted_score)
    return outcome


def _decimal(value: Decimal | None) -> str:
    return number_format(value, 2) if value is not None else "–"


def rank_within_kind(outcomes: Sequence[Outcome], heaviest: Heaviest | None = None) -> None:
    """Rank the quorate outcomes of one kind in place (1, 2, 2, 4 for a shared place)."""
    ranked = [outcome for outcome in outcomes if outcome.is_quorate]

    def key(outcome):
        return (
            -outcome.counted_score,
            -(outcome.heaviest_mean if outcome.heaviest_mean is not None else Decimal(0)),
            -outcome.minimum,
        )

    ranked.sort(key=lambda outcome: (key(outcome), outcome.registration_id))
    # One pass over the sorted list: a shared place takes the position of the first of its
    # equals; how many share each score, each score and heaviest mean, and each of those and
    # lowest sheet decides which tie-break settled the place.
    same_score = Counter(outcome.counted_score for outcome in ranked)
    same_heaviest = Counter((outcome.counted_score, outcome.heaviest_mean) for outcome in ranked)
    same_minimum = Counter((outcome.counted_score, outcome.heaviest_mean, outcome.minimum) for outcome in ranked)
    place, previous = 0, None
    for position, outcome in enumerate(ranked, start=1):
        if key(outcome) != previous:
            place, previous = position, key(outcome)
        outcome.rank = place
        if same_score[outcome.counted_score] == 1:
            continue
        criterion = heaviest.name if heaviest else ""
        if same_heaviest[(outcome.counted_score, outcome.heaviest_mean)] == 1:
            outcome.tie_break_note = _(
                "Bằng điểm xét; phân định theo tiêu chí có điểm tối đa lớn nhất “%(criterion)s”: %(value)s."
            ) % {"criterion": criterion, "value": _decimal(outcome.heaviest_mean)}
            continue
        if same_minimum[(outcome.counted_score, outcome.heaviest_mean, outcome.minimum)] == 1:
            outcome.tie_break_note = _(
                "Bằng điểm xét và điểm tiêu chí “%(criterion)s”; phân định theo phiếu thấp nhất: %(value)s."
            ) % {"criterion": criterion, "value": _decimal(outcome.minimum)}
            continue
        outcome.needs_vote = True
        outcome.tie_break_note = _("Bằng điểm sau mọi bước phân định; cần Hội đồng biểu quyết.")


def compute_results(
    entries: Iterable[Entry], settings: Settings, heaviest_by_kind: Mapping[str, Heaviest | None] | None = None
) -> list[Outcome]:
    """Every registration's outcome, ranked within its kind; ordered by kind, then rank
    (unranked last), then registration id."""
    heaviest_by_kind = heaviest_by_kind or {}
    outcomes = [summarise(entry, settings, heaviest_by_kind.get(entry.kind)) for entry in entries]
    by_kind: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_kind.setdefault(outcome.kind, []).append(outcome)
    for kind, of_kind in by_kind.items():
        rank_within_kind(of_kind, heaviest_by_kind.get(kind))
    kind_order = {kind: index for index, kind in enumerate(DvkModel.Kind.values)}
    outcomes.sort(
        key=lambda outcome: (
            kind_order.get(outcome.kind, len(kind_order)),
            outcome.rank is None,
            outcome.rank or 0,
            outcome.registration_id,
        )
    )
    return outcomes


def ranks_without_hidden(rows: Iterable[tuple[str, int | None, bool]]) -> list[int | None]:
    """From (kind, rank, hidden) rows: the rank each row takes once the hidden ones are left
    out of the ranking of their kind (1 + how many shown rows of the kind rank strictly
    better, so no gap and shared places stay shared); None for hidden and unranked rows."""
    rows = list(rows)
    shown: dict[str, list[int]] = defaultdict(list)
    for kind, rank, hidden in rows:
        if not hidden and rank is not None:
            shown[kind].append(rank)
    for ranks in shown.values():
        ranks.sort()
    return [None if hidden or rank is None else 1 + bisect_left(shown[kind], rank) for kind, rank, hidden in rows]
