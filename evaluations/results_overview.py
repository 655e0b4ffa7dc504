"""The results as the results and finalise pages show them, bounded by what a person
reads: a summary per kind of registration, counted once, and the rows of one kind a page
at a time, all of them or only those needing attention. The whole table stays the Excel
export's (result_tables.results_table).

Before finalising, the ranking needs every submitted sheet: the outcomes are computed
once and kept in Django's cache under the council, with the fingerprint of what they were
computed from (result_tables.live_results_version, one query), so that a later view only
checks the fingerprint; rows are kept lean (decimals as text) and a page's registrations
are read for that page only. After finalising, the stored results are counted and paged
in SQL."""

import dataclasses
from collections.abc import Callable
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Count, F, Q
from django.utils import translation

from models.models import DvkModel
from registrations.models import CONTENT_FIELDS, Registration

from . import result_tables
from . import results as computation
from .models import Council, Result
from .result_tables import ResultRow

CACHE_SECONDS = 15 * 60  # a safety net only: the fingerprint decides whether the table is current

_FIELDS = tuple(field.name for field in dataclasses.fields(computation.Outcome))
_AT = {name: index for index, name in enumerate(_FIELDS)}
_DECIMALS = tuple(_AT[name] for name in ("mean", "median", "minimum", "maximum", "stdev", "counted_score", "heaviest_mean"))
REGISTRATION, KIND, QUORATE = _AT["registration_id"], _AT["kind"], _AT["is_quorate"]
DISAGREEMENT, CLASSIFICATION, RANK, VOTE = _AT["has_disagreement"], _AT["classification"], _AT["rank"], _AT["needs_vote"]

# What the chair must look at before finalising: no quorum (finalising is refused), a tie
# the council must vote on, or sheets further apart than the council's spread.
NEEDS_ATTENTION = Q(is_quorate=False) | Q(needs_vote=True) | Q(has_disagreement=True)

_CLASSIFIED = {
    Result.Classification.EXCELLENT: "excellent",
    Result.Classification.GOOD: "good",
    Result.Classification.FAIR: "fair",
    Result.Classification.NOT_RECOGNISED: "not_recognised",
}


@dataclasses.dataclass
class KindSummary:
    """One kind of registration at a glance. Rows whose scores the viewer may not read yet
    count in ``rows``, ``not_quorate`` (their sheet count shows) and ``hidden`` only."""

    kind: str
    label: str
    rows: int = 0
    excellent: int = 0
    good: int = 0
    fair: int = 0
    not_recognised: int = 0
    not_quorate: int = 0
    needs_vote: int = 0
    disagreement: int = 0
    attention: int = 0  # rows with any of the three above (a row counts once)
    hidden: int = 0

    def count(self, values: tuple, hidden: bool) -> None:
        self.rows += 1
        if not values[QUORATE]:
            self.not_quorate += 1
        if hidden:
            self.hidden += 1
        elif values[CLASSIFICATION] in _CLASSIFIED:
            setattr(self, _CLASSIFIED[values[CLASSIFICATION]], getattr(self, _CLASSIFIED[values[CLASSIFICATION]]) + 1)
        if not hidden:
            self.needs_vote += bool(values[VOTE])
            self.disagreement += bool(values[DISAGREEMENT])
        self.attention += _needs_attention(values, hidden)


def _needs_attention(values: tuple, hidden: bool) -> bool:
    """NEEDS_ATTENTION on a live row; of a hidden row only what it shows (its quorum)."""
    return not values[QUORATE] or (not hidden and bool(values[VOTE] or values[DISAGREEMENT]))


class PagedRows:
    """Rows of one kind for the Paginator: counted already, read a slice at a time."""

    def __init__(self, count: int, load: Callable[[int, int], list[ResultRow]]):
        self._count, self._load = count, load

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("PagedRows is read a page (a slice) at a time")
        start, stop, _step = index.indices(self._count)
        return self._load(start, stop) if stop > start else []


@dataclasses.dataclass
class ResultsOverview:
    council: Council
    is_final: bool
    summaries: list[KindSummary]  # the kinds that have rows, models first
    _rows: Callable[[str, bool], PagedRows]

    def summary_of(self, kind: str) -> KindSummary | None:
        return next((summary for summary in self.summaries if summary.kind == kind), None)

    def chosen_kind(self, asked: str | None) -> str:
        """The kind asked for when it has rows, else the first that has."""
        if self.summary_of(asked or "") is not None:
            return asked
        return self.summaries[0].kind if self.summaries else ""

    def rows(self, kind: str, *, attention: bool = False) -> PagedRows:
        return self._rows(kind, attention)

    @property
    def needs_vote_count(self) -> int:
        return sum(summary.needs_vote for summary in self.summaries)

    @property
    def attention_count(self) -> int:
        return sum(summary.attention for summary in self.summaries)

    @property
    def hidden_count(self) -> int:
        return sum(summary.hidden for summary in self.summaries)


def results_overview(council: Council, *, viewer=None) -> ResultsOverview:
    """The summary and the pages of the results: stored once finalised, live before (the
    rows the viewer may not read yet hidden, as in result_tables.results_table)."""
    return _stored_overview(council) if council.is_finalised else _live_overview(council, viewer)


# Live -------------------------------------------------------------------------------


