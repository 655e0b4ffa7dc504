"""Award proposal pages: who sees what, the vote form, bulk actions, the Excel export and
query counts."""


import pytest
from django.urls import reverse

from evaluations import awards
from evaluations.models import AwardProposal, ProposalVote
from tests.evaluations import test_awards as shared
from tests.evaluations.test_awards import make_result, vote_all
from tests.exports import exported, workbook_of
from tests.factories import (
    AwardProposalFactory,
    CampaignFactory,
    CouncilFactory,
    DvkModelFactory,
    MembershipFactory,
    ProposalVoteFactory,
    UnitFactory,
    UserFactory,
)

# Fixtures shared with the service tests.
_fast_password_hashing = shared._fast_password_hashing
campaign = shared.campaign
council = shared.council
members = shared.members
passed_proposal = shared.passed_proposal
proposal = shared.proposal
results = shared.results
voting_proposal = shared.voting_proposal

Status = AwardProposal.Status


def list_url(campaign):
    return f"{reverse('evaluations:proposals')}?campaign={campaign.pk}"


@pytest.fixture
def member_client(client, members):
    client.force_login(members[1].user)
    return client


def test_anonymous_visitors_are_sent_to_login(client, campaign):
    response = client.get(list_url(campaign))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_staff_see_every_proposal_with_its_tally(staff_client, voting_proposal, members):
    vote_all(voting_proposal, members, ["agree", "agree", "disagree"])

    response = staff_client.get(list_url(voting_proposal.campaign))

    assert response.status_code == 200
    [row] = response.context["proposals"]
    assert (row.tally.agree, row.tally.disagree, row.tally.not_voted, row.tally_visible) == (2, 1, 2, True)
    assert "Xã Ka Đô (mô hình" in response.content.decode()


def test_without_a_campaign_parameter_the_latest_campaign_is_shown(staff_client, proposal, district):
    CampaignFactory(owner=district, year=2019)

    response = staff_client.get(reverse("evaluations:proposals"))

    assert response.context["campaign"] == proposal.campaign


def test_a_member_sees_the_tally_only_after_voting(member_client, voting_proposal, members):
    awards.cast_vote(voting_proposal, by=members[0].user, choice="agree")

    before = member_client.get(list_url(voting_proposal.campaign))
    assert before.context["proposals"][0].tally_visible is False
    assert "Hiện sau khi bạn biểu quyết" in before.content.decode()

    member_client.post(reverse("evaluations:proposal_vote", args=[voting_proposal.pk]), {"choice": "agree"})
    after = member_client.get(list_url(voting_proposal.campaign))
    row = after.context["proposals"][0]
    assert (row.tally_visible, row.tally.agree, row.my_vote) == (True, 2, "agree")


def test_a_member_sees_the_tally_once_voting_is_closed_without_having_voted(member_client, voting_proposal, staff_user):
    awards.close_voting(voting_proposal.campaign, [voting_proposal.pk], by=staff_user)

    response = member_client.get(reverse("evaluations:proposal_vote", args=[voting_proposal.pk]))

    assert response.context["tally_visible"] is True


def test_a_member_votes_and_changes_the_vote_through_the_page(member_client, voting_proposal, members):
    url = reverse("evaluations:proposal_vote", args=[voting_proposal.pk])

    assert member_client.post(url, {"choice": "disagree"}).status_code == 302
    assert member_client.post(url, {"choice": "abstain"}).status_code == 302

    assert list(ProposalVote.objects.values_list("member_id", "choice")) == [(members[1].pk, "abstain")]
    page = member_client.get(url)
    assert page.context["my_vote"].choice == "abstain"
    assert page.context["form"].initial == {"choice": "abstain"}


def test_a_vote_without_a_choice_is_a_form_error(member_client, voting_proposal):
    response = member_client.post(reverse("evaluations:proposal_vote", args=[voting_proposal.pk]), {})

    assert response.status_code == 200
    assert "Hãy chọn Tán thành, Không tán thành hoặc Không biểu quyết." in response.content.decode()
    assert ProposalVote.objects.count() == 0


def test_a_vote_after_close_is_refused_with_a_message(member_client, voting_proposal, staff_user):
    awards.close_voting(voting_proposal.campaign, [voting_proposal.pk], by=staff_user)

    response = member_client.post(
        reverse("evaluations:proposal_vote", args=[voting_proposal.pk]), {"choice": "agree"}, follow=True
    )

    assert "không trong thời gian biểu quyết" in response.content.decode()
    assert ProposalVote.objects.count() == 0


def test_staff_who_are_not_members_cannot_vote(staff_client, voting_proposal):
    response = staff_client.post(reverse("evaluations:proposal_vote", args=[voting_proposal.pk]), {"choice": "agree"})

    assert response.status_code == 403
    assert ProposalVote.objects.count() == 0


