"""Data builders and PDF reading shared by the report tests."""

import datetime
import os
import shutil
import subprocess
from decimal import Decimal

import pytest

from campaign.models import PlanItem, PlanPeriod
from evaluations.models import AwardProposal, MedalNomination, Result
from models.models import Field
from registrations.models import ProgressReport, Status
from tests.factories import (
    CouncilFactory,
    DvkModelFactory,
    ExemplarFactory,
    ProgressReportFactory,
    RegistrationFactory,
    UnitFactory,
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
