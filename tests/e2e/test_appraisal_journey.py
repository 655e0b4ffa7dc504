"""The appraisal in a real browser: a council member scores in the browser (draft, live
running total, submit), the chair finalises, district staff draft award proposals and
open the vote, members vote online, and the passing item shows as passed."""

import re

from accounts.demo import seed
from accounts.models import Unit, User
from evaluations import awards, services
from evaluations.models import AwardProposal, CouncilMember, Criterion
from registrations.models import ProgressReport, Status
from tests.e2e.conftest import login, logout
from tests.factories import CampaignFactory, DvkModelFactory, ProgressReportFactory, RegistrationFactory

EXCELLENT = [19, 19, 24, 14, 19]  # 95: xuất sắc → Bằng khen of the province
GOOD = [17, 17, 21, 12.5, 17.5]  # 85: tốt → Giấy khen of the district


def nominated_registration(campaign, unit, name, staff):
    registration = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name=name), status=Status.ACCEPTED)
    ProgressReportFactory(registration=registration, kind=ProgressReport.Kind.FINAL, status=ProgressReport.ReportStatus.SUBMITTED)
    outcome = services.nominate(campaign, [registration], by=staff)
    assert outcome.nominated == [registration], outcome.refused
    return registration


def submit_sheet(member, registration, values):
    criteria = Criterion.objects.filter(
        criteria_set__campaign=registration.campaign, criteria_set__kind=registration.model.kind
    ).order_by("order")
    points = {criterion.pk: str(value) for criterion, value in zip(criteria, values, strict=True)}
    assignment = member.assignments.get(registration=registration)
    services.submit_scoresheet(assignment, points=points, version=0, by=member.user)


def appraisal_ready_to_score():
    """The 2020 Đơn Dương campaign with its council (chutich + thamdinh1–4) and two
    nominated models; every member but thamdinh1 has submitted both sheets."""
    seed()
    staff = User.objects.get(username="bdv")
    campaign = CampaignFactory(owner=Unit.objects.get(code="DD"), year=2020)
    council = services.ensure_council(campaign, by=staff)
    services.ensure_default_criteria(campaign, by=staff)
    positions = {"chutich": CouncilMember.Position.CHAIR}
    for username in ["chutich", "thamdinh1", "thamdinh2", "thamdinh3", "thamdinh4"]:
        services.add_member(
            council,
            user=User.objects.get(username=username),
            position=positions.get(username, CouncilMember.Position.MEMBER),
            represents="Hội đồng Thi đua – Khen thưởng huyện",
            by=staff,
        )
    road = nominated_registration(
        campaign, Unit.objects.get(code="DD-KADO"), "Vận động đồng bào hiến đất mở rộng đường liên thôn", staff
    )
    garden = nominated_registration(campaign, Unit.objects.get(code="DD-THANHMY"), "Tổ dân phố xanh – sạch – đẹp", staff)
    for member in council.members.exclude(user__username="thamdinh1"):
        submit_sheet(member, road, EXCELLENT)
        submit_sheet(member, garden, GOOD)
    return campaign, road, garden


def vote(page, proposal, choice_label):
    page.goto(f"{page.base_url}/appraisal/awards/proposals/{proposal.pk}/")
    page.get_by_label(choice_label, exact=True).check()
    with page.expect_navigation():
        page.click("#vote-form [type=submit]")
    assert "Đã ghi nhận biểu quyết của bạn." in page.locator(".alert-success").inner_text()


