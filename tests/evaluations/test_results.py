"""The pure computation of results: statistics, quorum, counted score, classification,
ranking and every step of the tie-break chain."""

import importlib
from decimal import Decimal as D
from fractions import Fraction

import pytest

from evaluations.models import Council, Result
from evaluations.results import (
    Entry,
    Heaviest,
    Settings,
    Sheet,
    classify,
    compute_results,
    counted_score,
    heaviest_criterion,
    quorum_needed,
    summarise,
)

MEAN = Settings(score_method=Council.ScoreMethod.MEAN, quorum_fraction=Fraction(2, 3), disagreement_spread=D("15"))
TRIMMED = Settings(score_method=Council.ScoreMethod.TRIMMED_MEAN, quorum_fraction=Fraction(2, 3), disagreement_spread=D("15"))
SHARES_MIGRATION = importlib.import_module("evaluations.migrations.0002_shares_as_fractions")
HEAVY = Heaviest(criterion_id=3, name="Kết quả kinh tế – xã hội")


def sheets(*totals, heavy=None):
    """Sheets with the given totals; ``heavy`` gives the points on criterion 3 of each."""
    heavy = heavy or [D(0)] * len(totals)
    return tuple(
        Sheet(member_id=i + 1, total=D(str(t)), points={3: D(str(h))}) for i, (t, h) in enumerate(zip(totals, heavy, strict=True))
    )


def test_statistics_use_the_population_standard_deviation():
    outcome = summarise(Entry(1, "model", 4, sheets(80, 90, 85, 95)), MEAN)
    assert outcome.sheet_count == 4
    assert outcome.mean == D("87.50")
    assert outcome.median == D("87.50")
    assert outcome.minimum == D("80.00")
    assert outcome.maximum == D("95.00")
    # pstdev(80, 85, 90, 95) = sqrt(31.25) = 5.590…; the sample stdev would be 6.45.
    assert outcome.stdev == D("5.59")


def test_disagreement_is_flagged_only_above_the_spread():
    assert summarise(Entry(1, "model", 3, sheets(70, 85, 85)), MEAN).has_disagreement is False  # spread exactly 15
    assert summarise(Entry(1, "model", 3, sheets(70, 85.5, 85)), MEAN).has_disagreement is True


@pytest.mark.parametrize(
    ("value", "fraction"),
    [
        ("0.667", Fraction(2, 3)),
        ("0.333", Fraction(1, 3)),
        ("0.5", Fraction(1, 2)),
        ("0.75", Fraction(3, 4)),
        ("0.55", Fraction(11, 20)),
    ],
)
def test_the_migration_reads_a_three_decimal_setting_as_the_simple_fraction_it_rounds(value, fraction):
    assert SHARES_MIGRATION._meant(Fraction(value)) == fraction


@pytest.mark.parametrize(("eligible", "needed"), [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (5, 4), (6, 4), (9, 6), (15, 10)])
def test_quorum_is_two_thirds_of_non_recused_members_rounded_up(eligible, needed):
    assert quorum_needed(eligible, Fraction(2, 3)) == needed


def test_a_registration_below_quorum_is_neither_classified_nor_ranked():
    entries = [Entry(1, "model", 5, sheets(95, 96, 94)), Entry(2, "model", 5, sheets(80, 80, 80, 80))]
    outcomes = {o.registration_id: o for o in compute_results(entries, MEAN)}
    short = outcomes[1]
    assert (short.is_quorate, short.quorum_needed, short.sheet_count) == (False, 4, 3)
    assert short.counted_score is None and short.classification is None and short.rank is None
    assert short.mean == D("95.00")  # statistics are still shown
    assert outcomes[2].rank == 1


def test_no_sheets_is_not_quorate_even_without_assignments():
    outcome = summarise(Entry(1, "model", 0, ()), MEAN)
    assert outcome.is_quorate is False and outcome.mean is None


def test_trimmed_mean_drops_one_highest_and_one_lowest_from_five_sheets():
    totals = [D(60), D(80), D(82), D(84), D(100)]
    assert counted_score(totals, Council.ScoreMethod.TRIMMED_MEAN) == D("82.00")
    assert counted_score(totals, Council.ScoreMethod.MEAN) == D("81.20")


def test_trimmed_mean_with_four_sheets_is_the_plain_mean():
    totals = [D(60), D(80), D(84), D(100)]
    assert counted_score(totals, Council.ScoreMethod.TRIMMED_MEAN) == D("81.00")


