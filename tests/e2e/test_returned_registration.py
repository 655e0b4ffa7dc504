"""Acceptance 3 in a real browser: staff return a registration; on a phone the unit's
home shows it first with the reason and the bell shows 1; the unit adds the missing
evidence on the form it opens from there and sends it again."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from registrations import services
from registrations.models import Registration, Status
from tests.e2e.conftest import login, logout
from tests.factories import CampaignFactory, DeadlineFactory, DvkModelFactory, RegistrationFactory
from tests.registrations.files import image_bytes, pdf_bytes

REASON = "Bổ sung biên bản họp dân thôn Ka Đô Mới."


def test_a_returned_registration_comes_first_on_the_units_phone_and_is_sent_again_with_evidence(
    transactional_db, open_page, district, unit, staff_user, focal_user
):
    today = timezone.localdate()
    campaign = CampaignFactory(owner=district, year=today.year, requires_evidence=True)
    DeadlineFactory(campaign=campaign, kind="registration", due_date=today + datetime.timedelta(days=20))
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name="Á – mô hình đã tiếp nhận"), status=Status.ACCEPTED)
    registration = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name="Vận động hiến đất làm đường"))
    services.add_evidence(registration, SimpleUploadedFile("Ảnh ra quân.png", image_bytes()), by=focal_user)
    services.submit_registration(registration, by=focal_user)

    # bdv returns it with a reason.
    staff = open_page()
    login(staff, "bdv")
    staff.goto(f"{staff.base_url}/registrations/{registration.pk}/")
    staff.click("#return-button")
    staff.fill("textarea[name=reason]", REASON)
    with staff.expect_navigation():
        staff.click("#confirm-return")
    logout(staff)

    # kado, on a phone: the bell says 1 without opening the menu; the returned one is first.
    phone = open_page(viewport={"width": 390, "height": 844}, has_touch=True)
    login(phone, "kado")
    assert phone.locator("#bell-count").is_visible()
    assert phone.locator("#bell-count").inner_text() == "1"
    phone.goto(f"{phone.base_url}/registrations/my-unit/")
    first = phone.locator("main section").first
    assert first.get_attribute("id") == "returned"
    assert "Vận động hiến đất làm đường" in first.inner_text() and REASON in first.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # ... opens it from there, adds the minutes on the same form and sends it again.
    with phone.expect_navigation():
        first.get_by_role("link", name="Bổ sung, sửa").click()
    assert REASON in phone.locator("main").inner_text()
    phone.set_input_files(
        "#id_evidence", {"name": "Biên bản họp dân.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    with phone.expect_navigation():
        phone.click("#save-and-submit")
    assert [text.strip() for text in phone.locator(".alert-success").all_inner_texts()] == [
        "Đã lưu và gửi đăng ký đến Ban Dân vận Huyện ủy."
    ]
    assert phone.locator(".alert-danger, .alert-warning.alert-dismissible").count() == 0
    registration = Registration.objects.get(pk=registration.pk)
    assert registration.status == Status.SUBMITTED
    assert sorted(registration.evidence.values_list("original_name", flat=True)) == ["Biên bản họp dân.pdf", "Ảnh ra quân.png"]
    assert phone.js_errors == [] and staff.js_errors == []