def test_member_scores_chair_finalises_staff_propose_and_the_council_votes(page, transactional_db):
    campaign, road, garden = appraisal_ready_to_score()
    page.on("dialog", lambda dialog: dialog.accept())

    # thamdinh1 scores the road model: a draft first, with the total running as they type.
    login(page, "thamdinh1")
    page.goto(f"{page.base_url}/appraisal/queue/")
    page.get_by_role("link", name=road.model.name).first.click()
    inputs = page.locator("input[data-score-input]")
    total = page.locator("[data-score-total]")
    assert inputs.count() == 5
    inputs.nth(0).fill("19")
    assert total.inner_text() == "19"
    inputs.nth(1).fill("19.5")
    assert total.inner_text() == "38,5"
    inputs.nth(1).fill("19")
    assert total.inner_text() == "38"
    with page.expect_navigation():
        page.click("#save-draft")
    assert "Đã lưu bản nháp phiếu chấm." in page.locator(".alert-success").inner_text()
    assert total.inner_text() == "38"
    for index, value in ((2, "24"), (3, "14"), (4, "19")):
        inputs.nth(index).fill(value)
    assert total.inner_text() == "95"
    with page.expect_navigation():
        page.click("#submit-sheet")
    assert "Đã nộp phiếu chấm." in page.locator(".alert-success").inner_text()
    assert page.locator("#save-draft").count() == 0
    logout(page)

    # The chair finalises.
    login(page, "chutich")
    page.goto(f"{page.base_url}/appraisal/campaign/{campaign.pk}/finalise/")
    page.check("input[name=confirm]")
    with page.expect_navigation():
        page.click("#finalise-button")
    assert "Đã chốt kết quả thẩm định" in page.locator(".alert-success").inner_text()
    logout(page)

    # Staff draft the proposals from the results and open the vote.
    login(page, "bdv")
    page.goto(f"{page.base_url}/appraisal/awards/proposals/?campaign={campaign.pk}")
    page.click("#draft-from-results")
    road_result, garden_result = road.result, garden.result
    assert page.locator(f"select[name=level_{road_result.pk}]").input_value() == "bang_khen"
    assert page.locator(f"select[name=level_{garden_result.pk}]").input_value() == "giay_khen"
    with page.expect_navigation():
        page.click("#draft-submit")
    assert "Đã lập 2 đề nghị khen thưởng (dự thảo)." in page.locator(".alert-success").inner_text()
    road_proposal = AwardProposal.objects.get(registration=road)
    garden_proposal = AwardProposal.objects.get(registration=garden)
    assert road_proposal.level == AwardProposal.Level.PROVINCE
    page.check("input[data-check-all]")
    with page.expect_navigation():
        page.click("#open-voting")
    assert page.locator(f"#proposal-{road_proposal.pk} [data-status]").inner_text() == "Đang biểu quyết"
    logout(page)

    # Members vote; thamdinh1 changes their mind on the road model before voting closes.
    login(page, "thamdinh1")
    page.goto(f"{page.base_url}/appraisal/awards/proposals/?campaign={campaign.pk}")
    assert "Hiện sau khi bạn biểu quyết" in page.locator(f"#proposal-{road_proposal.pk}").inner_text()
    vote(page, road_proposal, "Không tán thành")
    vote(page, road_proposal, "Tán thành")
    assert re.search(r"\(1/5 đã biểu quyết\)", page.locator("#tally").inner_text())
    vote(page, garden_proposal, "Tán thành")
    logout(page)
    for username, garden_choice in (
        ("thamdinh2", "Không tán thành"),
        ("thamdinh3", "Không tán thành"),
        ("thamdinh4", "Không biểu quyết"),
    ):
        login(page, username)
        vote(page, road_proposal, "Tán thành")
        vote(page, garden_proposal, garden_choice)
        logout(page)

    # Staff close the vote: 4 of 5 agree on the road model, 1 of 5 on the garden.
    login(page, "bdv")
    page.goto(f"{page.base_url}/appraisal/awards/proposals/?campaign={campaign.pk}")
    page.check("input[data-check-all]")
    with page.expect_navigation():
        page.click("#close-voting")
    assert "1 được thông qua, 1 không được thông qua" in page.locator(".alert-success").inner_text()
    road_row = page.locator(f"#proposal-{road_proposal.pk}")
    assert road_row.locator("[data-status]").inner_text() == "Được thông qua"
    assert road_row.locator("[data-tally=agree]").inner_text().strip() == "4"
    assert page.locator(f"#proposal-{garden_proposal.pk} [data-status]").inner_text() == "Không được thông qua"
    assert awards.tally_for(road_proposal).passes
    assert page.js_errors == []
