import re

from accounts.demo import seed
from tests.e2e.conftest import login, logout


def test_staff_logs_in_sees_vietnamese_home_switches_to_english_and_logs_out(page, transactional_db):
    seed()
    page.goto(f"{page.base_url}/accounts/login/")
    assert page.locator("h1").inner_text() == "Đăng nhập"
    assert page.locator("html").get_attribute("lang") == "vi"

    login(page, "bdv")
    assert page.url == f"{page.base_url}/"
    assert "Xin chào, Nguyễn Thị Hồng" in page.locator("h1").inner_text()

    with page.expect_navigation():
        page.select_option("select[name=language]", "en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Hello, Nguyễn Thị Hồng" in page.locator("h1").inner_text()

    logout(page)
    assert re.search(r"/accounts/(login|logout)/", page.url)
    assert page.js_errors == []