def test_staff_of_another_district_get_404(client, other_district, voting_proposal):
    stranger = UserFactory(username="bdv-lacduong")
    MembershipFactory(user=stranger, unit=other_district, role="district_staff")
    client.force_login(stranger)

    assert client.get(list_url(voting_proposal.campaign)).status_code == 404
    assert client.get(reverse("evaluations:proposal_vote", args=[voting_proposal.pk])).status_code == 404
    assert client.post(reverse("evaluations:proposal_vote", args=[voting_proposal.pk]), {"choice": "agree"}).status_code == 404
    assert client.get(reverse("evaluations:export_proposals", args=[voting_proposal.campaign.pk])).status_code == 404
    assert client.post(reverse("evaluations:export_proposals", args=[voting_proposal.campaign.pk])).status_code == 404


def test_a_focal_point_sees_only_its_own_units_passed_proposals(focal_client, passed_proposal, council, other_unit):
    foreign = AwardProposalFactory(
        registration=make_result(council, DvkModelFactory(unit=other_unit), "91", "excellent", 2).registration,
        status=Status.PASSED,
    )
    draft_of_own_unit = AwardProposalFactory(
        registration=make_result(council, DvkModelFactory(unit=passed_proposal.registration.unit), "85", "good", 3).registration
    )

    response = focal_client.get(list_url(passed_proposal.campaign))

    assert [row.pk for row in response.context["proposals"]] == [passed_proposal.pk]
    assert response.context["proposals"][0].tally_visible is False
    assert focal_client.get(reverse("evaluations:proposal_vote", args=[passed_proposal.pk])).status_code == 200
    assert focal_client.get(reverse("evaluations:proposal_vote", args=[foreign.pk])).status_code == 404
    assert focal_client.get(reverse("evaluations:proposal_vote", args=[draft_of_own_unit.pk])).status_code == 404
    assert focal_client.get(reverse("evaluations:proposal_edit", args=[passed_proposal.pk])).status_code == 403
    assert focal_client.get(reverse("evaluations:export_proposals", args=[passed_proposal.campaign.pk])).status_code == 403
    assert focal_client.post(reverse("evaluations:export_proposals", args=[passed_proposal.campaign.pk])).status_code == 403


def test_a_user_with_no_role_gets_404(client, proposal):
    client.force_login(UserFactory(username="nguoi-dan"))

    assert client.get(list_url(proposal.campaign)).status_code == 404
    assert client.get(reverse("evaluations:proposal_vote", args=[proposal.pk])).status_code == 404


def test_members_cannot_manage(member_client, proposal):
    campaign_pk = proposal.campaign.pk

    assert member_client.get(reverse("evaluations:proposal_edit", args=[proposal.pk])).status_code == 403
    assert member_client.get(reverse("evaluations:proposal_draft_from_results", args=[campaign_pk])).status_code == 403
    assert (
        member_client.post(
            reverse("evaluations:proposal_open_voting", args=[campaign_pk]), {"proposal": [proposal.pk]}
        ).status_code
        == 403
    )
    proposal.refresh_from_db()
    assert proposal.status == Status.DRAFT


def test_staff_draft_proposals_from_results_on_the_page(staff_client, campaign, results):
    url = reverse("evaluations:proposal_draft_from_results", args=[campaign.pk])

    page = staff_client.get(url)
    form = page.context["form"]
    assert form[f"level_{results['excellent'].pk}"].value() == "bang_khen"
    assert form[f"level_{results['good'].pk}"].value() == "giay_khen"
    assert form[f"level_{results['fair'].pk}"].value() == ""

    response = staff_client.post(
        url,
        {
            f"level_{results['excellent'].pk}": "bang_khen",
            f"level_{results['good'].pk}": "",
            f"level_{results['fair'].pk}": "giay_khen",
            f"level_{results['failed'].pk}": "giay_khen",  # disabled field: ignored
        },
    )

    assert response.status_code == 302
    assert sorted(AwardProposal.objects.values_list("registration_id", "level")) == sorted(
        [(results["excellent"].registration_id, "bang_khen"), (results["fair"].registration_id, "giay_khen")]
    )


def test_staff_open_and_close_voting_in_bulk(staff_client, campaign, results, staff_user, members):
    first, second = awards.draft_proposals_from_results(campaign, by=staff_user)

    staff_client.post(reverse("evaluations:proposal_open_voting", args=[campaign.pk]), {"proposal": [first.pk, second.pk]})
    assert set(AwardProposal.objects.values_list("status", flat=True)) == {Status.VOTING}

    vote_all(first, members, ["agree", "agree", "agree", "agree", "disagree"])
    vote_all(second, members, ["agree", "disagree", "disagree", "abstain", "abstain"])
    response = staff_client.post(
        reverse("evaluations:proposal_close_voting", args=[campaign.pk]), {"proposal": [first.pk, second.pk]}, follow=True
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.PASSED, Status.REJECTED)
    assert "1 được thông qua, 1 không được thông qua" in response.content.decode()


def test_a_bulk_action_without_a_selection_says_so(staff_client, proposal):
    response = staff_client.post(reverse("evaluations:proposal_open_voting", args=[proposal.campaign.pk]), {}, follow=True)

    assert "Hãy chọn ít nhất một đề nghị." in response.content.decode()


