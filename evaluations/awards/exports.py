"""The award and medal workbooks: rows for accounts.xlsx.build_workbook, and the
builders of their background export (accounts.exports)."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.collation import by_name
from accounts.exports import Workbook
from campaign.models import Campaign

from ..models import AwardProposal, Council, MedalNomination, ProposalVote
from .rules import reads_district_awards
from .selectors import award_campaigns_visible_to, council_members_in_order
from .votes import Tally

PROPOSALS = "award_proposals"
MEDALS = "award_medals"

Choice = ProposalVote.Choice


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


def _campaign_for(user, params: dict) -> Campaign:
    """The campaign, if ``user`` may still read every proposal and nomination of it."""
    campaign = award_campaigns_visible_to(user).get(pk=params["campaign"])
    if not reads_district_awards(user, campaign):
        raise PermissionDenied
    return campaign


def proposals_workbook(user, params: dict) -> Workbook:
    campaign = _campaign_for(user, params)
    return Workbook(f"de-nghi-khen-thuong-{campaign.year}-{timezone.localdate():%Y%m%d}.xlsx", proposal_sheets(campaign))


def medals_workbook(user, params: dict) -> Workbook:
    campaign = _campaign_for(user, params)
    return Workbook(f"ky-niem-chuong-{campaign.year}-{timezone.localdate():%Y%m%d}.xlsx", medal_sheets(campaign))
