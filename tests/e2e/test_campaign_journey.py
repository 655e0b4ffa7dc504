"""A year's plan in a real browser: ``bdv`` writes the yearly plan, publishes it,
reports progress and marks a task done; ``kado`` reads the plan and records that Ka Đô
has disseminated a document; a draft of the district is a 404 for ``kado``."""

from campaign.models import Acknowledgement, Campaign, PlanItem
from tests.campaign.uploads import PDF_BYTES, PNG_BYTES
from tests.e2e.conftest import login, logout
from tests.factories import CampaignFactory

TASKS = {
    "Quý I và quý II": "Tổ chức khảo sát và triển khai đăng ký thi đua xây dựng các mô hình, điển hình “Dân vận khéo” ở cơ sở",
    "Quý III": "Phối hợp với đài truyền hình xây dựng phóng sự “Đơn Dương với những mô hình, điển hình Dân vận khéo”",
    "Quý IV": "Tổ chức Tổng kết phong trào thi đua “Dân vận khéo” năm 2020, triển khai nhiệm vụ năm 2021",
}


def test_staff_publishes_the_plan_and_the_focal_point_reads_it_and_records_a_dissemination(
    transactional_db, page, district, unit, other_unit, staff_user, focal_user
):
    page.on("dialog", lambda dialog: dialog.accept())

    # bdv writes the plan.
    login(page, "bdv")
    page.goto(f"{page.base_url}/campaign/")
    page.click("#create-campaign")
    page.fill("input[name=year]", "2020")
    page.fill("textarea[name=title]", "Thực hiện phong trào thi đua “Dân vận khéo” trong xây dựng nông thôn mới năm 2020")
    page.fill("input[name=number]", "Số 12-KH/BDVHU")
    page.fill("input[name=issued_on]", "2020-03-10")
    page.fill("textarea[name=legal_bases]", "Kế hoạch số 75-KH/BDVTU ngày 03/3/2020 của Ban Dân vận Tỉnh ủy Lâm Đồng")
    page.fill("textarea[name=purposes]", "- Nâng cao trách nhiệm của cấp uỷ, chính quyền đối với công tác dân vận.")
    page.fill("textarea[name=implementation]", "Khối Dân vận các xã, thị trấn quan tâm phối hợp tổ chức thực hiện.")
    page.fill("textarea[name=recipients]", "Đảng ủy các xã, thị trấn,\nLưu BDVHU.")
    page.fill("input[name=signer_name]", "Lê Đình Thủy")
    with page.expect_navigation():
        page.click("#campaign-form button[type=submit]")
    assert page.locator(".alert-success").count() == 1
    assert "Dự thảo" in page.locator("h1 + div").inner_text()
    campaign = Campaign.objects.get()

    # ... adds a task in each period from the board.
    page.click(".nav-tabs >> text=Bảng nhiệm vụ")
    for period, title in TASKS.items():
        page.click(f'[data-add-item="{period}"]')
        page.fill("textarea[name=title]", title)
        page.check(f'input[name=coordinating_units][value="{unit.pk}"]')
        with page.expect_navigation():
            page.click("#campaign-form button[type=submit]")
        assert page.locator(f'[data-period="{period}"] .plan-item-title').inner_text() == title

    # ... adds the document to disseminate.
    page.click(".nav-tabs >> text=Văn bản quán triệt")
    page.click("#add-document")
    page.fill("input[name=number]", "75-KH/BDVTU")
    page.fill("input[name=date]", "2020-03-03")
    page.fill("textarea[name=title]", "Kế hoạch của Ban Dân vận Tỉnh ủy Lâm Đồng")
    page.set_input_files("input[name=file]", {"name": "75-KH-BDVTU.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES})
    with page.expect_navigation():
        page.click("#campaign-form button[type=submit]")
    assert "75-KH/BDVTU" in page.locator("#document-list").inner_text()

    # ... publishes.
    page.click(".nav-tabs >> text=Tổng quan")
    with page.expect_navigation():
        page.click("#publish-campaign")
    assert "Đã ban hành" in page.locator("h1 + div").inner_text()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PUBLISHED

    # ... records a progress update with evidence, then marks the task done.
    page.click(".nav-tabs >> text=Bảng nhiệm vụ")
    page.click('[data-period="Quý I và quý II"] .plan-item-title')
    page.fill("input[name=date]", "2020-04-15")
    page.fill("textarea[name=text]", "Đã khảo sát tại 10 xã, thị trấn; các đơn vị bắt đầu đăng ký.")
    page.select_option("select[name=new_status]", "in_progress")
    page.set_input_files("input[name=evidence]", {"name": "khao-sat.png", "mimeType": "image/png", "buffer": PNG_BYTES})
    with page.expect_navigation():
        page.click("#progress-form button[type=submit]")
    assert "Đã khảo sát tại 10 xã, thị trấn" in page.locator("#progress-updates").inner_text()
    assert "khao-sat.png" in page.locator("#progress-updates").inner_text()
    assert page.locator("#item-status").inner_text().startswith("Đang thực hiện")
    with page.expect_navigation():
        page.click('[data-set-status="done"]')
    assert page.locator("#item-status").inner_text().startswith("Đã hoàn thành")
    assert PlanItem.objects.get(title=TASKS["Quý I và quý II"]).status == PlanItem.Status.DONE
    logout(page)

    # kado reads the published plan.
    login(page, "kado")
    page.goto(f"{page.base_url}/campaign/")
    page.click(f"text={campaign.title}")
    page.click(".nav-tabs >> text=Bảng nhiệm vụ")
    for period, title in TASKS.items():
        assert page.locator(f'[data-period="{period}"] .plan-item-title').inner_text() == title
    assert page.locator('[data-period="Quý I và quý II"] [data-status]').inner_text() == "Đã hoàn thành"
    assert page.locator("[data-add-item]").count() == 0

    # ... and records that Ka Đô has disseminated the document.
    page.click(".nav-tabs >> text=Văn bản quán triệt")
    page.click('tr[data-unit="Xã Ka Đô"] [data-record-ack]')
    page.fill("input[name=disseminated_on]", "2020-03-20")
    page.select_option("select[name=form]", "party_cell")
    page.fill("input[name=participants]", "42")
    with page.expect_navigation():
        page.click("#campaign-form button[type=submit]")
    assert "Đã quán triệt" in page.locator('tr[data-unit="Xã Ka Đô"]').inner_text()
    assert "Chưa quán triệt" in page.locator('tr[data-unit="Thị trấn Thạnh Mỹ"]').inner_text()
    assert Acknowledgement.objects.get().participants == 42

    # A draft of the district is a 404 for kado.
    draft = CampaignFactory(owner=district, year=2021, status=Campaign.Status.DRAFT, title="Dự thảo kế hoạch năm 2021")
    response = page.goto(f"{page.base_url}/campaign/{draft.pk}/")
    assert response.status == 404
    assert "Không tìm thấy trang" in page.locator("h1").inner_text()
    assert page.js_errors == []
