"""District staff draft the year-end summary report, make its PDF and download it;
the board head signs it and it becomes read-only, as people would in the browser."""

import datetime

from reports.models import SummaryReport
from tests.e2e.conftest import login, logout
from tests.factories import CampaignFactory


def test_staff_draft_render_and_download_then_board_head_signs(page, transactional_db, district, staff_user, board_head):
    CampaignFactory(
        owner=district, year=2020, number="12-KH/BDVHU", signer_name="Lê Đình Thủy", issued_on=datetime.date(2020, 3, 10)
    )
    login(page, "bdv")
    with page.expect_navigation():
        page.click("nav >> text=Báo cáo")
    page.select_option("select[name=kind]", "summary")
    with page.expect_navigation():
        page.click("#create-report")
    assert "Đã tạo dự thảo báo cáo." in page.locator(".alert-success").inner_text()

    page.fill("#id_number", "45-BC/BDVHU")
    page.fill("#id_date", "2020-12-15")
    page.fill("#id_assessment", "Phong trào được cấp ủy quan tâm lãnh đạo.\nMột số đơn vị báo cáo còn chậm.")
    page.fill("#id_direction", "Tiếp tục nhân rộng các mô hình đã được công nhận.")
    with page.expect_navigation():
        page.click("#save-report")
    assert "Đã lưu báo cáo." in page.locator(".alert-success").inner_text()
    assert page.locator("#sign-report").count() == 0

    with page.expect_navigation():
        page.click("#render-pdf")
    assert "Đã tạo tệp PDF." in page.locator(".alert-success").inner_text()
    with page.expect_download() as download_info:
        page.click("#download-pdf")
    download = download_info.value
    assert download.suggested_filename == "bao-cao-tong-ket-2020.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    with page.expect_navigation():
        page.click("#preview-report")
    assert "Đơn Dương, ngày 15 tháng 12 năm 2020" in page.locator(".report-document").inner_text()
    logout(page)

    login(page, "truongban")
    report = SummaryReport.objects.get()
    page.goto(f"{page.base_url}/reports/{report.pk}/")
    # Nothing is appraised yet: the head confirms each point that is not ready.
    checklist = page.locator("#sign-checklist")
    assert "Hội đồng thẩm định chưa chốt kết quả." in checklist.inner_text()
    for box in checklist.locator("input[type=checkbox]").all():
        box.check()
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.click("#sign-report")
    assert "Đã ký ban hành báo cáo." in page.locator(".alert-success").inner_text()
    assert page.locator("#report-seal").count() == 1
    assert page.locator("#report-form").count() == 0
    assert page.locator("#download-docx").count() == 1
    assert page.js_errors == []
    report.refresh_from_db()
    assert report.status == SummaryReport.Status.SIGNED
