"""Award proposals: drafting from finalised results, the vote workflow and its arithmetic.

The fixtures here (campaign, council, results, proposal...) are shared with
test_awards_pages.py, which imports them."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from evaluations import awards
from evaluations.awards import Tally
from evaluations.models import AwardProposal, ProposalVote, Result
from notifications.models import Notification
from tests.factories import (
    AwardProposalFactory,
    CampaignFactory,
    CouncilFactory,
    CouncilMemberFactory,
    DvkModelFactory,
    ExemplarFactory,
    RegistrationFactory,
    UserFactory,
)

Status = AwardProposal.Status


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is deliberately slow; these tests create many accounts and never log in by password.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def campaign(district):
    return CampaignFactory(owner=district, year=2020)


@pytest.fixture
def council(campaign):
    council = CouncilFactory(campaign=campaign, finalised_at=timezone.now())
    CouncilMemberFactory(council=council, position="chair", user=UserFactory(username="chutich", full_name="Phạm Văn Sơn"))
    for number, name in enumerate(["Hoàng Thị Lan", "Đỗ Quang Huy", "Ka Sô Liễng", "Bùi Thị Mai"], start=1):
        CouncilMemberFactory(council=council, user=UserFactory(username=f"thamdinh{number}", full_name=name))
    return council


@pytest.fixture
def members(council):
    return list(council.members.select_related("user").order_by("pk"))


def make_result(council, model, score, classification, rank, *, quorate=True):
    registration = RegistrationFactory(campaign=council.campaign, model=model, status="recognised")
    return Result.objects.create(
        registration=registration,
        council=council,
        sheet_count=5,
        eligible_count=5,
        mean=Decimal(score),
        median=Decimal(score),
        minimum=Decimal(score) - 3,
        maximum=Decimal(score) + 3,
        stdev=Decimal("2.10"),
        counted_score=Decimal(score),
        is_quorate=quorate,
        rank=rank,
        classification=classification,
    )


@pytest.fixture
def results(council, unit, other_unit):
    """Ka Đô's road model (xuất sắc), a Thạnh Mỹ exemplar (tốt), a fair and a failed model."""
    road = DvkModelFactory(unit=unit, name="Vận động hiến đất mở rộng đường liên thôn")
    elder = ExemplarFactory(
        unit=other_unit,
        name="Già làng vận động đồng bào giữ rừng",
        person_name="K'Brơi",
        person_position="Già làng thôn Kinh Tế Mới",
    )
    garden = DvkModelFactory(unit=other_unit, name="Vườn mẫu nông thôn mới")
    fence = DvkModelFactory(unit=unit, name="Hàng rào xanh")
    return {
        "excellent": make_result(council, road, "92.50", Result.Classification.EXCELLENT, 1),
        "good": make_result(council, elder, "84.00", Result.Classification.GOOD, 1),
        "fair": make_result(council, garden, "74.00", Result.Classification.FAIR, 2),
        "failed": make_result(council, fence, "61.00", Result.Classification.NOT_RECOGNISED, 3),
    }


@pytest.fixture
def proposal(council, results, staff_user):
    return AwardProposalFactory(
        registration=results["excellent"].registration, level=AwardProposal.Level.PROVINCE, created_by=staff_user
    )


@pytest.fixture
def voting_proposal(proposal, staff_user):
    awards.open_voting(proposal.campaign, [proposal.pk], by=staff_user)
    proposal.refresh_from_db()
    return proposal


def vote_all(proposal, members, choices):
    for member, choice in zip(members, choices, strict=False):
        if choice:
            awards.cast_vote(proposal, by=member.user, choice=choice)


# --- Drafting from results -------------------------------------------------------


def test_drafting_from_results_suggests_levels_by_classification(campaign, results, staff_user):
    created = awards.draft_proposals_from_results(campaign, by=staff_user)

    by_registration = {proposal.registration_id: proposal for proposal in created}
    assert len(created) == 2
    excellent = by_registration[results["excellent"].registration_id]
    good = by_registration[results["good"].registration_id]
    assert excellent.level == AwardProposal.Level.PROVINCE
    assert good.level == AwardProposal.Level.DISTRICT
    assert excellent.status == Status.DRAFT
    assert excellent.nominee == "Xã Ka Đô (mô hình “Vận động hiến đất mở rộng đường liên thôn”)"
    assert good.nominee == "K'Brơi, Già làng thôn Kinh Tế Mới, Thị trấn Thạnh Mỹ"
    assert "chấm 92,5 điểm, xếp loại Xuất sắc" in excellent.achievement
    assert AuditEntry.objects.filter(action="award_proposal.drafted").count() == 2