def _pack(outcome: computation.Outcome) -> tuple:
    return tuple(str(value) if isinstance(value, Decimal) else value for value in (getattr(outcome, name) for name in _FIELDS))


def _unpack(values: tuple, rank: int | None) -> computation.Outcome:
    fields = list(values)
    for index in _DECIMALS:
        if fields[index] is not None:
            fields[index] = Decimal(fields[index])
    fields[RANK] = rank
    return computation.Outcome(*fields)


def _summaries(lines) -> list[KindSummary]:
    by_kind = {kind: KindSummary(kind, str(label)) for kind, label in DvkModel.Kind.choices}
    for values, hidden, _rank in lines:
        by_kind.setdefault(values[KIND], KindSummary(values[KIND], values[KIND])).count(values, hidden)
    return [summary for summary in by_kind.values() if summary.rows]


def live_lines(council: Council) -> tuple[list[tuple], list[KindSummary]]:
    """Every live outcome as a lean tuple, ordered by kind then rank, and the summaries
    when nothing is hidden: from the cache while the fingerprint still matches, else
    computed and kept."""
    key = f"evaluations:live-results:{council.pk}:{translation.get_language()}"
    version = (result_tables.live_results_version(council), computation.Settings.of(council))
    cached = cache.get(key)
    if cached is not None and cached[0] == version:
        return cached[1], cached[2]
    packed = [_pack(outcome) for outcome in result_tables.live_outcomes(council)]
    summaries = _summaries((values, False, values[RANK]) for values in packed)
    cache.set(key, (version, packed, summaries), CACHE_SECONDS)
    return packed, summaries


def _live_overview(council: Council, viewer) -> ResultsOverview:
    packed, summaries = live_lines(council)
    hidden = result_tables.hidden_from(viewer, council, [values[REGISTRATION] for values in packed]) if viewer else set()
    if hidden:
        flags = [values[REGISTRATION] in hidden for values in packed]
        ranks = computation.ranks_without_hidden(zip([v[KIND] for v in packed], [v[RANK] for v in packed], flags, strict=True))
        kind_order = {kind: index for index, kind in enumerate(DvkModel.Kind.values)}
        lines = sorted(
            zip(packed, flags, ranks, strict=True),
            key=lambda line: (kind_order.get(line[0][KIND], 9), line[1], line[0][REGISTRATION] if line[1] else 0),
        )
        summaries = _summaries(lines)
    else:
        lines = [(values, False, values[RANK]) for values in packed]

    def rows(kind: str, attention: bool) -> PagedRows:
        chosen = [line for line in lines if line[0][KIND] == kind and (not attention or _needs_attention(line[0], line[1]))]
        return PagedRows(len(chosen), lambda start, stop: _live_rows(chosen[start:stop]))

    return ResultsOverview(council, False, summaries, rows)


def _registrations(ids) -> dict[int, Registration]:
    rows = Registration.objects.filter(pk__in=list(ids)).select_related("model", "unit")
    return {registration.pk: registration for registration in rows.defer(*CONTENT_FIELDS, "return_reason", "model__description")}


def _live_rows(lines) -> list[ResultRow]:
    registrations = _registrations(values[REGISTRATION] for values, _hidden, _rank in lines)
    return [
        ResultRow(registrations[values[REGISTRATION]], _unpack(values, rank), hidden)
        for values, hidden, rank in lines
        if values[REGISTRATION] in registrations
    ]


# Stored -----------------------------------------------------------------------------


def _stored_overview(council: Council) -> ResultsOverview:
    # Named apart from the fields they count, so that NEEDS_ATTENTION still reads the fields.
    counts = {
        "rows": Count("pk"),
        "not_quorate": Count("pk", filter=Q(is_quorate=False)),
        "needs_vote": Count("pk", filter=Q(needs_vote=True)),
        "disagreement": Count("pk", filter=Q(has_disagreement=True)),
        "attention": Count("pk", filter=NEEDS_ATTENTION),
        **{name: Count("pk", filter=Q(classification=value)) for value, name in _CLASSIFIED.items()},
    }
    figures = (
        Result.objects.filter(council=council)
        .values(result_kind=F("registration__model__kind"))
        .annotate(**{f"count_{name}": count for name, count in counts.items()})
        .order_by()
    )
    by_kind = {row["result_kind"]: {name: row[f"count_{name}"] for name in counts} for row in figures}
    summaries = [KindSummary(kind, str(label), **by_kind[kind]) for kind, label in DvkModel.Kind.choices if kind in by_kind]

    def rows(kind: str, attention: bool) -> PagedRows:
        summary = next((summary for summary in summaries if summary.kind == kind), None)
        count = (summary.attention if attention else summary.rows) if summary else 0
        chosen = Result.objects.filter(council=council, registration__model__kind=kind)
        if attention:
            chosen = chosen.filter(NEEDS_ATTENTION)
        chosen = (
            chosen.select_related("registration__model", "registration__unit")
            .defer(*(f"registration__{name}" for name in CONTENT_FIELDS), "registration__return_reason")
            .defer("registration__model__description")
            .order_by(F("rank").asc(nulls_last=True), "registration_id")
        )
        return PagedRows(
            count,
            lambda start, stop: [
                ResultRow(result.registration, result_tables.stored_outcome(result, council)) for result in chosen[start:stop]
            ],
        )

    return ResultsOverview(council, True, summaries, rows)
