"""The results and finalise pages at any size: a summary per kind, one kind's rows a page
at a time, the rows needing attention, the rows a member still owes hidden, a number of
queries that does not grow, and the live outcomes computed once per state of the sheets."""

import random
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluations import result_tables, services
from evaluations import results as computation
from evaluations.models import Assignment, Criterion, Result, Score, Scoresheet
from evaluations.result_views import RESULTS_PER_PAGE
from models.models import DvkModel, Field
from registrations.models import Registration, Status
from tests.evaluations.conftest import FULL_MODEL, fill

ROW = re.compile(r'<tr data-registration="(\d+)">\s*<td class="fw-semibold">(.*?)</td>')


def scored_in_bulk(campaign, council, unit, sheets, *, kind="model", prefix="Hồ sơ"):
    """One nominated registration per entry of ``sheets`` (a list of sheet totals, one per
    member in seat order; None: that member has not submitted), every council member
    assigned, built in bulk as the province bench builds its data."""
    services.ensure_default_criteria(campaign)
    criteria = list(Criterion.objects.filter(criteria_set__campaign=campaign, criteria_set__kind=kind).order_by("order"))
    maximum = sum(criterion.max_points for criterion in criteria)
    members = list(council.members.order_by("pk"))
    start = DvkModel.objects.count()
    models = DvkModel.objects.bulk_create(
        DvkModel(
            unit=unit,
            kind=kind,
            name=f"{prefix} {start + index:04}",
            field=Field.NEW_RURAL,
            address="Thôn Ka Đô",
            person_name="K'Brơi" if kind == DvkModel.Kind.EXEMPLAR else "",
        )
        for index in range(len(sheets))
    )
    registrations = Registration.objects.bulk_create(
        Registration(campaign=campaign, model=model, unit=unit, status=Status.NOMINATED, submitted_at=timezone.now())
        for model in models
    )
    assignments = Assignment.objects.bulk_create(
        Assignment(member=member, registration=registration) for registration in registrations for member in members
    )
    submitted = []
    for assignment, total in zip(assignments, [total for totals in sheets for total in totals], strict=True):
        if total is not None:
            submitted.append((Scoresheet(assignment=assignment, status=Scoresheet.Status.SUBMITTED, version=1), total))
    Scoresheet.objects.bulk_create(
        [sheet for sheet, _total in submitted], batch_size=500
    )  # submitted_at is not read by the results
    Score.objects.bulk_create(
        (
            Score(
                scoresheet=sheet,
                criterion=criterion,
                points=(criterion.max_points * Decimal(total) / maximum).quantize(Decimal("0.01")),
            )
            for sheet, total in submitted
            for criterion in criteria
        ),
        batch_size=1000,
    )
    return registrations


def seal(council, chair):
    """The council's results stored as finalising stores them, without the lifecycle
    (the pages read only the results and the council)."""
    table = result_tables.live_results(council)
    stored = set(Result.objects.filter(council=council).values_list("registration_id", flat=True))
    Result.objects.bulk_create(
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
            classification=row.outcome.classification or "",
            needs_vote=row.outcome.needs_vote,
            tie_break_note=row.outcome.tie_break_note,
        )
        for row in table.rows
        if row.registration.pk not in stored
    )
    council.finalised_at, council.finalised_by = timezone.now(), chair.user
    council.save(update_fields=["finalised_at", "finalised_by"])


def rows_of(response) -> list[tuple[int, str]]:
    return [(int(pk), rank) for pk, rank in ROW.findall(response.content.decode())]


@pytest.fixture
def seated(council, chair, members):
    """The chair and thamdinh1–4: five sheets per registration."""
    return [chair, *members]


@pytest.fixture
def results_url(campaign):
    return reverse("evaluations:results", args=[campaign.pk])


def test_page_two_shows_the_next_rows_and_a_page_renders_fifty(staff_client, campaign, council, seated, unit, results_url):
    registrations = scored_in_bulk(campaign, council, unit, [[99 - place / 2] * 5 for place in range(60)])
    first = staff_client.get(results_url)
    assert rows_of(first) == [(registration.pk, str(rank)) for rank, registration in enumerate(registrations[:50], start=1)]
    assert len(rows_of(first)) == RESULTS_PER_PAGE
    assert "Hồ sơ 1–50 trong 60" in first.content.decode()
    second = staff_client.get(results_url, {"kind": "model", "page": 2})
    assert rows_of(second) == [(registration.pk, str(rank)) for rank, registration in enumerate(registrations[50:], start=51)]
    assert "Trang 2 / 2" in second.content.decode()
    assert len(second.content) < len(first.content)


