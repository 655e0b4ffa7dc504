"""One quorum and one pass rule for results and award votes, compared exhaustively:
every share a council can hold (the legal choices and every three-decimal setting the
migration converted) and every council size from 1 to 30."""

import importlib
from fractions import Fraction

import pytest

from evaluations.awards import Tally
from evaluations.models import Council
from evaluations.quorum import LEGAL_FRACTIONS, FractionField, agree_needed, carries, quorum_needed
from evaluations.results import Entry, Settings, summarise

SHARES_MIGRATION = importlib.import_module("evaluations.migrations.0002_shares_as_fractions")
SIZES = range(1, 31)
# Every setting a council held before shares were fractions (0.000 … 1.000), as converted.
CONVERTED = {SHARES_MIGRATION._meant(Fraction(thousandths, 1000)) for thousandths in range(1001)}
SHARES = sorted(CONVERTED | {value for value, _label in LEGAL_FRACTIONS})


def ceil_share(count: int, share: Fraction) -> int:
    """⌈share × count⌉ in integers only, independent of the code under test."""
    return -(-count * share.numerator // share.denominator)


def test_results_and_votes_need_the_same_quorum_for_every_share_and_council_size():
    mismatches = []
    for share in SHARES:
        settings = Settings(score_method=Council.ScoreMethod.MEAN, quorum_fraction=share)
        for size in SIZES:
            expected = max(1, ceil_share(size, share))
            results = summarise(Entry(registration_id=1, kind="model", eligible_count=size), settings).quorum_needed
            votes = Tally(0, 0, 0, size, Fraction(1, 2), share).quorum
            if not results == votes == expected:
                mismatches.append((share, size, results, votes, expected))
    assert mismatches == []
    assert len(SHARES) * len(SIZES) >= 30 * len(LEGAL_FRACTIONS)


def test_a_vote_passes_exactly_when_more_than_the_share_of_all_members_agree():
    mismatches = []
    for share in SHARES:
        for size in SIZES:
            # Everyone took part, so only the pass rule decides.
            if Tally(0, size, 0, size, share, Fraction(0)).agree_needed != size * share.numerator // share.denominator + 1:
                mismatches.append((share, size))
            for agree in range(size + 1):
                if carries(agree, size, share) is not (agree * share.denominator > share.numerator * size):
                    mismatches.append((share, size, agree))
    assert mismatches == []
    assert [Tally(agree, 15 - agree, 0, 15, Fraction(1, 2), Fraction(2, 3)).passes for agree in (7, 8)] == [False, True]


def test_the_setting_that_used_to_drift_now_reads_one_way():
    # 0.067 with 15 members needed 2 sheets in results but 1 vote (read as 1/15) in votes.
    share = SHARES_MIGRATION._meant(Fraction(67, 1000))
    assert share == Fraction(67, 1000)
    assert summarise(Entry(1, "model", 15), Settings(Council.ScoreMethod.MEAN, share)).quorum_needed == 2
    assert Tally(0, 0, 0, 15, Fraction(1, 2), share).quorum == 2
    assert SHARES_MIGRATION._meant(Fraction(667, 1000)) == Fraction(2, 3)
    assert quorum_needed(15, Fraction(2, 3)) == 10 and agree_needed(15, Fraction(2, 3)) == 11


def test_nobody_to_count_needs_nobody():
    assert quorum_needed(0, Fraction(2, 3)) == 0 and not carries(0, 0, Fraction(1, 2))


@pytest.mark.parametrize("text", ["abc", "1/0", "3/2", "-1/2"])
def test_a_share_that_is_not_a_fraction_of_the_council_is_refused(text):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        FractionField().to_python(text)


@pytest.mark.django_db
def test_a_share_is_stored_as_its_fraction_and_read_back_exactly(campaign):
    council = Council.objects.create(campaign=campaign, quorum_fraction=Fraction(3, 4))
    assert Council.objects.filter(pk=council.pk, quorum_fraction="3/4", vote_pass_fraction="1/2").exists()
    council = Council.objects.get(pk=council.pk)
    assert (council.quorum_fraction, council.vote_pass_fraction, council.vote_quorum_fraction) == (
        Fraction(3, 4),
        Fraction(1, 2),
        Fraction(2, 3),
    )
    assert Council(campaign=campaign).quorum_fraction == Fraction(2, 3)
