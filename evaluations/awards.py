"""Award proposals (đề nghị khen thưởng) with council votes, and nominations for the
commemorative medal "Vì sự nghiệp Dân vận": permissions, reads and every state change.

Proposal workflow (DESIGN §7): draft → voting → passed | rejected; passed → decided.
"""

import hashlib
from dataclasses import dataclass
from fractions import Fraction

import rules
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts.collation import by_name
from accounts.models import Role, Unit
from accounts.rules import reads_organiser
from campaign.models import Campaign
from campaign.selectors import covering
from models.models import DvkModel

from .models import AwardProposal, Council, CouncilMember, MedalNomination, ProposalVote, Result
from .quorum import agree_needed, carries, quorum_needed
from .rules import is_staff_of_campaign

Status = AwardProposal.Status
Level = AwardProposal.Level
Choice = ProposalVote.Choice

# ---------------------------------------------------------------------------
# Domain exceptions
# ---------------------------------------------------------------------------


class AwardError(Exception):
    """A refused award or medal operation; the message is shown to the person who tried."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


class TransitionNotAllowed(AwardError):
    pass


class ResultsNotFinalised(AwardError):
    pass


class NotACouncilMember(AwardError):
    pass


class VotingNotOpen(AwardError):
    pass


class StaleEdit(AwardError):
    pass


class DuplicateMedalNomination(AwardError):
    """The person already holds the medal or has a pending nomination."""

    def __init__(self, earlier: MedalNomination):
        self.earlier = earlier
        super().__init__(duplicate_medal_message(earlier))


# ---------------------------------------------------------------------------
# Permissions (django-rules predicates on a campaign)
# ---------------------------------------------------------------------------


def council_seat(user, campaign: Campaign) -> CouncilMember | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return CouncilMember.objects.filter(council__campaign=campaign, user=user).select_related("council").first()


@rules.predicate
def manages_awards(user, campaign: Campaign) -> bool:
    return is_staff_of_campaign(user, campaign)


@rules.predicate
def reads_district_awards(user, campaign: Campaign) -> bool:
    """Staff and the organiser's leaders (viewers) read every proposal and medal nomination."""
    return reads_organiser(user, campaign)


@rules.predicate
def sits_on_council(user, campaign: Campaign) -> bool:
    return council_seat(user, campaign) is not None


rules.set_perm("evaluations.manage_awards", manages_awards)
rules.set_perm("evaluations.vote_on_proposals", sits_on_council)
rules.set_perm("evaluations.read_votes", reads_district_awards | sits_on_council)
rules.set_perm("evaluations.read_medals", reads_district_awards)

# ---------------------------------------------------------------------------
# Vote arithmetic
# ---------------------------------------------------------------------------


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
    for row in (
        ProposalVote.objects.filter(proposal_id__in=list(counts)).values("proposal_id", "choice").annotate(n=Count("pk"))
    ):
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


# ---------------------------------------------------------------------------
# Selectors
# ---------------------------------------------------------------------------


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


def duplicate_medal_message(earlier: MedalNomination) -> str:
    values = {
        "title": _("Ông") if earlier.gender == MedalNomination.Gender.MALE else _("Bà"),
        "name": earlier.full_name,
        "birth_year": earlier.birth_year,
        "unit": earlier.unit.name,
        "year": earlier.campaign.year,
        "status": earlier.get_status_display(),
        "date": timezone.localtime(earlier.created_at).strftime("%d/%m/%Y") if earlier.created_at else "",
    }
    if earlier.status == MedalNomination.Status.AWARDED:
        return (
            _(
                "%(title)s %(name)s (sinh năm %(birth_year)s, %(unit)s) đã được tặng Kỷ niệm chương "
                "“Vì sự nghiệp Dân vận” trong đợt xét năm %(year)s (trạng thái: %(status)s). "
                "Kỷ niệm chương chỉ tặng một lần cho mỗi người."
            )
            % values
        )
    return (
        _(
            "%(title)s %(name)s (sinh năm %(birth_year)s, %(unit)s) đã có đề nghị tặng Kỷ niệm chương "
            "trong đợt xét năm %(year)s, lập ngày %(date)s (trạng thái: %(status)s). "
            "Kỷ niệm chương chỉ tặng một lần cho mỗi người, không lập đề nghị thứ hai."
        )
        % values
    )


# ---------------------------------------------------------------------------
# Proposal services
# ---------------------------------------------------------------------------

