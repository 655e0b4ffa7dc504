"""Every change of award proposals (draft → voting → passed | rejected; passed →
decided) and of medal nominations: locked, audited, one function per step."""

import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts.formatting import vn_score
from accounts.models import Unit
from campaign.models import Campaign
from models.models import DvkModel

from ..models import AwardProposal, Council, MedalNomination, ProposalVote, Result
from . import selectors
from .exceptions import (
    AwardError,
    DuplicateMedalNomination,
    NotACouncilMember,
    ResultsNotFinalised,
    StaleEdit,
    TransitionNotAllowed,
    VotingNotOpen,
)
from .rules import council_seat
from .selectors import finalised_results, medal_units
from .votes import tallies_for

Status = AwardProposal.Status
Level = AwardProposal.Level
Choice = ProposalVote.Choice


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


def suggested_achievement(result: Result) -> str:
    registration = result.registration
    values = {
        "name": registration.model.name,
        "year": registration.campaign.year,
        "score": vn_score(result.counted_score),
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


# Medal nominations --------------------------------------------------------------


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
        earlier = selectors.earlier_medal_record(full_name, birth_year, unit.pk)
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
            earlier = selectors.earlier_medal_record(full_name, birth_year, unit.pk)
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