def test_the_edit_form_keeps_what_was_typed_on_error(staff_client, proposal):
    url = reverse("evaluations:proposal_edit", args=[proposal.pk])
    fingerprint = staff_client.get(url).context["form"].initial["fingerprint"]

    response = staff_client.post(
        url, {"level": "giay_khen", "nominee": "   ", "achievement": "Vận động 45 hộ hiến đất", "fingerprint": fingerprint}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "Hãy ghi tên tập thể hoặc cá nhân được đề nghị." in content
    assert "Vận động 45 hộ hiến đất" in content
    proposal.refresh_from_db()
    assert proposal.level == "bang_khen"


def test_the_edit_form_refuses_a_stale_save(staff_client, proposal, board_head):
    url = reverse("evaluations:proposal_edit", args=[proposal.pk])
    fingerprint = staff_client.get(url).context["form"].initial["fingerprint"]
    awards.update_proposal(proposal, by=board_head, level="bang_khen", nominee="Sửa trước", achievement="")

    response = staff_client.post(url, {"level": "giay_khen", "nominee": "Sửa sau", "achievement": "", "fingerprint": fingerprint})

    assert "vừa được người khác sửa" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.nominee == "Sửa trước"


def test_the_decision_form_reads_dd_mm_yyyy_and_refuses_nonsense(staff_client, passed_proposal):
    url = reverse("evaluations:proposal_decide", args=[passed_proposal.pk])

    bad = staff_client.post(url, {"decision_number": "2750/QĐ-UBND", "decision_date": "31/02/2020"})
    assert "Ngày không hợp lệ" in bad.content.decode()
    assert 'value="2750/QĐ-UBND"' in bad.content.decode()

    good = staff_client.post(url, {"decision_number": "2750/QĐ-UBND", "decision_date": "10/12/2020"})
    assert good.status_code == 302
    passed_proposal.refresh_from_db()
    assert (passed_proposal.status, passed_proposal.decision_date.isoformat()) == (Status.DECIDED, "2020-12-10")


def test_export_lists_each_members_vote_and_the_tally(staff_client, passed_proposal, members):
    workbook = workbook_of(exported(staff_client, reverse("evaluations:export_proposals", args=[passed_proposal.campaign.pk])))
    assert workbook.sheetnames == ["Đề nghị khen thưởng", "Phiếu biểu quyết"]
    sheet = workbook["Đề nghị khen thưởng"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:4] == ["STT", "Hình thức khen thưởng", "Tập thể, cá nhân được đề nghị", "Đơn vị"]
    assert "Phạm Văn Sơn (Chủ tịch)" in headers
    row = dict(zip(headers, [cell.value for cell in sheet[2]], strict=True))
    assert row["Trạng thái"] == "Được thông qua"
    assert (row["Tán thành"], row["Không tán thành"], row["Chưa biểu quyết"], row["Tổng số thành viên"]) == (5, 0, 0, 5)
    assert row["Phạm Văn Sơn (Chủ tịch)"] == "Tán thành"
    votes = workbook["Phiếu biểu quyết"]
    assert [cell.value for cell in votes[1]] == [
        "Đề nghị",
        "Thành viên",
        "Chức danh",
        "Cơ quan, đơn vị đại diện",
        "Biểu quyết",
        "Thời điểm",
    ]
    assert votes.max_row == 6


def _make_proposals(campaign, council, members, count):
    unit = UnitFactory(kind="commune", parent=campaign.owner)
    for number in range(count):
        result = make_result(council, DvkModelFactory(unit=unit, name=f"Mô hình {number}"), "85", "good", number + 1)
        proposal = AwardProposalFactory(registration=result.registration, status=Status.VOTING)
        for member in members[:3]:
            ProposalVoteFactory(proposal=proposal, member=member, choice="agree")


@pytest.mark.parametrize("who", ["staff", "member"])
def test_the_proposals_list_runs_the_same_queries_at_3_and_30_rows(
    who, client, staff_user, campaign, council, members, django_assert_max_num_queries
):
    client.force_login(staff_user if who == "staff" else members[0].user)
    _make_proposals(campaign, council, members, 3)
    with django_assert_max_num_queries(11) as small:
        assert client.get(list_url(campaign)).status_code == 200
    _make_proposals(campaign, council, members, 27)
    with django_assert_max_num_queries(11) as large:
        response = client.get(list_url(campaign))
    assert len(response.context["proposals"]) == 30
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_detail_page_runs_the_same_queries_whatever_the_votes(
    client, voting_proposal, members, django_assert_max_num_queries
):
    client.force_login(members[0].user)
    url = reverse("evaluations:proposal_vote", args=[voting_proposal.pk])
    with django_assert_max_num_queries(10) as none_cast:
        client.get(url)
    vote_all(voting_proposal, members, ["agree"] * 5)
    with django_assert_max_num_queries(10) as all_cast:
        client.get(url)
    assert len(all_cast.captured_queries) == len(none_cast.captured_queries)


def test_a_campaign_without_council_shows_a_warning(staff_client, district):
    campaign = CampaignFactory(owner=district, year=2021)

    response = staff_client.get(list_url(campaign))

    assert "chưa có Hội đồng thẩm định" in response.content.decode()
    assert CouncilFactory._meta.model.objects.filter(campaign=campaign).count() == 0
