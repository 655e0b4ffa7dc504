"""Dates are typed and shown day first, whatever the browser's language: an English
browser on an office computer must not turn 05/04/2026 into 4 May."""

import datetime

from campaign.models import Campaign
from tests.e2e.conftest import login


def test_a_date_typed_05_04_2026_in_an_english_browser_is_stored_as_5_april_2026(transactional_db, open_page, staff_user):
    page = open_page(locale="en-US", extra_http_headers={"Accept-Language": "en-US,en;q=0.9"})
    login(page, "bdv")
    assert page.evaluate("navigator.language") == "en-US"
    page.goto(f"{page.base_url}/campaign/")
    page.click("#create-campaign")
    date_box = page.locator("input[name=issued_on]")
    assert date_box.get_attribute("type") == "text"
    assert date_box.get_attribute("placeholder") == "ngày/tháng/năm"
    page.fill("input[name=year]", "2026")
    page.fill("textarea[name=title]", "Thực hiện phong trào thi đua “Dân vận khéo” năm 2026")
    date_box.fill("05/04/2026")
    with page.expect_navigation():
        page.click("#campaign-form button[type=submit]")
    assert page.locator(".alert-success").count() == 1
    campaign = Campaign.objects.get()
    assert campaign.issued_on == datetime.date(2026, 4, 5)

    page.goto(f"{page.base_url}/campaign/{campaign.pk}/edit/")
    assert page.locator("input[name=issued_on]").input_value() == "05/04/2026"
    assert page.js_errors == []