def test_drafting_twice_drafts_nothing_new(campaign, results, staff_user):
    awards.draft_proposals_from_results(campaign, by=staff_user)

    assert awards.draft_proposals_from_results(campaign, by=staff_user) == []
    assert AwardProposal.objects.count() == 2


def test_staff_may_choose_giay_khen_for_a_fair_result(campaign, results, staff_user):
    created = awards.draft_proposals_from_results(
        campaign, by=staff_user, levels={results["fair"].pk: AwardProposal.Level.DISTRICT, results["excellent"].pk: ""}
    )

    assert [(proposal.registration_id, proposal.level) for proposal in created] == [
        (results["fair"].registration_id, AwardProposal.Level.DISTRICT)
    ]


def test_proposing_a_not_recognised_result_is_refused_and_nothing_is_drafted(campaign, results, staff_user):
    levels = {results["excellent"].pk: AwardProposal.Level.PROVINCE, results["failed"].pk: AwardProposal.Level.DISTRICT}

    with pytest.raises(awards.TransitionNotAllowed):
        awards.draft_proposals_from_results(campaign, by=staff_user, levels=levels)
    assert AwardProposal.objects.count() == 0


def test_drafting_before_the_chair_finalises_is_refused(campaign, council, results, staff_user):
    council.finalised_at = None
    council.save()

    with pytest.raises(awards.ResultsNotFinalised):
        awards.draft_proposals_from_results(campaign, by=staff_user)
    assert AwardProposal.objects.count() == 0


def test_a_result_without_quorum_gets_no_suggested_level(council, unit):
    result = make_result(council, DvkModelFactory(unit=unit), "95", Result.Classification.EXCELLENT, 1, quorate=False)

    assert awards.suggested_level(result) is None


# --- Editing a draft ----------------------------------------------------------------


def test_editing_a_draft_changes_it_and_is_audited(proposal, staff_user):
    awards.update_proposal(
        proposal,
        by=staff_user,
        level=AwardProposal.Level.DISTRICT,
        nominee="  Nhân dân   thôn Ka Đô Mới ",
        achievement="Hiến 3.200 m² đất.",
    )

    proposal.refresh_from_db()
    assert (proposal.level, proposal.nominee, proposal.achievement) == (
        AwardProposal.Level.DISTRICT,
        "Nhân dân thôn Ka Đô Mới",
        "Hiến 3.200 m² đất.",
    )
    entry = AuditEntry.objects.get(action="award_proposal.edited")
    assert entry.before["level"] == AwardProposal.Level.PROVINCE


def test_a_stale_edit_is_refused_instead_of_overwriting(proposal, staff_user, board_head):
    seen = awards.proposal_fingerprint(proposal)
    awards.update_proposal(proposal, by=board_head, level=proposal.level, nominee="Bản của trưởng ban", achievement="")

    with pytest.raises(awards.StaleEdit):
        awards.update_proposal(
            proposal, by=staff_user, level=proposal.level, nominee="Bản của chuyên viên", achievement="", fingerprint=seen
        )
    proposal.refresh_from_db()
    assert proposal.nominee == "Bản của trưởng ban"


def test_a_proposal_under_vote_cannot_be_edited(voting_proposal, staff_user):
    with pytest.raises(awards.TransitionNotAllowed):
        awards.update_proposal(voting_proposal, by=staff_user, level=voting_proposal.level, nominee="Khác", achievement="")


