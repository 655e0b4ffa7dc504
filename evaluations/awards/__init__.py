"""Award proposals (đề nghị khen thưởng) with council votes, and nominations for the
commemorative medal "Vì sự nghiệp Dân vận". Callers import from here; the modules are
``exceptions``, ``rules``, ``votes``, ``selectors``, ``services`` and ``exports``."""

from ..models import AwardProposal, ProposalVote
from .exceptions import (
    AwardError,
    DuplicateMedalNomination,
    NotACouncilMember,
    ResultsNotFinalised,
    StaleEdit,
    TransitionNotAllowed,
    VotingNotOpen,
    duplicate_medal_message,
)
from .exports import MEDALS, PROPOSALS, medal_sheets, medals_workbook, proposal_sheets, proposals_workbook
from .rules import council_seat, manages_awards, reads_district_awards, sits_on_council
from .selectors import (
    award_campaigns_visible_to,
    council_members_in_order,
    earlier_medal_record,
    finalised_results,
    may_see_tally,
    medal_nominations_visible_to,
    medal_units,
    proposal_rows,
    proposal_votes,
    proposals_visible_to,
    with_vote_counts,
)
from .services import (
    SUGGESTED_LEVELS,
    cast_vote,
    close_voting,
    draft_proposals_from_results,
    is_proposable,
    mark_medal_nomination,
    nominate_for_medal,
    open_voting,
    proposal_fingerprint,
    record_decision,
    suggested_achievement,
    suggested_level,
    suggested_nominee,
    update_proposal,
)
from .votes import Tally, tallies_for, tally_for

Status = AwardProposal.Status
Level = AwardProposal.Level
Choice = ProposalVote.Choice

__all__ = [
    "AwardError",
    "TransitionNotAllowed",
    "ResultsNotFinalised",
    "NotACouncilMember",
    "VotingNotOpen",
    "StaleEdit",
    "DuplicateMedalNomination",
    "council_seat",
    "manages_awards",
    "reads_district_awards",
    "sits_on_council",
    "Tally",
    "tally_for",
    "tallies_for",
    "award_campaigns_visible_to",
    "proposals_visible_to",
    "with_vote_counts",
    "may_see_tally",
    "proposal_rows",
    "council_members_in_order",
    "proposal_votes",
    "finalised_results",
    "medal_nominations_visible_to",
    "medal_units",
    "earlier_medal_record",
    "duplicate_medal_message",
    "SUGGESTED_LEVELS",
    "suggested_level",
    "is_proposable",
    "suggested_nominee",
    "suggested_achievement",
    "proposal_fingerprint",
    "draft_proposals_from_results",
    "update_proposal",
    "open_voting",
    "cast_vote",
    "close_voting",
    "record_decision",
    "nominate_for_medal",
    "mark_medal_nomination",
    "proposal_sheets",
    "medal_sheets",
    "PROPOSALS",
    "MEDALS",
    "proposals_workbook",
    "medals_workbook",
    "Choice",
    "Level",
    "Status",
]
