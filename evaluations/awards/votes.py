"""The tally of a proposal's votes. Quorum and majority are the council's shares
applied by the one rule book in ``evaluations.quorum``."""

from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Count

from ..models import AwardProposal, Council, CouncilMember, ProposalVote
from ..quorum import agree_needed, carries, quorum_needed

Choice = ProposalVote.Choice


@dataclass(frozen=True)
class Tally:
    agree: int
    disagree: int
    abstain: int
    members: int
    pass_fraction: Fraction
    quorum_fraction: Fraction

    @classmethod
    def for_council(cls, council: Council, *, agree=0, disagree=0, abstain=0, members=0) -> "Tally":
        return cls(
            agree=agree or 0,
            disagree=disagree or 0,
            abstain=abstain or 0,
            members=members or 0,
            pass_fraction=council.vote_pass_fraction,
            quorum_fraction=council.vote_quorum_fraction,
        )

    @classmethod
    def from_votes(cls, council: Council, votes: list[tuple[CouncilMember, "ProposalVote | None"]]) -> "Tally":
        """From ``proposal_votes()``: every member with their vote or None."""
        choices = [vote.choice for _member, vote in votes if vote is not None]
        return cls.for_council(
            council,
            agree=choices.count(Choice.AGREE),
            disagree=choices.count(Choice.DISAGREE),
            abstain=choices.count(Choice.ABSTAIN),
            members=len(votes),
        )

    @property
    def cast(self) -> int:
        return self.agree + self.disagree + self.abstain

    @property
    def not_voted(self) -> int:
        return max(self.members - self.cast, 0)

    @property
    def quorum(self) -> int:
        """Members who must take part (an abstention counts as taking part)."""
        return quorum_needed(self.members, self.quorum_fraction)

    @property
    def has_quorum(self) -> bool:
        return self.members > 0 and self.cast >= self.quorum

    @property
    def agree_needed(self) -> int:
        """The fewest agree votes that are more than the threshold share of ALL members."""
        return agree_needed(self.members, self.pass_fraction)

    @property
    def passes(self) -> bool:
        return self.has_quorum and carries(self.agree, self.members, self.pass_fraction)

    def as_dict(self) -> dict:
        return {
            "agree": self.agree,
            "disagree": self.disagree,
            "abstain": self.abstain,
            "members": self.members,
            "quorum": self.quorum,
            "agree_needed": self.agree_needed,
        }


def tally_for(proposal: AwardProposal) -> Tally:
    return tallies_for([proposal])[proposal.pk]


def tallies_for(proposals: list[AwardProposal]) -> dict[int, Tally]:
    """proposal id → its tally, for proposals of one campaign, in three queries whatever
    their number."""
    if not proposals:
        return {}
    council = Council.objects.get(campaign_id=proposals[0].campaign_id)
    counts: dict[int, dict[str, int]] = {proposal.pk: {} for proposal in proposals}
    for row in ProposalVote.objects.filter(proposal_id__in=list(counts)).values("proposal_id", "choice").annotate(n=Count("pk")):
        counts[row["proposal_id"]][row["choice"]] = row["n"]
    members = council.members.count()
    return {
        pk: Tally.for_council(
            council,
            agree=choices.get(Choice.AGREE, 0),
            disagree=choices.get(Choice.DISAGREE, 0),
            abstain=choices.get(Choice.ABSTAIN, 0),
            members=members,
        )
        for pk, choices in counts.items()
    }
