import datetime

from reports import demo
from reports.models import SummaryReport
from tests.factories import CampaignFactory


def test_demo_seeds_one_draft_summary_report_and_a_second_run_changes_nothing(district):
    CampaignFactory(owner=district, year=2020, number="12-KH/BDVHU", signer_name="Lê Đình Thủy")
    demo.seed()
    demo.seed()
    report = SummaryReport.objects.get()
    assert (report.kind, report.status, report.number, report.date) == (
        SummaryReport.Kind.SUMMARY,
        SummaryReport.Status.DRAFT,
        "45-BC/BDVHU",
        datetime.date(2020, 12, 15),
    )
    assert report.assessment.startswith("Năm 2020, phong trào thi đua “Dân vận khéo”")
    assert report.direction.startswith("Tiếp tục quán triệt")
    assert (report.superior_name, report.issuer_name, report.signer_name) == ("HUYỆN ỦY ĐƠN DƯƠNG", "BAN DÂN VẬN", "Lê Đình Thủy")


def test_demo_without_the_2020_campaign_creates_nothing(district):
    demo.seed()
    assert not SummaryReport.objects.exists()
