"""Browser harness: Playwright's Python package driving Debian's Chromium against
pytest-django's live server. A failing test leaves a screenshot in test-artifacts/."""

import os
import re

import pytest

from tests.conftest import CHROMIUM

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# around it are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture(scope="session")
def playwright_browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


def new_page(browser, live_server, *, locale: str = "vi-VN", **options):
    """A page in a new browser context on the live server, in Vietnam's time zone; the
    page's script errors collect in ``page.js_errors``."""
    context = browser.new_context(locale=locale, timezone_id="Asia/Ho_Chi_Minh", accept_downloads=True, **options)
    # Generous: a page may render a PDF within the request, on a machine shared by every xdist worker.
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.base_url = live_server.url
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    return page


@pytest.fixture
def open_page(request, playwright_browser, live_server, artifacts_dir):
    """A page in a fresh browser context: ``open_page(locale="en-US", viewport=...)``.
    Each keeps a screenshot when the test fails."""
    contexts = []

    def open_page(*, locale: str = "vi-VN", **options):
        page = new_page(playwright_browser, live_server, locale=locale, **options)
        contexts.append((page.context, page))
        return page

    yield open_page
    failed = getattr(request.node, "rep_call", None)
    for number, (context, page) in enumerate(contexts):
        if failed is not None and failed.failed:
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
            try:
                page.screenshot(path=str(artifacts_dir / f"{name}-{number}.png"), full_page=True)
            except Exception:  # noqa: BLE001, S110 - a screenshot is a courtesy; the failure is reported anyway
                pass
        context.close()


@pytest.fixture
def page(open_page):
    return open_page()


def login(page, username: str, password: str = "danvankheo2020") -> None:  # noqa: S107 - demo password
    page.goto(f"{page.base_url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form button[type=submit]")


def logout(page) -> None:
    page.click("#user-menu")
    with page.expect_navigation():
        page.click("#logout-button")