SUGGESTED_LEVELS = {
    Result.Classification.EXCELLENT: Level.PROVINCE,
    Result.Classification.GOOD: Level.DISTRICT,
    # "Khá" is recognised but not proposed by default; staff may still choose Giấy khen.
    Result.Classification.FAIR: None,
}


def suggested_level(result: Result) -> str | None:
    """Xuất sắc → Bằng khen of the province, tốt → Giấy khen of the district, khá → none
    (staff may pick Giấy khen by hand); a result without quorum or not recognised → none."""
    if not is_proposable(result):
        return None
    return SUGGESTED_LEVELS.get(result.classification)


def is_proposable(result: Result) -> bool:
    return result.is_quorate and result.classification != Result.Classification.NOT_RECOGNISED


def suggested_nominee(registration) -> str:
    model = registration.model
    if model.kind == DvkModel.Kind.EXEMPLAR:
        parts = [model.person_name, model.person_position, registration.unit.name]
        return ", ".join(part for part in parts if part)
    return _("%(unit)s (mô hình “%(model)s”)") % {"unit": registration.unit.name, "model": model.name}


def _points_text(value) -> str:
    """92.50 → "92,5", 95.00 → "95": how a score reads in a Vietnamese sentence."""
    if value is None:
        return "–"
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def suggested_achievement(result: Result) -> str:
    registration = result.registration
    values = {
        "name": registration.model.name,
        "year": registration.campaign.year,
        "score": _points_text(result.counted_score),
        "classification": result.get_classification_display(),
    }
    if registration.model.kind == DvkModel.Kind.EXEMPLAR:
        return (
            _(
                "Điển hình “%(name)s”: có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo” năm %(year)s; "
                "Hội đồng thẩm định chấm %(score)s điểm, xếp loại %(classification)s."
            )
            % values
        )
    return (
        _(
            "Mô hình “%(name)s”: có thành tích trong phong trào thi đua “Dân vận khéo” năm %(year)s; "
            "Hội đồng thẩm định chấm %(score)s điểm, xếp loại %(classification)s."
        )
        % values
    )


def _proposal_state(proposal: AwardProposal) -> dict:
    return {
        "status": proposal.status,
        "level": proposal.level,
        "nominee": proposal.nominee,
        "achievement": proposal.achievement,
    }


def proposal_fingerprint(proposal: AwardProposal) -> str:
    """What the editor saw, so that a save over someone else's newer change is refused."""
    text = "\x1f".join([proposal.status, proposal.level, proposal.nominee, proposal.achievement])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def draft_proposals_from_results(campaign: Campaign, *, by, levels: dict[int, str] | None = None) -> list[AwardProposal]:
    """Draft one proposal per chosen result. ``levels`` maps result id → level ("" for
    none); without it every result gets its suggested level. Results that already have a
    proposal are left alone, so running it twice drafts nothing new."""
    with transaction.atomic():
        council = Council.objects.select_for_update().filter(campaign=campaign).first()
        if council is None or not council.is_finalised:
            raise ResultsNotFinalised(_("Chủ tịch Hội đồng chưa chốt kết quả thẩm định, chưa thể lập đề nghị khen thưởng."))
        already = set(AwardProposal.objects.filter(campaign=campaign).values_list("registration_id", flat=True))
        created = []
        for result in finalised_results(campaign).select_related("registration__campaign"):
            level = suggested_level(result) if levels is None else levels.get(result.pk) or None
            if not level or result.registration_id in already:
                continue
            if level not in Level.values:
                raise AwardError(_("Hình thức khen thưởng không hợp lệ."))
            if not is_proposable(result):
                raise TransitionNotAllowed(
                    _("“%(name)s” không được công nhận hoặc không đủ số phiếu, không thể đề nghị khen thưởng.")
                    % {"name": result.registration.model.name}
                )
            proposal = AwardProposal.objects.create(
                campaign=campaign,
                registration=result.registration,
                level=level,
                nominee=suggested_nominee(result.registration)[:300],
                achievement=suggested_achievement(result),
                created_by=by,
            )
            audit.record(by, "award_proposal.drafted", proposal, after=_proposal_state(proposal))
            created.append(proposal)
    return created


