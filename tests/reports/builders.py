"""Data builders and PDF reading shared by the report tests."""

import datetime
import os
import shutil
import subprocess
from decimal import Decimal

import pytest

from campaign.models import PlanItem, PlanPeriod
from evaluations.models import Assignment, AwardProposal, CouncilMember, MedalNomination, Result, Scoresheet
from models.models import DvkModel, Field
from registrations.models import ProgressReport, Status
from tests.factories import (
    AssignmentFactory,
    CouncilFactory,
    CouncilMemberFactory,
    CriteriaSetFactory,
    CriterionFactory,
    DvkModelFactory,
    ExemplarFactory,
    ProgressReportFactory,
    ProposalVoteFactory,
    RegistrationFactory,
    ScoreFactory,
    ScoresheetFactory,
    UnitFactory,
    UserFactory,
)

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def add_registration(campaign, unit, *, status=Status.ACCEPTED, exemplar=False, field=Field.NEW_RURAL, **model_fields):
    factory = ExemplarFactory if exemplar else DvkModelFactory
    model = factory(unit=unit, field=field, **model_fields)
    return RegistrationFactory(campaign=campaign, model=model, status=status)


def add_final_report(registration, *, households, funds_vnd, socialised_funds_vnd, workdays, submitted=True):
    return ProgressReportFactory(
        registration=registration,
        kind=ProgressReport.Kind.FINAL,
        status=ProgressReport.ReportStatus.SUBMITTED if submitted else ProgressReport.ReportStatus.DRAFT,
        households=households,
        funds_vnd=funds_vnd,
        socialised_funds_vnd=socialised_funds_vnd,
        workdays=workdays,
    )


def add_result(registration, *, score, classification, rank):
    council = getattr(registration.campaign, "_test_council", None)
    if council is None:
        council = CouncilFactory(campaign=registration.campaign)
        registration.campaign._test_council = council
    return Result.objects.create(
        registration=registration,
        council=council,
        sheet_count=5,
        eligible_count=5,
        counted_score=Decimal(score),
        mean=Decimal(score),
        is_quorate=True,
        rank=rank,
        classification=classification,
    )


def add_proposal(registration, *, by, level=AwardProposal.Level.DISTRICT, status=AwardProposal.Status.PASSED, **fields):
    return AwardProposal.objects.create(
        campaign=registration.campaign,
        registration=registration,
        level=level,
        status=status,
        nominee=fields.pop("nominee", registration.model.name),
        created_by=by,
        **fields,
    )


def add_medal(campaign, unit, *, by, full_name, status=MedalNomination.Status.PROPOSED):
    return MedalNomination.objects.create(
        campaign=campaign,
        full_name=full_name,
        birth_year=1968,
        gender=MedalNomination.Gender.MALE,
        position="Bí thư Chi bộ thôn",
        unit=unit,
        years_in_work=15,
        achievements="Vận động nhân dân hiến đất làm đường.",
        status=status,
        nominated_by=by,
    )


def add_plan(campaign):
    first = PlanPeriod.objects.create(
        campaign=campaign,
        name="Quý I và quý II",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2020, 6, 30),
        order=1,
    )
    fourth = PlanPeriod.objects.create(
        campaign=campaign, name="Quý IV", starts_on=datetime.date(2020, 10, 1), ends_on=datetime.date(2020, 12, 31), order=3
    )
    PlanItem.objects.create(
        period=first,
        order=1,
        title="Quán triệt các văn bản mới về công tác dân vận",
        status=PlanItem.Status.DONE,
        completed_on=datetime.date(2020, 3, 27),
    )
    PlanItem.objects.create(period=first, order=2, title="Sơ kết 6 tháng", status=PlanItem.Status.IN_PROGRESS)
    PlanItem.objects.create(period=fourth, order=1, title="Thẩm định các mô hình", status=PlanItem.Status.DONE)
    PlanItem.objects.create(period=fourth, order=2, title="Hội thảo đã bỏ", status=PlanItem.Status.CANCELLED)
    return first, fourth


def make_many(campaign, district, n, *, by):
    """``n`` registrations spread over fresh units, each with a final report, a result,
    an award proposal and a medal nomination."""
    for i in range(n):
        unit = UnitFactory(kind="commune", parent=district, name=f"Xã số {i:03d}")
        registration = add_registration(campaign, unit, status=Status.RECOGNISED, exemplar=i % 2 == 1, field=Field.values[i % 5])
        add_final_report(registration, households=10, funds_vnd=1_000_000, socialised_funds_vnd=0, workdays=5)
        add_result(registration, score="85.00", classification=Result.Classification.GOOD, rank=None)
        add_proposal(registration, by=by)
        add_medal(campaign, unit, by=by, full_name=f"Cá nhân {i}")


