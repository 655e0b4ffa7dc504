"""The minutes and the award submission render for the demo, the 2020
district replay (after the chair finalises and the council votes) and today's province
campaign, as PDF and DOCX with the organiser's letterhead, and their figures are the
database's."""

from collections import Counter
from io import BytesIO

import pytest
from django.db.models import Sum
from docx import Document

from accounts.models import User
from campaign.models import Campaign
from evaluations import awards
from evaluations.models import AwardProposal, Council, CouncilMember, MedalNomination, ProposalVote, Result, Scoresheet
from evaluations.services import finalise_results
from reports.document import build_document
from reports.models import SummaryReport
from reports.pdf import render_pdf
from reports.selectors import document_content
from reports.services import create_report
from reports.word import render_docx
from tests.seeded import seed_demo_here

from .builders import pdftotext


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    seed_demo_here()
    campaign = Campaign.objects.get(owner__code="DD", year=2020)
    council = Council.objects.get(campaign=campaign)
    finalise_results(council, by=CouncilMember.objects.get(council=council, position="chair").user)
    staff = User.objects.get(username="bdv")
    proposals = awards.draft_proposals_from_results(campaign, by=staff)
    awards.open_voting(campaign, [p.pk for p in proposals], by=staff)
    for index, member in enumerate(council.members.select_related("user")):
        for proposal in proposals:
            awards.cast_vote(proposal, by=member.user, choice="disagree" if index == 0 else "agree")
    awards.close_voting(campaign, [p.pk for p in proposals], by=staff)
    province_staff = User.objects.get(username="tinh")
    today = Campaign.objects.filter(owner_id__in=province_staff.organiser_ids()).order_by("-year", "-pk").first()
    return {2020: (campaign, staff), "today": (today, province_staff)}


def _rendered(report):
    document = build_document(report, document_content(report))
    pdf_text = pdftotext(render_pdf(document))
    docx = Document(BytesIO(render_docx(document)))
    return document, pdf_text, docx


def _check_letterhead(campaign, pdf_text, docx, number_type):
    owner = campaign.owner
    header = docx.tables[0].rows[0].cells[0].text.splitlines()
    assert header[:2] == [owner.issuer_parent_line.upper(), owner.issuer_line.upper()]
    assert header[3] == f"Số -{number_type}/{owner.number_suffix}"
    for line in (owner.issuer_parent_line.upper(), owner.issuer_line.upper(), f"Số -{number_type}/{owner.number_suffix}"):
        assert line in pdf_text


def _all_rows(document, prefix):
    return [row for table in document.tables if table.title.startswith(prefix) for row in table.rows]


def test_demo_minutes_and_submission_render_with_the_letterhead_and_the_databases_figures(demo):
    # One seed for both demo campaigns and both documents: loading the demo is slow.
    for which in (2020, "today"):
        _check_minutes(*demo[which])
        _check_submission(*demo[which], expect_rows=which == 2020)


def _check_minutes(campaign, staff):
    council = Council.objects.get(campaign=campaign)
    report = create_report(campaign, SummaryReport.Kind.MINUTES, by=staff)
    document, pdf_text, docx = _rendered(report)
    _check_letterhead(campaign, pdf_text, docx, "BB")
    members = list(CouncilMember.objects.filter(council=council))
    assert f"Thành viên Hội đồng: {len(members)} người, gồm:" in pdf_text
    score_rows = _all_rows(document, "Điểm thẩm định")
    assert len(score_rows) == Result.objects.filter(council=council).count()
    if council.is_finalised:
        assert score_rows
        member_ids = [m["id"] for m in document_content(report)["members"]]
        results = {r.registration.model.name: r for r in Result.objects.filter(council=council).select_related("registration__model")}
        for row in score_rows:
            name = next(n for n in results if row[1].startswith(n))
            totals = dict(
                Scoresheet.objects.filter(assignment__registration=results[name].registration, status="submitted")
                .values_list("assignment__member_id")
                .annotate(total=Sum("scores__points"))
            )
            expected = [f"{totals[m]:.1f}".replace(".", ",") if m in totals else "" for m in member_ids]
            assert row[2 : 2 + len(member_ids)] == expected, name
        votes = _all_rows(document, "Kết quả biểu quyết")
        tallies = Counter(ProposalVote.objects.filter(proposal__campaign=campaign).values_list("choice", flat=True))
        assert sum(int(row[3]) for row in votes) == tallies["agree"]
        assert sum(int(row[4]) for row in votes) == tallies["disagree"]
    else:
        assert "Hội đồng thẩm định chưa chốt kết quả." in pdf_text


def _check_submission(campaign, staff, *, expect_rows):
    report = create_report(campaign, SummaryReport.Kind.SUBMISSION, by=staff)
    document, pdf_text, docx = _rendered(report)
    _check_letterhead(campaign, pdf_text, docx, "TTr")
    assert "TỜ TRÌNH" in pdf_text
    put_forward = AwardProposal.objects.filter(campaign=campaign, status__in=("passed", "decided"))
    proposed = _all_rows(document, "Danh sách tập thể") + _all_rows(document, "Danh sách cá nhân")
    assert sorted(row[1] for row in proposed) == sorted(put_forward.values_list("nominee", flat=True))
    medals = _all_rows(document, "Danh sách đề nghị tặng Kỷ niệm chương")
    assert sorted(row[1] for row in medals) == sorted(
        MedalNomination.objects.filter(campaign=campaign).exclude(status="rejected").values_list("full_name", flat=True)
    )
    if expect_rows:
        assert proposed and medals