def update_proposal(
    proposal: AwardProposal, *, by, level: str, nominee: str, achievement: str, fingerprint: str = ""
) -> AwardProposal:
    """Edit a draft. ``fingerprint`` is what the editor loaded; if the proposal changed
    since, the save is refused rather than overwriting the other change."""
    with transaction.atomic():
        proposal = AwardProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != Status.DRAFT:
            raise TransitionNotAllowed(_("Chỉ sửa được đề nghị đang ở trạng thái dự thảo."))
        if fingerprint and fingerprint != proposal_fingerprint(proposal):
            raise StaleEdit(_("Đề nghị này vừa được người khác sửa. Hãy tải lại trang để xem nội dung mới rồi sửa tiếp."))
        nominee = " ".join(nominee.split())
        if not nominee:
            raise AwardError(_("Hãy ghi tên tập thể hoặc cá nhân được đề nghị."))
        before = _proposal_state(proposal)
        proposal.level = level
        proposal.nominee = nominee
        proposal.achievement = achievement.strip()
        try:
            with transaction.atomic():
                proposal.save(update_fields=["level", "nominee", "achievement"])
        except IntegrityError:
            raise AwardError(_("Mô hình, điển hình này đã có một đề nghị ở hình thức khen thưởng đó.")) from None
        audit.record(by, "award_proposal.edited", proposal, before=before, after=_proposal_state(proposal))
    return proposal


def _locked_proposals(campaign: Campaign, proposal_ids) -> list[AwardProposal]:
    proposals = list(
        AwardProposal.objects.select_for_update().filter(campaign=campaign, pk__in=list(proposal_ids)).order_by("pk")
    )
    if not proposals:
        raise AwardError(_("Hãy chọn ít nhất một đề nghị."))
    return proposals


def open_voting(campaign: Campaign, proposal_ids, *, by) -> list[AwardProposal]:
    """Put one or many draft proposals to the council's vote. All or none: if one of them
    is not a draft, nothing is opened."""
    with transaction.atomic():
        council = Council.objects.filter(campaign=campaign).first()
        if council is None or not council.members.exists():
            raise TransitionNotAllowed(_("Kế hoạch này chưa có Hội đồng thẩm định để biểu quyết."))
        proposals = _locked_proposals(campaign, proposal_ids)
        now = timezone.now()
        for proposal in proposals:
            if proposal.status != Status.DRAFT:
                raise TransitionNotAllowed(
                    _("“%(nominee)s” đang ở trạng thái “%(status)s”; chỉ mở biểu quyết cho đề nghị dự thảo.")
                    % {"nominee": proposal.nominee, "status": proposal.get_status_display()}
                )
            proposal.status = Status.VOTING
            proposal.voting_opened_at = now
            proposal.save(update_fields=["status", "voting_opened_at"])
            audit.record(by, "award_proposal.voting_opened", proposal, before=Status.DRAFT, after=Status.VOTING)
    return proposals


def cast_vote(proposal: AwardProposal, *, by, choice: str) -> ProposalVote:
    """Record (or change) a council member's vote while voting is open."""
    if choice not in Choice.values:
        raise AwardError(_("Hãy chọn Tán thành, Không tán thành hoặc Không biểu quyết."))
    with transaction.atomic():
        # Locking the proposal orders this vote before or after a concurrent close.
        proposal = AwardProposal.objects.select_for_update().get(pk=proposal.pk)
        seat = council_seat(by, proposal.campaign)
        if seat is None:
            raise NotACouncilMember(_("Chỉ thành viên Hội đồng thẩm định của kế hoạch này mới được biểu quyết."))
        if proposal.status != Status.VOTING:
            raise VotingNotOpen(
                _("Đề nghị này không trong thời gian biểu quyết (trạng thái: %(status)s).")
                % {"status": proposal.get_status_display()}
            )
        vote = ProposalVote.objects.filter(proposal=proposal, member=seat).first()
        before = vote.choice if vote else None
        if vote is None:
            vote = ProposalVote.objects.create(proposal=proposal, member=seat, choice=choice)
        elif vote.choice != choice:
            vote.choice = choice
            vote.save(update_fields=["choice", "cast_at"])
        if before != choice:
            audit.record(by, "award_proposal.vote_cast", proposal, before=before, after={"member": by.username, "choice": choice})
    return vote


