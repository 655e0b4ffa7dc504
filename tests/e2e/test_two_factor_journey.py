"""A staff member without a second factor enrols on first sign-in (QR code, key, code,
recovery codes shown once), signs out, and signs in again with a code from the app."""

from tests.accounts.test_two_factor import code_for
from tests.e2e.conftest import login, logout
from tests.factories import MembershipFactory, UnitFactory, UserFactory


def test_staff_enrols_signs_out_and_signs_in_with_a_code(page, transactional_db, settings):
    settings.TWO_FACTOR_REQUIRED = True
    # The journey types a wrong code first; django-otp would hold the right one back for a
    # second after it (that delay is tested in tests/accounts/test_two_factor.py).
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    organiser = UnitFactory(kind="board", name="Ban Tuyên giáo và Dân vận Tỉnh ủy")
    staff = UserFactory(username="tinh", full_name="Trần Văn Tỉnh")
    MembershipFactory(user=staff, unit=organiser, role="district_staff")
    page.set_viewport_size({"width": 390, "height": 844})

    login(page, "tinh")
    assert "/accounts/2fa/setup/" in page.url
    assert page.locator("h1").inner_text() == "Bật xác thực hai bước"
    assert page.locator(".two-factor-qr svg").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    secret = page.locator("#two-factor-secret").inner_text()

    page.fill("input[name=code]", "000000")
    with page.expect_navigation():
        page.click("#two-factor-setup button[type=submit]")
    assert "Mã không đúng" in page.locator("#two-factor-setup").inner_text()

    page.fill("input[name=code]", code_for(secret))
    with page.expect_navigation():
        page.click("#two-factor-setup button[type=submit]")
    codes = page.locator("#recovery-codes li").all_inner_texts()
    assert len(codes) == 10
    with page.expect_navigation():
        page.click("text=Tôi đã lưu các mã, tiếp tục")
    assert "Xin chào, Trần Văn Tỉnh" in page.locator("h1").inner_text()

    page.click(".navbar-toggler")  # the menu is folded on a phone
    # Bootstrap swaps "collapsing" for "collapse show" when the menu has finished opening;
    # a click on the user menu during the animation would be lost.
    page.wait_for_selector(".navbar-collapse.collapse.show")
    logout(page)
    login(page, "tinh")
    assert "/accounts/2fa/" in page.url
    assert page.locator("h1").inner_text() == "Xác thực hai bước"
    # The code of the next 30-second step: the one used to enrol cannot be replayed.
    page.fill("input[name=code]", code_for(secret, 1))
    with page.expect_navigation():
        page.click("#two-factor-verify button[type=submit]")
    assert page.url == f"{page.base_url}/"
    assert "Xin chào, Trần Văn Tỉnh" in page.locator("h1").inner_text()
    assert page.js_errors == []
