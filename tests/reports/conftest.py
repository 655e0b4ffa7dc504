import datetime

import pytest

from evaluations.models import AwardProposal, MedalNomination, Result
from models.models import Field
from registrations.models import ProgressReport, Status
from reports.models import SummaryReport
from tests.factories import CampaignFactory, MembershipFactory, ProgressReportFactory, UserFactory

from .builders import add_appraisal, add_final_report, add_medal, add_plan, add_proposal, add_registration, add_result


@pytest.fixture
def campaign(district):
    return CampaignFactory(
        owner=district,
        year=2020,
        number="12-KH/BDVHU",
        issued_on=datetime.date(2020, 3, 10),
        signer_title="Trưởng ban",
        signer_name="Lê Đình Thủy",
    )


@pytest.fixture
def report(campaign):
    """A draft year-end report as the demo has it, complete enough to be signed."""
    return SummaryReport.objects.create(
        campaign=campaign,
        kind=SummaryReport.Kind.SUMMARY,
        superior_name="HUYỆN ỦY ĐƠN DƯƠNG",
        issuer_name="BAN DÂN VẬN",
        number="45-BC/BDVHU",
        place="Đơn Dương",
        date=datetime.date(2020, 12, 15),
        subject="Tổng kết phong trào thi đua “Dân vận khéo” năm 2020, phương hướng, nhiệm vụ năm 2021",
        assessment="Phong trào được cấp ủy quan tâm lãnh đạo.\nMột số đơn vị báo cáo còn chậm.",
        direction="Tiếp tục nhân rộng các mô hình đã được công nhận.",
        recipients=["Thường trực Huyện ủy (b/c)", "Lưu BDVHU."],
        signer_capacity="T/M BAN DÂN VẬN",
        signer_title="TRƯỞNG BAN",
        signer_name="Lê Đình Thủy",
    )


@pytest.fixture
def other_district_staff(other_district):
    user = UserFactory(username="bdv_lacduong")
    MembershipFactory(user=user, unit=other_district, role="district_staff")
    return user


@pytest.fixture
def other_board_head(other_district):
    user = UserFactory(username="truongban_lacduong")
    MembershipFactory(user=user, unit=other_district, role="board_head")
    return user


@pytest.fixture
def populated(campaign, unit, other_unit, staff_user):
    """Ka Đô: two recognised models and an accepted exemplar; Thạnh Mỹ: one submitted
    model; a draft and a withdrawal that the report must not count."""
    recognised_1 = add_registration(campaign, unit, status=Status.RECOGNISED, field=Field.NEW_RURAL, is_ethnic_minority_area=True)
    recognised_2 = add_registration(campaign, unit, status=Status.RECOGNISED, field=Field.ECONOMY)
    exemplar = add_registration(
        campaign, unit, status=Status.ACCEPTED, exemplar=True, field=Field.CULTURE_SOCIETY, person_name="K'Brơi"
    )
    submitted = add_registration(campaign, other_unit, status=Status.SUBMITTED, field=Field.ECONOMY, is_religious_area=True)
    add_registration(campaign, other_unit, status=Status.DRAFT)
    add_registration(campaign, other_unit, status=Status.WITHDRAWN)
    add_final_report(recognised_1, households=120, funds_vnd=1_234_500_000, socialised_funds_vnd=300_000_000, workdays=900)
    add_final_report(recognised_2, households=30, funds_vnd=450_000_000, socialised_funds_vnd=0, workdays=100)
    add_final_report(exemplar, households=999, funds_vnd=1, socialised_funds_vnd=0, workdays=1, submitted=False)
    ProgressReportFactory(registration=exemplar, kind=ProgressReport.Kind.INTERIM, status="submitted", households=45)
    add_result(recognised_1, score="92.50", classification=Result.Classification.EXCELLENT, rank=1)
    add_result(recognised_2, score="81.00", classification=Result.Classification.GOOD, rank=2)
    add_proposal(recognised_1, by=staff_user, level=AwardProposal.Level.PROVINCE, decision_number="123/QĐ-UBND")
    add_proposal(recognised_2, by=staff_user, status=AwardProposal.Status.DRAFT)
    add_medal(campaign, unit, by=staff_user, full_name="Ya Tuấn")
    add_medal(campaign, unit, by=staff_user, full_name="Người bị từ chối", status=MedalNomination.Status.REJECTED)
    add_plan(campaign)
    return {"recognised": [recognised_1, recognised_2], "exemplar": exemplar, "submitted": submitted}


@pytest.fixture
def appraised(campaign, unit, other_unit, staff_user):
    """Two models and an exemplar appraised by a council of three, finalised on
    25/11/2020, each proposed for an award and voted; one medal nomination."""
    finalised_at = datetime.datetime(2020, 11, 25, 9, 0, tzinfo=datetime.UTC)
    first = add_registration(campaign, unit, status=Status.RECOGNISED, name="Dân vận khéo giữ gìn an ninh thôn")
    second = add_registration(campaign, other_unit, status=Status.RECOGNISED, name="Ân tình xóm đạo")
    exemplar = add_registration(campaign, unit, status=Status.RECOGNISED, exemplar=True, person_name="K'Brơi", name="Già làng K'Brơi")
    council, members = add_appraisal(campaign, [first, second, exemplar], by=staff_user, finalised_at=finalised_at)
    add_result(first, score="85.00", classification=Result.Classification.GOOD, rank=1)
    add_result(second, score="80.00", classification=Result.Classification.GOOD, rank=2)
    add_result(exemplar, score="80.00", classification=Result.Classification.GOOD, rank=1)
    add_medal(campaign, unit, by=staff_user, full_name="Đinh Văn Ơn")
    return {"council": council, "members": members, "registrations": [first, second, exemplar]}