def close_voting(campaign: Campaign, proposal_ids, *, by) -> list[AwardProposal]:
    """Count the votes of one or many proposals: passed when agree votes are more than the
    threshold share of ALL council members and enough members took part; else rejected."""
    with transaction.atomic():
        proposals = _locked_proposals(campaign, proposal_ids)
        for proposal in proposals:
            if proposal.status != Status.VOTING:
                raise TransitionNotAllowed(
                    _("“%(nominee)s” đang ở trạng thái “%(status)s”; chỉ kết thúc biểu quyết cho đề nghị đang biểu quyết.")
                    % {"nominee": proposal.nominee, "status": proposal.get_status_display()}
                )
        tallies = tallies_for(proposals)
        for proposal in proposals:
            tally = tallies[proposal.pk]
            proposal.status = Status.PASSED if tally.passes else Status.REJECTED
            proposal.voting_closed_at = timezone.now()
            proposal.save(update_fields=["status", "voting_closed_at"])
            audit.record(
                by,
                "award_proposal.voting_closed",
                proposal,
                before=Status.VOTING,
                after={"status": proposal.status, **tally.as_dict()},
            )
    return proposals


def record_decision(proposal: AwardProposal, *, by, decision_number: str, decision_date) -> AwardProposal:
    """The district or province has decided on a passed proposal: keep the number and date."""
    decision_number = " ".join((decision_number or "").split())
    if not decision_number or decision_date is None:
        raise AwardError(_("Hãy ghi số và ngày của quyết định khen thưởng."))
    if decision_date > timezone.localdate():
        raise AwardError(_("Ngày quyết định không thể sau ngày hôm nay."))
    with transaction.atomic():
        proposal = AwardProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.status != Status.PASSED:
            raise TransitionNotAllowed(_("Chỉ ghi quyết định cho đề nghị đã được Hội đồng thông qua."))
        proposal.status = Status.DECIDED
        proposal.decision_number = decision_number
        proposal.decision_date = decision_date
        proposal.save(update_fields=["status", "decision_number", "decision_date"])
        audit.record(
            by,
            "award_proposal.decided",
            proposal,
            before=Status.PASSED,
            after={"status": Status.DECIDED, "decision_number": decision_number, "decision_date": decision_date},
        )
    return proposal


# ---------------------------------------------------------------------------
# Medal services
# ---------------------------------------------------------------------------


def _nomination_state(nomination: MedalNomination) -> dict:
    return {
        "full_name": nomination.full_name,
        "birth_year": nomination.birth_year,
        "unit": nomination.unit.code,
        "status": nomination.status,
    }


def nominate_for_medal(
    campaign: Campaign,
    *,
    by,
    full_name: str,
    birth_year: int,
    gender: str,
    position: str,
    unit: Unit,
    years_in_work: int,
    achievements: str,
) -> MedalNomination:
    """Nominate a person for the medal. Refused, naming the earlier record, when the same
    person (name, birth year, unit) already holds it or has a pending nomination."""
    full_name = " ".join(full_name.split())
    if not medal_units(campaign).filter(pk=unit.pk).exists():
        raise AwardError(_("Đơn vị của người được đề nghị phải thuộc đơn vị tổ chức kế hoạch."))
    with transaction.atomic():
        earlier = earlier_medal_record(full_name, birth_year, unit.pk)
        if earlier is not None:
            raise DuplicateMedalNomination(earlier)
        nomination = MedalNomination(
            campaign=campaign,
            full_name=full_name,
            birth_year=birth_year,
            gender=gender,
            position=position.strip(),
            unit=unit,
            years_in_work=years_in_work,
            achievements=achievements.strip(),
            nominated_by=by,
        )
        try:
            with transaction.atomic():
                nomination.save()
        except IntegrityError:
            # A concurrent nomination of the same person won the race.
            earlier = earlier_medal_record(full_name, birth_year, unit.pk)
            if earlier is None:
                raise
            raise DuplicateMedalNomination(earlier) from None
        audit.record(by, "medal_nomination.created", nomination, after=_nomination_state(nomination))
    return nomination


def mark_medal_nomination(nomination: MedalNomination, *, by, status: str) -> MedalNomination:
    """Record the outcome of a pending nomination: awarded, or rejected (which frees the
    person for a later nomination)."""
    if status not in (MedalNomination.Status.AWARDED, MedalNomination.Status.REJECTED):
        raise AwardError(_("Trạng thái không hợp lệ."))
    with transaction.atomic():
        nomination = MedalNomination.objects.select_for_update().select_related("unit", "campaign").get(pk=nomination.pk)
        if nomination.status != MedalNomination.Status.PROPOSED:
            raise TransitionNotAllowed(_("Đề nghị này đã có kết quả (%(status)s).") % {"status": nomination.get_status_display()})
        before = nomination.status
        nomination.status = status
        nomination.save(update_fields=["status"])
        audit.record(by, "medal_nomination.marked", nomination, before=before, after=status)
    return nomination


