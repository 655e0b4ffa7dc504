"""Reads of award proposals, votes and medal nominations, scoped to the user."""

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from accounts.collation import by_name
from accounts.models import Role, Unit
from campaign.models import Campaign
from campaign.selectors import covering

from ..models import AwardProposal, Council, CouncilMember, MedalNomination, ProposalVote, Result
from .rules import reads_district_awards
from .votes import Tally

Status = AwardProposal.Status
Choice = ProposalVote.Choice


def _seat_campaign_ids(user):
    return CouncilMember.objects.filter(user=user).values("council__campaign_id")


def award_campaigns_visible_to(user) -> QuerySet[Campaign]:
    """Campaigns whose award pages the user may open (what they see inside is scoped again)."""
    if not getattr(user, "is_authenticated", False):
        return Campaign.objects.none()
    visible = Q(owner_id__in=user.reader_organiser_ids()) | Q(pk__in=_seat_campaign_ids(user))
    visible |= covering(user.member_units((Role.FOCAL_POINT,)))
    return Campaign.objects.filter(visible).exclude(status=Campaign.Status.DRAFT).select_related("owner")


def proposals_visible_to(user) -> QuerySet[AwardProposal]:
    """Staff and viewers of the district and council members read every proposal of the
    campaign; a focal point reads only its own units' passed or decided ones."""
    qs = AwardProposal.objects.select_related("campaign", "registration__unit", "registration__model", "registration__result")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    visible = Q(campaign__owner_id__in=user.reader_organiser_ids()) | Q(campaign_id__in=_seat_campaign_ids(user))
    focal_units = user.focal_unit_ids()
    if focal_units:
        visible |= Q(registration__unit_id__in=focal_units, status__in=(Status.PASSED, Status.DECIDED))
    return qs.filter(visible)


def with_vote_counts(qs: QuerySet[AwardProposal], user) -> QuerySet[AwardProposal]:
    my_vote = ProposalVote.objects.filter(proposal=OuterRef("pk"), member__user=user).values("choice")[:1]
    return qs.annotate(
        agree_count=Count("votes", filter=Q(votes__choice=Choice.AGREE)),
        disagree_count=Count("votes", filter=Q(votes__choice=Choice.DISAGREE)),
        abstain_count=Count("votes", filter=Q(votes__choice=Choice.ABSTAIN)),
        my_vote=Subquery(my_vote),
    )


def may_see_tally(proposal: AwardProposal, *, reads_all: bool, seat: CouncilMember | None, my_vote: str | None) -> bool:
    """A member sees the count only after casting a vote or once voting has closed, so
    that early counts do not sway the rest."""
    if reads_all:
        return True
    if seat is None:
        return False
    return bool(my_vote) or proposal.status not in (Status.DRAFT, Status.VOTING)


def proposal_rows(
    user, campaign: Campaign, council: Council | None, *, seat: CouncilMember | None, member_count: int, status: str = ""
) -> list[AwardProposal]:
    """The proposals list of one campaign, each with its tally (when the user may see it)
    and the user's own vote. A fixed number of queries whatever the number of rows."""
    qs = with_vote_counts(proposals_visible_to(user).filter(campaign=campaign), user)
    if status:
        qs = qs.filter(status=status)
    rows = list(qs.order_by("-level", by_name("registration__unit__name"), "pk"))
    reads_all = reads_district_awards(user, campaign)
    for proposal in rows:
        proposal.tally = (
            Tally.for_council(
                council,
                agree=proposal.agree_count,
                disagree=proposal.disagree_count,
                abstain=proposal.abstain_count,
                members=member_count,
            )
            if council
            else None
        )
        proposal.tally_visible = council is not None and may_see_tally(
            proposal, reads_all=reads_all, seat=seat, my_vote=proposal.my_vote
        )
        proposal.my_vote_label = Choice(proposal.my_vote).label if proposal.my_vote else ""
    return rows


def council_members_in_order(council_or_campaign_filter: dict) -> list[CouncilMember]:
    """Chair, vice-chairs, secretary, then members, as a minutes lists them."""
    rank = {position: index for index, position in enumerate(CouncilMember.Position.values)}
    members = CouncilMember.objects.filter(**council_or_campaign_filter).select_related("user")
    return sorted(members, key=lambda member: (rank.get(member.position, len(rank)), member.pk))


def proposal_votes(proposal: AwardProposal) -> list[tuple[CouncilMember, ProposalVote | None]]:
    """Every council member with their vote on the proposal (None: not voted)."""
    votes = {vote.member_id: vote for vote in proposal.votes.all()}
    members = council_members_in_order({"council__campaign_id": proposal.campaign_id})
    return [(member, votes.get(member.pk)) for member in members]


def finalised_results(campaign: Campaign) -> QuerySet[Result]:
    return (
        Result.objects.filter(council__campaign=campaign)
        .select_related("registration__unit", "registration__model")
        .order_by("registration__model__kind", "rank", "pk")
    )


def medal_nominations_visible_to(user) -> QuerySet[MedalNomination]:
    """Staff and viewers read the district's nominations; a focal point reads only its own
    units' nominations once the medal is awarded."""
    qs = MedalNomination.objects.select_related("campaign", "unit", "nominated_by")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    visible = Q(campaign__owner_id__in=user.reader_organiser_ids())
    focal_units = user.focal_unit_ids()
    if focal_units:
        visible |= Q(unit_id__in=focal_units, status=MedalNomination.Status.AWARDED)
    return qs.filter(visible)


def medal_units(campaign: Campaign) -> QuerySet[Unit]:
    """Units a nominee may come from: the organiser (its Board) and every unit under it."""
    return Unit.objects.within([campaign.owner]).filter(is_active=True).order_by("depth", "kind", by_name())


def earlier_medal_record(full_name: str, birth_year, unit_id, *, exclude_pk=None) -> MedalNomination | None:
    """The earlier award or the pending nomination that makes a new one for this person
    a second medal: same normalised name, birth year and unit, in any campaign."""
    qs = (
        MedalNomination.objects.filter(name_key=MedalNomination.make_name_key(full_name), birth_year=birth_year, unit_id=unit_id)
        .exclude(status=MedalNomination.Status.REJECTED)
        .select_related("campaign", "unit")
        .order_by("campaign__year", "pk")
    )
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    records = list(qs)
    awarded = [record for record in records if record.status == MedalNomination.Status.AWARDED]
    return (awarded or records or [None])[0]
