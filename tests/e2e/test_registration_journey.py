"""A registration from catalogue to interim report in a real browser: ``kado`` adds a model to the
catalogue, registers it with an evidence PDF and submits; ``bdv`` returns it with a
reason; ``kado`` sees the reason, fixes it and resubmits; ``bdv`` accepts it; ``kado``
files the interim (sơ kết) report."""

import datetime

from django.utils import timezone

from accounts import demo as accounts_demo
from accounts.models import Unit
from registrations.models import Evidence, ProgressReport, Registration, Status
from tests.e2e.conftest import login, logout
from tests.factories import CampaignFactory, DeadlineFactory
from tests.registrations.files import pdf_bytes

MODEL_NAME = "Tổ phụ nữ K'Ho tiết kiệm xoay vòng thôn Ka Đô Mới"
REASON = "Đề nghị ghi rõ số hộ được giúp đỡ và gửi kèm biên bản họp chi hội."
CONTENT = {
    "situation": "Nhiều chị em K'Ho thiếu vốn sản xuất, phải vay nặng lãi mua phân bón.",
    "objectives": "Lập 2 tổ tiết kiệm xoay vòng với 40 hội viên trong năm.",
    "content_and_method": "Chị em cùng bàn quy chế, mỗi tháng góp 100.000 đồng, bốc thăm xoay vòng; đổi công chăm sóc cà phê.",
    "area_and_target": "Thôn Ka Đô Mới, 40 hội viên phụ nữ K'Ho.",
    "lead_forces": "Chi hội Phụ nữ thôn Ka Đô Mới",
    "coordinating_forces": "Khối Dân vận xã, Ngân hàng Chính sách xã hội huyện",
    "participating_forces": "Hội viên phụ nữ và gia đình",
    "resources": "Vốn góp của chị em khoảng 48 triệu đồng/năm; 400 ngày công đổi công.",
    "timeline": "Tháng 3 – tháng 12",
    "expected_outputs": "Sổ theo dõi tổ tiết kiệm; danh sách hộ được giúp đỡ.",
    "sustainability": "Tổ do chị em tự quản, không phụ thuộc ngân sách.",
}


def open_registration(page, name: str) -> None:
    page.goto(f"{page.base_url}/registrations/")
    with page.expect_navigation():
        page.click(f"text={name}")


def status_of(page) -> str:
    return page.locator("#registration-status").inner_text().strip()


def test_kado_registers_bdv_returns_kado_fixes_bdv_accepts_and_kado_files_the_interim_report(page, transactional_db):
    accounts_demo.seed()
    today = timezone.localdate()
    district = Unit.objects.get(code="DD")
    campaign = CampaignFactory(owner=district, year=today.year, status="published")
    for kind, days in (("registration", 20), ("interim_report", 45), ("final_report", 120)):
        DeadlineFactory(campaign=campaign, kind=kind, due_date=today + datetime.timedelta(days=days))
    page.on("dialog", lambda dialog: dialog.accept())

    # kado adds the model to the unit's catalogue and registers it.
    login(page, "kado")
    page.goto(f"{page.base_url}/models/new/")
    page.fill("#id_name", MODEL_NAME)
    page.select_option("#id_kind", "model")
    page.select_option("#id_field", "economy")
    page.fill("#id_address", "Thôn Ka Đô Mới, xã Ka Đô")
    with page.expect_navigation():
        page.click("#save-model")
    with page.expect_navigation():
        page.click("#register-model")
    assert campaign.title in page.locator("main").inner_text()
    for name, text in CONTENT.items():
        page.fill(f"#id_{name}", text)
    with page.expect_navigation():
        page.click("#save-draft")
    assert status_of(page) == "Nháp"

    # ... with an evidence PDF, then submits.
    page.set_input_files("#id_file", {"name": "Biên bản họp chi hội.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()})
    page.fill("#id_caption", "Chị em bàn quy chế tổ")
    with page.expect_navigation():
        page.click("#evidence-upload-form button[type=submit]")
    assert page.locator(".evidence-link").inner_text().strip() == "Biên bản họp chi hội.pdf"
    with page.expect_navigation():
        page.click("#submit-button")
    assert status_of(page) == "Đã gửi"
    registration = Registration.objects.get(model__name=MODEL_NAME)
    assert registration.status == Status.SUBMITTED
    assert Evidence.objects.get(registration=registration).content_type == "application/pdf"
    logout(page)

    # bdv returns it with a reason.
    login(page, "bdv")
    open_registration(page, MODEL_NAME)
    with page.expect_navigation():
        page.click("#return-button")
    page.fill("#id_reason", REASON)
    with page.expect_navigation():
        page.click("#confirm-return")
    assert status_of(page) == "Trả lại để bổ sung"
    logout(page)

    # kado sees the reason first on the unit's page, fixes the registration and resubmits.
    login(page, "kado")
    page.goto(f"{page.base_url}/registrations/my-unit/")
    assert REASON in page.locator("#returned").inner_text()
    with page.expect_navigation():
        page.click("#returned a.btn")
    assert REASON in page.locator("main").inner_text()
    page.fill("#id_expected_outputs", "Sổ theo dõi tổ tiết kiệm; 12 hộ được giúp đỡ; biên bản họp chi hội (đính kèm).")
    with page.expect_navigation():
        page.click("#save-and-submit")
    assert status_of(page) == "Đã gửi"
    logout(page)

    # bdv accepts it from the list (bulk accept).
    login(page, "bdv")
    page.goto(f"{page.base_url}/registrations/?status=submitted")
    assert page.locator("#bulk-accept-button").is_disabled()
    page.check(f'input[name=registrations][value="{registration.pk}"]')
    with page.expect_navigation():
        page.click("#bulk-accept-button")
    assert "Đã tiếp nhận 1 đăng ký." in page.locator(".alert-success").inner_text()
    registration.refresh_from_db()
    assert registration.status == Status.ACCEPTED
    logout(page)

    # kado files the interim report.
    login(page, "kado")
    page.goto(f"{page.base_url}/registrations/{registration.pk}/")
    assert status_of(page) == "Đã tiếp nhận"
    with page.expect_navigation():
        page.click("#report-interim-link")
    page.fill("#id_results", "2 tổ tiết kiệm với 38 hội viên; đã xoay vòng 24 triệu đồng cho 12 chị em.")
    page.fill("#id_households", "38")
    page.fill("#id_funds_vnd", "24000000")
    page.fill("#id_socialised_funds_vnd", "24000000")
    page.fill("#id_workdays", "180")
    with page.expect_navigation():
        page.click("#submit-report")
    assert "Đã gửi báo cáo sơ kết 6 tháng đến Ban Dân vận Huyện ủy." in page.locator(".alert-success").inner_text()
    report = ProgressReport.objects.get(registration=registration, kind="interim")
    assert (report.status, report.households, report.funds_vnd) == ("submitted", 38, 24_000_000)
    assert page.js_errors == []