# ---------------------------------------------------------------------------
# Excel exports (rows for accounts.xlsx.build_workbook)
# ---------------------------------------------------------------------------


def _day(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def proposal_sheets(campaign: Campaign) -> list[tuple[str, list[str], list[list]]]:
    """The proposals with each member's vote and the tally, and the votes one per row."""
    council = Council.objects.filter(campaign=campaign).first()
    members = council_members_in_order({"council": council}) if council else []
    proposals = (
        AwardProposal.objects.filter(campaign=campaign)
        .select_related("registration__unit", "registration__model", "registration__result")
        .prefetch_related("votes")
        .order_by("-level", by_name("registration__unit__name"), "pk")
    )
    headers = [
        _("STT"),
        _("Hình thức khen thưởng"),
        _("Tập thể, cá nhân được đề nghị"),
        _("Đơn vị"),
        _("Mô hình, điển hình"),
        _("Điểm xét"),
        _("Xếp loại"),
        _("Thành tích"),
        _("Trạng thái"),
        _("Tán thành"),
        _("Không tán thành"),
        _("Không biểu quyết"),
        _("Chưa biểu quyết"),
        _("Tổng số thành viên"),
        _("Số phiếu tán thành cần có"),
        *[f"{member.user} ({member.get_position_display()})" for member in members],
        _("Số quyết định"),
        _("Ngày quyết định"),
    ]
    rows, vote_rows = [], []
    for number, proposal in enumerate(proposals, start=1):
        votes = {vote.member_id: vote for vote in proposal.votes.all()}
        counts = {choice: sum(1 for vote in votes.values() if vote.choice == choice) for choice in Choice.values}
        tally = (
            Tally.for_council(
                council,
                agree=counts[Choice.AGREE],
                disagree=counts[Choice.DISAGREE],
                abstain=counts[Choice.ABSTAIN],
                members=len(members),
            )
            if council
            else None
        )
        result = getattr(proposal.registration, "result", None)
        rows.append(
            [
                number,
                proposal.get_level_display(),
                proposal.nominee,
                proposal.registration.unit.name,
                proposal.registration.model.name,
                result.counted_score if result else None,
                result.get_classification_display() if result else "",
                proposal.achievement,
                proposal.get_status_display(),
                tally.agree if tally else 0,
                tally.disagree if tally else 0,
                tally.abstain if tally else 0,
                tally.not_voted if tally else 0,
                tally.members if tally else 0,
                tally.agree_needed if tally else None,
                *[votes[member.pk].get_choice_display() if member.pk in votes else "" for member in members],
                proposal.decision_number,
                _day(proposal.decision_date),
            ]
        )
        for member in members:
            vote = votes.get(member.pk)
            vote_rows.append(
                [
                    proposal.nominee,
                    str(member.user),
                    member.get_position_display(),
                    member.represents,
                    vote.get_choice_display() if vote else _("Chưa biểu quyết"),
                    timezone.localtime(vote.cast_at).strftime("%d/%m/%Y %H:%M") if vote else "",
                ]
            )
    vote_headers = [_("Đề nghị"), _("Thành viên"), _("Chức danh"), _("Cơ quan, đơn vị đại diện"), _("Biểu quyết"), _("Thời điểm")]
    return [(_("Đề nghị khen thưởng"), headers, rows), (_("Phiếu biểu quyết"), vote_headers, vote_rows)]


def medal_sheets(campaign: Campaign) -> list[tuple[str, list[str], list[list]]]:
    nominations = (
        MedalNomination.objects.filter(campaign=campaign)
        .select_related("unit", "nominated_by")
        .order_by(by_name("unit__name"), by_name("full_name"))
    )
    headers = [
        _("STT"),
        _("Họ và tên"),
        _("Năm sinh"),
        _("Giới tính"),
        _("Chức vụ"),
        _("Đơn vị"),
        _("Số năm làm công tác dân vận"),
        _("Thành tích"),
        _("Trạng thái"),
        _("Người lập"),
        _("Ngày lập"),
    ]
    rows = [
        [
            number,
            nomination.full_name,
            nomination.birth_year,
            nomination.get_gender_display(),
            nomination.position,
            nomination.unit.name,
            nomination.years_in_work,
            nomination.achievements,
            nomination.get_status_display(),
            str(nomination.nominated_by),
            timezone.localtime(nomination.created_at).strftime("%d/%m/%Y"),
        ]
        for number, nomination in enumerate(nominations, start=1)
    ]
    return [(_("Kỷ niệm chương"), headers, rows)]