def pdftotext(pdf: bytes, *, page=None, crop_top_points=None) -> str:
    """The text poppler reads from a PDF: real text, not drawn glyphs. Skipped without
    poppler-utils unless REQUIRE_SERVICES=1 (CI installs it)."""
    binary = shutil.which("pdftotext")
    if binary is None:
        if REQUIRE_SERVICES:
            pytest.fail("pdftotext (poppler-utils) is required but not installed")
        pytest.skip("needs pdftotext from poppler-utils")
    args = [binary, "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    if crop_top_points is not None:
        # A4 is 595 points wide; read only the strip at the top of the page.
        args += ["-x", "0", "-y", "0", "-W", "595", "-H", str(crop_top_points)]
    result = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def add_appraisal(campaign, registrations, *, by, finalised_at):
    """A council of three (chair, secretary, member) who scored every registration with
    a single 100-point criterion: the chair gives 90, the secretary 80, the member 70 (the
    member is recused from the first registration). Results follow, finalised at
    ``finalised_at``, and one proposal per registration put to the vote: chair and
    secretary agree, the member abstains. Returns (council, members)."""
    council = getattr(campaign, "_test_council", None) or CouncilFactory(campaign=campaign)
    council.finalised_at = finalised_at
    council.save(update_fields=["finalised_at"])
    campaign._test_council = council
    members = [
        CouncilMemberFactory(council=council, position=position, user=UserFactory(full_name=name), represents=represents)
        for position, name, represents in (
            (CouncilMember.Position.CHAIR, "Phạm Văn Sơn", "Ủy ban nhân dân huyện"),
            (CouncilMember.Position.SECRETARY, "Bùi Thị Mai", "Ban Dân vận Huyện ủy"),
            (CouncilMember.Position.MEMBER, "Ưng Văn Tâm", "Hội Nông dân huyện"),
        )
    ]
    criteria = {
        kind: CriterionFactory(criteria_set=CriteriaSetFactory(campaign=campaign, kind=kind), max_points=Decimal("100"))
        for kind in (DvkModel.Kind.MODEL, DvkModel.Kind.EXEMPLAR)
    }
    for index, registration in enumerate(registrations):
        for member, points in zip(members, ("90", "80", "70"), strict=True):
            recused = index == 0 and member.position == CouncilMember.Position.MEMBER
            assignment = AssignmentFactory(
                member=member,
                registration=registration,
                recusal=Assignment.Recusal.DECLARED if recused else Assignment.Recusal.NONE,
                recusal_reason="Là người thân của chủ nhiệm mô hình" if recused else "",
            )
            if recused:
                continue
            sheet = ScoresheetFactory(assignment=assignment, status=Scoresheet.Status.SUBMITTED)
            ScoreFactory(scoresheet=sheet, criterion=criteria[registration.model.kind], points=Decimal(points))
        proposal = add_proposal(
            registration, by=by, status=AwardProposal.Status.PASSED, voting_opened_at=finalised_at, voting_closed_at=finalised_at
        )
        for member, choice in zip(members, ("agree", "agree", "abstain"), strict=True):
            ProposalVoteFactory(proposal=proposal, member=member, choice=choice)
    return council, members


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page as pypdf reads it (rotated text included, unlike pdftotext)."""
    from io import BytesIO

    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def province_content(*, units=150, registrations=3000, recognised=2440, proposals=400, medals=120) -> dict:
    """The content of a province's year-end report, as ``report_content`` shapes it,
    without a database: ``units`` communes sharing ``registrations``, ``recognised`` of
    them recognised (models and exemplars), with proposals and medal nominations."""
    per_unit = registrations // units
    unit_rows = [
        {
            "name": f"Xã số {i:03d}",
            "registered": per_unit,
            "models": per_unit - 5,
            "exemplars": 5,
            "accepted": per_unit,
            "recognised": recognised // units,
            "reports": per_unit,
            "households": 120,
            "funds_vnd": 1_250_000_000,
            "socialised_funds_vnd": 300_000_000,
            "workdays": 800,
        }
        for i in range(units)
    ]
    totals = {key: sum(row[key] for row in unit_rows) for key in unit_rows[0] if key != "name"}
    totals["units_registered"] = units
    fields = [{"name": label, **{k: registrations // 5 for k in ("registered", "models", "exemplars", "accepted", "recognised")}} for label in Field.labels]
    recognised_rows = [
        {
            "rank": i // 2 + 1,
            "name": f"Mô hình “Dân vận khéo” số {i} trong xây dựng nông thôn mới",
            "person": f"Nguyễn Văn Thử {i}" if i % 2 else "",
            "kind": "",
            "is_exemplar": bool(i % 2),
            "field": "Xây dựng nông thôn mới",
            "unit": f"Xã số {i % units:03d}",
            "score": "88.50",
            "classification": "Tốt",
        }
        for i in range(recognised)
    ]
    return {
        "kind": "summary",
        "year": 2026,
        "campaign": {"title": "Kế hoạch", "number_line": "Số 12-KH/BTGDVTU", "issued_on": "10/03/2026", "author": "Ban Tuyên giáo và Dân vận Tỉnh ủy", "year": 2026},
        "progress_kind": "Báo cáo tự đánh giá cuối năm",
        "units": unit_rows,
        "unit_totals": totals,
        "fields": fields,
        "field_totals": {k: registrations for k in ("registered", "models", "exemplars", "accepted", "recognised")},
        "statuses": [{"status": "recognised", "label": "Được công nhận", "count": recognised}],
        "areas": {"ethnic_minority": 900, "religious": 400},
        "recognised": recognised_rows,
        "classifications": [{"classification": "good", "label": "Tốt", "count": recognised}],
        "plan": [],
        "plan_totals": {"total": 0, "done": 0},
        "proposals": [
            {
                "level": "bang_khen",
                "level_label": "Bằng khen (cấp tỉnh)",
                "nominee": f"Tập thể số {i}",
                "is_exemplar": False,
                "unit": f"Xã số {i % units:03d}",
                "status": "passed",
                "status_label": "Được thông qua",
                "decision_number": "",
                "decision_date": "",
            }
            for i in range(proposals)
        ],
        "medals": [
            {
                "full_name": f"Cá nhân {i}",
                "birth_year": 1970,
                "gender": "Nam",
                "position": "Trưởng khối Dân vận",
                "unit": f"Xã số {i % units:03d}",
                "years_in_work": 20,
                "achievements": "",
                "status": "proposed",
                "status_label": "Đề nghị",
            }
            for i in range(medals)
        ],
        "results_finalised": True,
    }