def test_the_kind_selector_shows_only_that_kind(staff_client, campaign, council, seated, unit, results_url):
    models = scored_in_bulk(campaign, council, unit, [[85] * 5, [80] * 5, [75] * 5])
    exemplars = scored_in_bulk(campaign, council, unit, [[90] * 5, [70] * 5], kind="exemplar")
    default = staff_client.get(results_url)
    assert [pk for pk, _rank in rows_of(default)] == [registration.pk for registration in models]
    chosen = staff_client.get(results_url, {"kind": "exemplar"})
    assert [pk for pk, _rank in rows_of(chosen)] == [registration.pk for registration in exemplars]
    body = chosen.content.decode()
    assert 'id="results-exemplar"' in body and 'id="results-model"' not in body
    assert staff_client.get(results_url, {"kind": "nonsense"}).context["kind"] == "model"


@pytest.fixture
def mixed(campaign, council, seated, unit):
    """Models: excellent, good, two tied all the way (a vote), fair with a wide spread,
    not recognised, not quorate (two sheets of five); one exemplar, excellent."""
    models = scored_in_bulk(
        campaign,
        council,
        unit,
        [
            [95] * 5,
            [85] * 5,
            [82] * 5,
            [82] * 5,
            [60, 80, 80, 80, 80],  # mean 76, spread 20 > 15
            [50] * 5,
            [90, 90, None, None, None],
        ],
    )
    exemplars = scored_in_bulk(campaign, council, unit, [[92] * 5], kind="exemplar")
    return models, exemplars


def test_the_summary_counts_each_kind(staff_client, campaign, council, mixed, results_url):
    summaries = {summary.kind: summary for summary in staff_client.get(results_url).context["overview"].summaries}
    model = summaries["model"]
    assert (model.rows, model.excellent, model.good, model.fair, model.not_recognised) == (7, 1, 3, 1, 1)
    assert (model.not_quorate, model.needs_vote, model.disagreement, model.attention, model.hidden) == (1, 2, 1, 4, 0)
    exemplar = summaries["exemplar"]
    assert (exemplar.rows, exemplar.excellent, exemplar.attention) == (1, 1, 0)
    seal(council, council.members.get(position="chair"))
    stored = {summary.kind: summary for summary in staff_client.get(results_url).context["overview"].summaries}
    assert stored == summaries


def test_the_attention_filter_shows_the_rows_to_look_at(staff_client, campaign, council, mixed, results_url):
    models, _exemplars = mixed
    tied, spread, not_quorate = [models[2].pk, models[3].pk], models[4].pk, models[6].pk
    live = [pk for pk, _rank in rows_of(staff_client.get(results_url, {"kind": "model", "attention": "1"}))]
    assert live == [*tied, spread, not_quorate]
    seal(council, council.members.get(position="chair"))
    stored = [pk for pk, _rank in rows_of(staff_client.get(results_url, {"kind": "model", "attention": "1"}))]
    assert stored == live
    exemplar = staff_client.get(results_url, {"kind": "exemplar", "attention": "1"})
    assert rows_of(exemplar) == [] and 'id="nothing-needs-attention"' in exemplar.content.decode()


def test_the_finalise_page_shows_the_summary_and_the_rows_needing_attention(client, campaign, council, mixed, chair):
    models, _exemplars = mixed
    client.force_login(chair.user)
    response = client.get(reverse("evaluations:finalise", args=[campaign.pk]))
    assert [pk for pk, _rank in rows_of(response)] == [models[2].pk, models[3].pk, models[4].pk, models[6].pk]
    assert 'id="results-summary"' in response.content.decode()