def test_trimmed_mean_setting_changes_the_counted_score_and_class():
    entry = Entry(1, "model", 5, sheets(60, 88, 90, 91, 92))
    assert summarise(entry, MEAN).counted_score == D("84.20")
    assert summarise(entry, MEAN).classification == Result.Classification.GOOD
    assert summarise(entry, TRIMMED).counted_score == D("89.67")
    assert summarise(entry, TRIMMED).classification == Result.Classification.GOOD


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        ("100", Result.Classification.EXCELLENT),
        ("90", Result.Classification.EXCELLENT),
        ("89.99", Result.Classification.GOOD),
        ("80", Result.Classification.GOOD),
        ("79.99", Result.Classification.FAIR),
        ("70", Result.Classification.FAIR),
        ("69.99", Result.Classification.NOT_RECOGNISED),
        ("0", Result.Classification.NOT_RECOGNISED),
    ],
)
def test_classification_thresholds(score, expected):
    assert classify(D(score)) == expected


def test_heaviest_criterion_is_the_largest_maximum_and_the_first_in_order_on_equal_maxima():
    assert heaviest_criterion([(1, 1, D(20), "a"), (2, 2, D(25), "b"), (3, 3, D(15), "c")]) == Heaviest(2, "b")
    assert heaviest_criterion([(7, 2, D(30), "later"), (5, 1, D(30), "first")]) == Heaviest(5, "first")
    assert heaviest_criterion([]) is None


def test_ranking_is_within_each_kind():
    entries = [
        Entry(1, "model", 3, sheets(80, 80, 80)),
        Entry(2, "exemplar", 3, sheets(95, 95, 95)),
        Entry(3, "model", 3, sheets(90, 90, 90)),
        Entry(4, "exemplar", 3, sheets(70, 70, 70)),
    ]
    ranks = {o.registration_id: o.rank for o in compute_results(entries, MEAN)}
    assert ranks == {3: 1, 1: 2, 2: 1, 4: 2}


def test_tie_broken_by_the_mean_on_the_most_heavily_weighted_criterion():
    entries = [
        Entry(1, "model", 3, sheets(85, 85, 85, heavy=[20, 20, 20])),
        Entry(2, "model", 3, sheets(85, 85, 85, heavy=[22, 21, 23])),
    ]
    outcomes = {o.registration_id: o for o in compute_results(entries, MEAN, {"model": HEAVY})}
    assert (outcomes[2].rank, outcomes[1].rank) == (1, 2)
    assert outcomes[2].heaviest_mean == D("22.00")
    assert "Kết quả kinh tế – xã hội" in outcomes[2].tie_break_note
    assert not outcomes[1].needs_vote and not outcomes[2].needs_vote


def test_tie_on_the_heaviest_criterion_broken_by_the_higher_lowest_sheet():
    entries = [
        Entry(1, "model", 3, sheets(80, 85, 90, heavy=[21, 21, 21])),
        Entry(2, "model", 3, sheets(83, 85, 87, heavy=[21, 21, 21])),
    ]
    outcomes = {o.registration_id: o for o in compute_results(entries, MEAN, {"model": HEAVY})}
    assert outcomes[1].counted_score == outcomes[2].counted_score == D("85.00")
    assert (outcomes[2].rank, outcomes[1].rank) == (1, 2)
    assert "phiếu thấp nhất" in outcomes[2].tie_break_note
    assert not outcomes[1].needs_vote


def test_tie_after_every_step_shares_the_rank_and_needs_a_vote():
    entries = [
        Entry(1, "model", 3, sheets(80, 85, 90, heavy=[21, 21, 21])),
        Entry(2, "model", 3, sheets(90, 85, 80, heavy=[20, 22, 21])),
        Entry(3, "model", 3, sheets(70, 70, 70, heavy=[15, 15, 15])),
    ]
    outcomes = {o.registration_id: o for o in compute_results(entries, MEAN, {"model": HEAVY})}
    assert (outcomes[1].rank, outcomes[2].rank, outcomes[3].rank) == (1, 1, 3)
    assert outcomes[1].needs_vote and outcomes[2].needs_vote and not outcomes[3].needs_vote
    assert "biểu quyết" in outcomes[1].tie_break_note


def test_outcomes_are_ordered_models_first_then_by_rank_with_unranked_last():
    entries = [
        Entry(1, "exemplar", 3, sheets(90, 90, 90)),
        Entry(2, "model", 3, sheets(70, 70)),
        Entry(3, "model", 3, sheets(75, 75, 75)),
    ]
    assert [o.registration_id for o in compute_results(entries, MEAN)] == [3, 2, 1]
