"""The walk of every kind of page of a set of demo roles, opened in Chromium as a person
reaches them: signed in, following the links of its pages (menu, lists, details) from
home, one page per kind of address (``/registrations/12/`` stands for every
registration), bounded like the crawl (tests/crawl.py). A test module walks once (its
``walked`` fixture, from ``walked_by``); its tests check what the walk found. The 2020
district's roles and today's province's are two modules, so that both test workers walk.

- Phones first: on a 390×844 screen (a common Android phone) no page scrolls sideways;
  wide tables scroll inside their own box or stack as cards.
- WCAG 2.1 AA by axe-core (vendored from the npm registry for the tests): no serious or
  critical violation, on a desktop screen (the menu unfolded). axe-core is slow, so each
  kind of page is checked once, as the first role that reaches it sees it; every role's
  home page is checked, as it differs most from role to role."""

import re
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings
from playwright.sync_api import Error as PlaywrightError

from accounts.models import User
from tests.crawl import SKIP
from tests.e2e.conftest import new_page
from tests.seeded import seed_demo_here

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
PAGES_PER_ROLE = 45
# Files, not pages: the browser downloads them.
FILES = re.compile(r"(export|download|/pdf|/docx|/xlsx|\.pdf|\.docx|\.xlsx|\.csv|thumbnail|/print)", re.IGNORECASE)
NUMBER = re.compile(r"\d+")

LINKS = """() => Array.from(document.querySelectorAll('a[href^="/"]')).map(a => a.getAttribute('href'))"""
# The elements that stick out are looked for only on a page that scrolls sideways (they
# name the fault in the failure's message).
OVERFLOW = """() => {
  const width = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= width) return {scrollWidth: scrollWidth, innerWidth: width, wide: []};
  const wide = Array.from(document.querySelectorAll('body *'))
    .filter(el => el.getBoundingClientRect().right > width + 1 && getComputedStyle(el).position !== 'fixed')
    .filter(el => !el.closest('.table-responsive, .overflow-auto, .dropdown-menu, .visually-hidden-focusable, .collapse:not(.show)'))
    .slice(0, 3)
    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + Array.from(el.classList).join('.'));
  return {scrollWidth: scrollWidth, innerWidth: width, wide: wide};
}"""
# Evaluated through the browser's developer protocol, which the page's content security
# policy (no inline scripts) does not govern; the portal itself never serves axe-core.
AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
RUN_AXE = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
    resultTypes: ['violations'],  // passes and the rest are not gathered in detail: faster, same violations
  });
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""


def kind_of(url: str) -> str:
    return NUMBER.sub("N", urlparse(url).path)


def walk(page, measure, *, start: str = "/", limit: int = PAGES_PER_ROLE) -> dict:
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


def axe_violations(page) -> list[str]:
    """Serious and critical violations on a desktop screen; the page is back at phone
    width afterwards."""
    page.set_viewport_size(DESKTOP)
    page.evaluate(AXE)
    problems = page.evaluate(RUN_AXE)
    page.set_viewport_size(PHONE)
    return problems


def walked_by(roles: list[str]):
    """A module-scoped fixture: {username: {url: {"widths": {...}, "axe": [...] or None}}}
    for ``roles``. The demo is seeded and committed (the live server reads it through its
    own connection), walked as each role, then flushed, as pytest-django's transactional
    tests leave the database."""

    @pytest.fixture(scope="module")
    def walked(django_db_setup, django_db_blocker, live_server, playwright_browser, tmp_path_factory):
        return _walk_as(roles, django_db_blocker, live_server, playwright_browser, tmp_path_factory)

    return walked


def _walk_as(roles, django_db_blocker, live_server, playwright_browser, tmp_path_factory) -> dict:
    demo_settings = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        MEDIA_ROOT=tmp_path_factory.mktemp("walk-media"),
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, urlparse(live_server.url).hostname],
    )
    checked: set[str] = set()

    def measure(page) -> dict:
        widths = page.evaluate(OVERFLOW)
        kind = kind_of(page.url)
        if kind in checked and kind != "/":
            return {"widths": widths, "axe": None}
        checked.add(kind)
        return {"widths": widths, "axe": axe_violations(page)}

    found = {}
    with demo_settings, django_db_blocker.unblock():
        seed_demo_here()
        try:
            for username in roles:
                # Not Chromium's mobile emulation: it widens the layout viewport to fit a page
                # that overflows, which would hide the very fault measured here.
                page = new_page(playwright_browser, live_server, viewport=PHONE, has_touch=True)
                _sign_in(page, username)
                found[username] = walk(page, measure)
                page.context.close()
        finally:
            call_command("flush", interactive=False, verbosity=0)
            ContentType.objects.clear_cache()
    return found


def _sign_in(page, username: str) -> None:
    """Signed in as ``username`` by the session cookie of a sign-in made on the server
    (the login form has journeys of its own: tests/e2e/test_login_journey.py)."""
    client = Client()
    client.force_login(User.objects.get(username=username))
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": page.base_url}])


def assert_no_page_scrolls_sideways(walked: dict) -> None:
    assert {username: len(pages) >= 8 for username, pages in walked.items()} == dict.fromkeys(walked, True)
    assert {m["widths"]["innerWidth"] for pages in walked.values() for m in pages.values()} == {PHONE["width"]}
    too_wide = {
        (username, url): (m["widths"]["scrollWidth"], m["widths"]["wide"])
        for username, pages in walked.items()
        for url, m in pages.items()
        if m["widths"]["scrollWidth"] > m["widths"]["innerWidth"]
    }
    assert too_wide == {}, "\n".join(f"{key}: {value}" for key, value in sorted(too_wide.items()))


def assert_no_serious_or_critical_axe_violation(walked: dict) -> None:
    checked = {
        (username, url): m["axe"] for username, pages in walked.items() for url, m in pages.items() if m["axe"] is not None
    }
    # Every role's home, and every part: plans, registrations, models, appraisal, reports, showcase.
    assert {username for username, url in checked if url == "/"} == set(walked)
    parts = {url.split("?")[0].strip("/").split("/")[0] for _username, url in checked}
    assert {"", "campaign", "registrations", "models", "appraisal", "reports", "showcase"} <= parts, parts
    found = {key: problems for key, problems in checked.items() if problems}
    assert found == {}, "\n".join(f"{key}: {value}" for key, value in sorted(found.items()))
