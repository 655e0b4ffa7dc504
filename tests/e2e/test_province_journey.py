"""An organiser at any level in a real browser, on today's campaign of the
Lâm Đồng province board: ``tinh`` publishes it; ``xakado`` (a commune of today) adds a
model, registers it with evidence and submits it today without any extension; ``tinh``
accepts it; a council member of the province scores it."""

from accounts import demo as accounts_demo
from campaign import demo as campaign_demo
from campaign.models import Campaign, DeadlineExtension
from evaluations import demo as evaluations_demo
from evaluations.models import Scoresheet
from registrations import services as registration_services
from registrations.models import ProgressReport, Registration, Status
from tests.e2e.conftest import login, logout
from tests.e2e.test_registration_journey import CONTENT
from tests.registrations.files import pdf_bytes

MODEL_NAME = "Già làng, người có uy tín vận động bà con buôn Kờ Long hiến đất làm đường"


def test_tinh_publishes_a_commune_registers_today_tinh_accepts_and_the_province_council_scores(page, transactional_db):
    accounts_demo.seed()
    accounts_demo.seed_present()
    campaign = campaign_demo.province_campaign(publish=False)
    page.on("dialog", lambda dialog: dialog.accept())

    # tinh publishes the province plan.
    login(page, "tinh")
    page.goto(f"{page.base_url}/campaign/{campaign.pk}/")
    with page.expect_navigation():
        page.click("#publish-campaign")
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.PUBLISHED
    logout(page)

    # xakado adds a model and registers it with evidence, today, with no extension.
    login(page, "xakado")
    page.goto(f"{page.base_url}/models/new/")
    page.fill("#id_name", MODEL_NAME)
    page.select_option("#id_kind", "model")
    page.select_option("#id_field", "new_rural")
    page.fill("#id_address", "Buôn Kờ Long, xã Ka Đô")
    with page.expect_navigation():
        page.click("#save-model")
    with page.expect_navigation():
        page.click("#register-model")
    assert campaign.title in page.locator("main").inner_text()
    for name, text in CONTENT.items():
        page.fill(f"#id_{name}", text)
    with page.expect_navigation():
        page.click("#save-draft")
    page.set_input_files("#id_file", {"name": "Biên bản họp buôn.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()})
    page.fill("#id_caption", "Bà con bàn mở đường")
    with page.expect_navigation():
        page.click("#evidence-upload-form button[type=submit]")
    with page.expect_navigation():
        page.click("#submit-button")
    registration = Registration.objects.get(model__name=MODEL_NAME)
    assert (registration.status, registration.campaign_id, registration.unit.code) == (Status.SUBMITTED, campaign.pk, "LD-KADO")
    assert not DeadlineExtension.objects.exists()
    logout(page)

    # tinh accepts it.
    login(page, "tinh")
    page.goto(f"{page.base_url}/registrations/{registration.pk}/")
    with page.expect_navigation():
        page.click("#accept-button")
    registration.refresh_from_db()
    assert registration.status == Status.ACCEPTED
    logout(page)

    # The commune files its year-end report; the board seats the council and puts it forward.
    focal = registration.created_by
    report = registration_services.create_progress_report(
        registration, kind=ProgressReport.Kind.FINAL, by=focal, data={"results": "Mở 2 km đường.", "households": 40}
    )
    registration_services.submit_progress_report(report, by=focal)
    evaluations_demo.seed_present()
    registration.refresh_from_db()
    assert registration.status == Status.NOMINATED

    # hdtinh1 scores it.
    login(page, "hdtinh1")
    page.goto(f"{page.base_url}/appraisal/queue/")
    page.get_by_role("link", name=MODEL_NAME).first.click()
    inputs = page.locator("input[data-score-input]")
    for index, value in enumerate(("18", "19", "22", "13", "18")):
        inputs.nth(index).fill(value)
    assert page.locator("[data-score-total]").inner_text() == "90"
    with page.expect_navigation():
        page.click("#submit-sheet")
    assert "Đã nộp phiếu chấm." in page.locator(".alert-success").inner_text()
    sheet = Scoresheet.objects.get(assignment__registration=registration, assignment__member__user__username="hdtinh1")
    assert sheet.status == Scoresheet.Status.SUBMITTED
