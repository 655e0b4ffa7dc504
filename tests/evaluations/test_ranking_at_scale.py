"""Ranking within a kind sorts once: the same places and tie-break notes as the
definition (a place is one more than the number of outcomes strictly ahead; a tie-break
note says which step settled it), for sets full of ties, and 3,000 outcomes in one pass."""

import random
import time
from decimal import Decimal

from evaluations.results import Heaviest, Outcome, rank_within_kind

HEAVIEST = Heaviest(criterion_id=1, name="Hiệu quả")


def _outcomes(rng: random.Random, count: int) -> list[Outcome]:
    outcomes = []
    for number in range(1, count + 1):
        quorate = rng.random() > 0.1
        outcomes.append(
            Outcome(
                registration_id=number,
                kind="model",
                sheet_count=3,
                eligible_count=3,
                quorum_needed=2,
                is_quorate=quorate,
                # Few distinct values, so that places are shared at every step of the tie-break.
                counted_score=Decimal(rng.choice(["80", "85", "85.5", "90"])) if quorate else None,
                heaviest_mean=rng.choice([None, Decimal("20"), Decimal("22.5")]),
                minimum=Decimal(rng.choice(["70", "75"])),
            )
        )
    return outcomes


def _by_definition(outcomes: list[Outcome]) -> dict[int, tuple]:
    """{registration: (rank, needs_vote, which note)} straight from the definition."""

    def key(outcome):
        return (-outcome.counted_score, -(outcome.heaviest_mean or Decimal(0)), -outcome.minimum)

    ranked = [outcome for outcome in outcomes if outcome.is_quorate]
    expected = {}
    for outcome in ranked:
        rank = 1 + sum(1 for other in ranked if key(other) < key(outcome))
        same_score = [other for other in ranked if other.counted_score == outcome.counted_score]
        same_heaviest = [other for other in same_score if other.heaviest_mean == outcome.heaviest_mean]
        same_minimum = [other for other in same_heaviest if other.minimum == outcome.minimum]
        if len(same_score) == 1:
            note = "none"
        elif len(same_heaviest) == 1:
            note = "heaviest"
        elif len(same_minimum) == 1:
            note = "minimum"
        else:
            note = "vote"
        expected[outcome.registration_id] = (rank, note == "vote", note)
    return expected


def _note_kind(outcome: Outcome) -> str:
    if not outcome.tie_break_note:
        return "none"
    if outcome.needs_vote:
        return "vote"
    return "minimum" if "phiếu thấp nhất" in outcome.tie_break_note else "heaviest"


def test_places_and_tie_break_notes_match_the_definition_on_sets_full_of_ties():
    rng = random.Random(2026)
    for count in (1, 2, 5, 17, 60, 200):
        outcomes = _outcomes(rng, count)
        expected = _by_definition(outcomes)
        rank_within_kind(outcomes, HEAVIEST)
        got = {o.registration_id: (o.rank, o.needs_vote, _note_kind(o)) for o in outcomes if o.is_quorate}
        assert got == expected, count
        assert all(o.rank is None and o.tie_break_note == "" for o in outcomes if not o.is_quorate)


def test_three_thousand_outcomes_rank_in_one_sort():
    outcomes = _outcomes(random.Random(7), 3000)
    started = time.perf_counter()
    rank_within_kind(outcomes, HEAVIEST)
    # The definition counts every other outcome for each: about 9 million comparisons here.
    assert time.perf_counter() - started < 1.0
    ranks = sorted(o.rank for o in outcomes if o.is_quorate)
    assert ranks[0] == 1 and ranks == sorted(ranks)