# --- Vote arithmetic (pure) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("members", "agree", "disagree", "abstain", "passes"),
    [
        (5, 3, 2, 0, True),  # 3 > 5/2 and everyone voted
        (5, 3, 0, 2, True),
        (5, 2, 0, 3, False),  # quorum met, but 2 is not a majority of all five
        (5, 2, 1, 0, False),
        (5, 3, 0, 0, False),  # majority of all members, but only 3 of the 4 needed took part
        (5, 3, 1, 0, True),
        (5, 0, 0, 0, False),
        (4, 2, 2, 0, False),  # half is not more than half
        (4, 3, 0, 0, True),
        (3, 2, 0, 0, True),  # two thirds of 3 is 2, not 3
        (6, 4, 0, 0, True),
        (6, 3, 1, 0, False),
    ],
)
def test_an_item_passes_only_with_a_majority_of_all_members_and_a_quorum(members, agree, disagree, abstain, passes):
    tally = Tally(agree, disagree, abstain, members, Fraction(1, 2), Fraction(2, 3))

    assert tally.passes is passes


def test_thresholds_follow_the_campaign_settings():
    tally = Tally(3, 2, 0, 5, Fraction(2, 3), Fraction(1))

    assert (tally.agree_needed, tally.quorum, tally.passes) == (4, 5, False)


# --- The vote workflow ----------------------------------------------------------------


def test_three_agree_of_five_members_passes(voting_proposal, members, staff_user):
    vote_all(voting_proposal, members, ["agree", "agree", "agree", "disagree", "disagree"])

    [closed] = awards.close_voting(voting_proposal.campaign, [voting_proposal.pk], by=staff_user)

    assert closed.status == Status.PASSED
    entry = AuditEntry.objects.get(action="award_proposal.voting_closed")
    assert entry.after == {
        "status": "passed",
        "agree": 3,
        "disagree": 2,
        "abstain": 0,
        "members": 5,
        "quorum": 4,
        "agree_needed": 3,
    }


def test_two_agree_and_three_abstain_of_five_is_rejected(voting_proposal, members, staff_user):
    vote_all(voting_proposal, members, ["agree", "agree", "abstain", "abstain", "abstain"])

    [closed] = awards.close_voting(voting_proposal.campaign, [voting_proposal.pk], by=staff_user)

    assert closed.status == Status.REJECTED


def test_without_quorum_an_item_is_rejected_even_if_every_vote_agrees(voting_proposal, members, staff_user):
    vote_all(voting_proposal, members, ["agree", "agree", "agree"])

    [closed] = awards.close_voting(voting_proposal.campaign, [voting_proposal.pk], by=staff_user)

    assert closed.status == Status.REJECTED


def test_a_member_may_change_their_vote_while_voting_is_open(voting_proposal, members):
    member = members[1]
    awards.cast_vote(voting_proposal, by=member.user, choice="disagree")
    awards.cast_vote(voting_proposal, by=member.user, choice="agree")

    assert list(ProposalVote.objects.filter(proposal=voting_proposal).values_list("member_id", "choice")) == [
        (member.pk, "agree")
    ]
    entries = AuditEntry.objects.filter(action="award_proposal.vote_cast").order_by("sequence")
    assert [(entry.before, entry.after["choice"]) for entry in entries] == [(None, "disagree"), ("disagree", "agree")]


def test_voting_after_close_is_refused_and_the_count_stays(voting_proposal, members, staff_user):
    vote_all(voting_proposal, members, ["agree", "agree", "agree", "agree", "disagree"])
    awards.close_voting(voting_proposal.campaign, [voting_proposal.pk], by=staff_user)

    with pytest.raises(awards.VotingNotOpen):
        awards.cast_vote(voting_proposal, by=members[4].user, choice="agree")
    assert ProposalVote.objects.get(member=members[4]).choice == "disagree"


def test_voting_on_a_draft_is_refused(proposal, members):
    with pytest.raises(awards.VotingNotOpen):
        awards.cast_vote(proposal, by=members[0].user, choice="agree")
    assert ProposalVote.objects.count() == 0


def test_a_non_member_cannot_vote(voting_proposal, staff_user):
    with pytest.raises(awards.NotACouncilMember):
        awards.cast_vote(voting_proposal, by=staff_user, choice="agree")
    assert ProposalVote.objects.count() == 0


