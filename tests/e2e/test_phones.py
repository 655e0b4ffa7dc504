"""Phones first: on a 390×844 screen (a common Android phone) no page of any demo role
scrolls sideways; wide tables scroll inside their own box or stack as cards.

Each role signs in as a person would and follows the links of its pages (menu, lists,
details), one page per kind of address (``/registrations/12/`` stands for every
registration), bounded like tests/test_crawl.py."""

import re
from collections import deque
from urllib.parse import urldefrag, urlparse

import pytest
from django.core.management import call_command
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.conftest import login
from tests.test_crawl import ROLES, SKIP

PHONE = {"width": 390, "height": 844}
PAGES_PER_ROLE = 45
# Files, not pages: the browser downloads them.
FILES = re.compile(r"(export|download|/pdf|/docx|/xlsx|\.pdf|\.docx|\.xlsx|\.csv|thumbnail|/print)", re.IGNORECASE)
NUMBER = re.compile(r"\d+")

LINKS = """() => Array.from(document.querySelectorAll('a[href^="/"]')).map(a => a.getAttribute('href'))"""
OVERFLOW = """() => {
  const width = window.innerWidth;
  const wide = Array.from(document.querySelectorAll('body *'))
    .filter(el => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== 'fixed')
    .filter(el => !el.closest('.table-responsive, .overflow-auto, .dropdown-menu, .visually-hidden-focusable, .collapse:not(.show)'))
    .slice(0, 3)
    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + Array.from(el.classList).join('.'));
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide};
}"""


@pytest.fixture
def seeded(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo")


def kind_of(url: str) -> str:
    path = urlparse(url).path
    return NUMBER.sub("N", path)


def measure_widths(page):
    return page.evaluate(OVERFLOW)


def walk(page, measure=measure_widths, *, start: str = "/", limit: int = PAGES_PER_ROLE) -> dict:
    """Every kind of page the role reaches by links from ``start`` (at most ``limit``),
    each with what ``measure(page)`` found on it."""
    measured: dict = {}
    seen_kinds: set[str] = set()
    queue = deque([start])
    while queue and len(measured) < limit:
        url = queue.popleft()
        kind = kind_of(url)
        if kind in seen_kinds:
            continue
        seen_kinds.add(kind)
        try:
            response = page.goto(page.base_url + url)
        except PlaywrightError:
            continue  # a download
        if response is None or response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
            continue
        measured[url] = measure(page)
        for link in page.evaluate(LINKS):
            link = urldefrag(link.replace("&amp;", "&"))[0]
            if link and not link.startswith(SKIP) and not FILES.search(link) and kind_of(link) not in seen_kinds:
                queue.append(link)
    return measured


def test_no_page_of_any_demo_role_scrolls_sideways_on_a_390_px_phone(seeded, open_page):
    too_wide = {}
    visited = {}
    for username in ROLES:
        # Not Chromium's mobile emulation: it widens the layout viewport to fit a page
        # that overflows, which would hide the very fault measured here.
        page = open_page(viewport=PHONE, has_touch=True)
        login(page, username)
        measured = walk(page)
        visited[username] = len(measured)
        too_wide.update(
            {(username, url): (m["scrollWidth"], m["wide"]) for url, m in measured.items() if m["scrollWidth"] > m["innerWidth"]}
        )
        assert {m["innerWidth"] for m in measured.values()} == {PHONE["width"]}
        page.context.close()
    assert {username: count >= 8 for username, count in visited.items()} == dict.fromkeys(ROLES, True), visited
    assert too_wide == {}, "\n".join(f"{key}: {value}" for key, value in sorted(too_wide.items()))