def test_a_member_without_his_own_sheet_sees_no_scores_of_that_row(client, campaign, council, seated, unit, results_url):
    chair = seated[0]
    shown, owed = scored_in_bulk(campaign, council, unit, [[85] * 5, [None, 60, 80, 80, 80]])
    client.force_login(chair.user)
    response = client.get(results_url)
    assert rows_of(response) == [(shown.pk, "1"), (owed.pk, "—")]
    body = response.content.decode()
    assert body.count("Nộp phiếu của mình cho hồ sơ này để xem điểm.") == 1
    assert "60,00" not in body and "75,00" not in body
    summary = response.context["overview"].summaries[0]
    # The owed row's scores count nowhere: neither its class, nor its spread.
    assert (summary.rows, summary.good, summary.fair, summary.disagreement, summary.hidden, summary.attention) == (
        2,
        1,
        0,
        0,
        1,
        0,
    )
    assert rows_of(client.get(results_url, {"attention": "1"})) == []
    fill(chair, owed, FULL_MODEL)
    after = client.get(results_url)
    assert rows_of(after) == [(shown.pk, "1"), (owed.pk, "2")]
    assert "Nộp phiếu của mình" not in after.content.decode()


def _queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_the_results_page_runs_the_same_queries_at_3_and_60_registrations(
    staff_client, campaign, council, seated, unit, results_url
):
    scored_in_bulk(campaign, council, unit, [[90 - number] * 5 for number in range(3)])
    small = (_queries(staff_client, results_url), _queries(staff_client, results_url))
    scored_in_bulk(campaign, council, unit, [[80 - number / 2] * 5 for number in range(57)])
    large = (_queries(staff_client, results_url), _queries(staff_client, results_url))
    assert [len(queries) for queries in small] == [len(queries) for queries in large]
    # The second view reads the cached outcomes: no score is read again.
    assert any('"evaluations_score"' in sql for sql in large[0])
    assert not any('"evaluations_score"' in sql for sql in large[1])
    assert len(large[1]) < len(large[0])


def test_the_sealed_results_page_runs_the_same_queries_at_3_and_60_registrations(
    staff_client, campaign, council, seated, unit, results_url
):
    scored_in_bulk(campaign, council, unit, [[90 - number] * 5 for number in range(3)])
    seal(council, seated[0])
    small = _queries(staff_client, results_url)
    scored_in_bulk(campaign, council, unit, [[80 - number / 2] * 5 for number in range(57)])
    seal(council, seated[0])
    page_two = f"{results_url}?kind=model&page=2"
    large, large_two = _queries(staff_client, results_url), _queries(staff_client, page_two)
    assert len(small) == len(large) == len(large_two)
    assert len(rows_of(staff_client.get(page_two))) == 10


def test_a_new_sheet_shows_on_the_next_view_though_the_outcomes_are_cached(
    staff_client, campaign, council, seated, unit, results_url
):
    (registration,) = scored_in_bulk(campaign, council, unit, [[80, 80, 80, 80, None]])
    assert "4 / 5" in staff_client.get(results_url).content.decode()
    assert "4 / 5" in staff_client.get(results_url).content.decode()
    fill(seated[4], registration, FULL_MODEL)
    body = staff_client.get(results_url).content.decode()
    assert "5 / 5" in body and "84,00" in body


def test_a_recusal_shows_on_the_next_view_though_the_outcomes_are_cached(
    staff_client, campaign, council, seated, unit, results_url
):
    (registration,) = scored_in_bulk(campaign, council, unit, [[80, 80, 80, 80, None]])
    assert "4 / 5" in staff_client.get(results_url).content.decode()
    assignment = Assignment.objects.get(member=seated[4], registration=registration)
    services.declare_conflict(assignment, reason="Người nhà của chủ nhiệm mô hình", by=seated[4].user)
    assert "4 / 4" in staff_client.get(results_url).content.decode()


def test_ranks_without_hidden_rows_follow_the_definition():
    rng = random.Random(7)
    rows = [(rng.choice(["model", "exemplar"]), rng.choice([None, 1, 2, 2, 4, 5, 5, 7]), rng.random() < 0.3) for _ in range(300)]
    expected = [
        None if hidden or rank is None else 1 + sum(1 for k, r, h in rows if k == kind and not h and r is not None and r < rank)
        for kind, rank, hidden in rows
    ]
    assert computation.ranks_without_hidden(rows) == expected