def test_a_member_of_another_campaigns_council_cannot_vote(voting_proposal, district):
    other_council = CouncilFactory(campaign=CampaignFactory(owner=district, year=2019))
    outsider = CouncilMemberFactory(council=other_council)

    with pytest.raises(awards.NotACouncilMember):
        awards.cast_vote(voting_proposal, by=outsider.user, choice="agree")


def test_an_unknown_choice_is_refused(voting_proposal, members):
    with pytest.raises(awards.AwardError):
        awards.cast_vote(voting_proposal, by=members[0].user, choice="yes")


def test_opening_many_is_all_or_nothing(campaign, results, staff_user):
    first, second = awards.draft_proposals_from_results(campaign, by=staff_user)
    awards.open_voting(campaign, [first.pk], by=staff_user)

    with pytest.raises(awards.TransitionNotAllowed):
        awards.open_voting(campaign, [first.pk, second.pk], by=staff_user)
    second.refresh_from_db()
    assert second.status == Status.DRAFT


def test_opening_many_opens_each_and_audits_each(campaign, results, staff_user):
    proposals = awards.draft_proposals_from_results(campaign, by=staff_user)

    awards.open_voting(campaign, [proposal.pk for proposal in proposals], by=staff_user)

    assert set(AwardProposal.objects.values_list("status", flat=True)) == {Status.VOTING}
    assert AuditEntry.objects.filter(action="award_proposal.voting_opened").count() == 2


def test_closing_a_draft_is_refused(proposal, staff_user):
    with pytest.raises(awards.TransitionNotAllowed):
        awards.close_voting(proposal.campaign, [proposal.pk], by=staff_user)


def test_a_proposal_of_another_campaign_is_not_touched(proposal, district, staff_user):
    other = CampaignFactory(owner=district, year=2021)

    with pytest.raises(awards.AwardError):
        awards.open_voting(other, [proposal.pk], by=staff_user)
    proposal.refresh_from_db()
    assert proposal.status == Status.DRAFT


# --- Decision -----------------------------------------------------------------------


@pytest.fixture
def passed_proposal(voting_proposal, members, staff_user):
    vote_all(voting_proposal, members, ["agree"] * 5)
    awards.close_voting(voting_proposal.campaign, [voting_proposal.pk], by=staff_user)
    voting_proposal.refresh_from_db()
    return voting_proposal


def test_recording_the_decision_of_a_passed_proposal(passed_proposal, staff_user):
    awards.record_decision(
        passed_proposal, by=staff_user, decision_number="2750/QĐ-UBND", decision_date=datetime.date(2020, 12, 10)
    )

    passed_proposal.refresh_from_db()
    assert (passed_proposal.status, passed_proposal.decision_number, passed_proposal.decision_date) == (
        Status.DECIDED,
        "2750/QĐ-UBND",
        datetime.date(2020, 12, 10),
    )
    assert AuditEntry.objects.get(action="award_proposal.decided").after["decision_date"] == "2020-12-10"


def test_a_rejected_proposal_gets_no_decision(voting_proposal, staff_user):
    awards.close_voting(voting_proposal.campaign, [voting_proposal.pk], by=staff_user)

    with pytest.raises(awards.TransitionNotAllowed):
        awards.record_decision(voting_proposal, by=staff_user, decision_number="1/QĐ", decision_date=datetime.date(2020, 12, 1))


def test_a_decision_dated_in_the_future_is_refused(passed_proposal, staff_user):
    with pytest.raises(awards.AwardError):
        awards.record_decision(
            passed_proposal,
            by=staff_user,
            decision_number="1/QĐ",
            decision_date=timezone.localdate() + datetime.timedelta(days=1),
        )
    passed_proposal.refresh_from_db()
    assert passed_proposal.status == Status.PASSED


def test_opening_voting_invites_every_council_member_to_the_proposal(proposal, members, staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        awards.open_voting(proposal.campaign, [proposal.pk], by=staff_user)
    invited = sorted(Notification.objects.values_list("user__username", "title", "url"))
    url = reverse("evaluations:proposal_vote", args=[proposal.pk])
    title = f"Mời biểu quyết đề nghị khen thưởng “{proposal.nominee}”"
    assert invited == sorted((member.user.username, title, url) for member in members)
