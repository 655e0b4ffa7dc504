"""Every kind of page of the 2020 district replay's roles (board staff, head, standing member, a commune focal point, the council chair and a member), in Chromium, fits a 390 px phone and has no serious or
critical axe-core violation (the walk: tests/e2e/walk.py)."""

from tests.crawl import DISTRICT_2020_ROLES
from tests.e2e.walk import assert_no_page_scrolls_sideways, assert_no_serious_or_critical_axe_violation, walked_by

walked = walked_by(DISTRICT_2020_ROLES)


def test_no_page_scrolls_sideways_on_a_390_px_phone(walked):
    assert_no_page_scrolls_sideways(walked)


def test_no_serious_or_critical_axe_violation(walked):
    assert_no_serious_or_critical_axe_violation(walked)
