"""The crawl: every page a demo user reaches by following links, fetched with Django's
test client as that user. Two test modules use it, the 2020 district's roles
(tests/test_crawl_district_2020.py) and today's province's (tests/test_crawl_province.py),
so that both test workers crawl; the browser walk (tests/e2e/walk.py) follows the same
links and skips the same addresses."""

import re
from collections import deque
from urllib.parse import urldefrag, urlparse

from django.test import Client

from accounts.models import User

LINK = re.compile(r'href="(/[^"]*)"')
SKIP = ("/admin/", "/static/", "/i18n/", "/accounts/logout/")
PAGE_LIMIT = 120

# The 2020 replay's roles, then today's: province board staff and head, a commune focal
# point, the staff of a commune running its own campaign, a village, the province council.
DISTRICT_2020_ROLES = ["bdv", "truongban", "thuongtruc", "kado", "chutich", "thamdinh4"]
PROVINCE_ROLES = ["tinh", "tinhtruongban", "xakado", "dangkado", "kadomoi", "hdtinh"]
OBJECT_URL = re.compile(r"/\d+/")


def crawl(client: Client, start: str = "/", *, limit: int = PAGE_LIMIT, within: str = "") -> dict[str, int]:
    """{url: status} of every page reached by links from ``start`` (at most ``limit``),
    only addresses starting with ``within`` when it is given."""
    seen: dict[str, int] = {}
    queue = deque([start])
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not content_type.startswith("text/html"):
            continue
        for link in LINK.findall(response.content.decode()):
            link = urldefrag(link.replace("&amp;", "&"))[0]
            if link and link.startswith(within) and not link.startswith(SKIP) and urlparse(link).path and link not in seen:
                queue.append(link)
    return seen


def signed_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def crawl_as(username: str) -> dict[str, int]:
    return crawl(signed_in(User.objects.get(username=username)))


def server_errors(walked: dict[str, dict[str, int]]) -> dict[tuple[str, str], int]:
    return {(username, url): status for username, statuses in walked.items() for url, status in statuses.items() if status >= 500}


def objects_opened(statuses: dict[str, int]) -> set[str]:
    """The addresses of objects (a number in the path) that answered 200, the public
    showcase aside."""
    return {url for url, status in statuses.items() if status == 200 and OBJECT_URL.search(url) and not url.startswith("/showcase/")}


def assert_every_role_walks_without_a_server_error(roles: list[str]) -> None:
    assert_walked_without_a_server_error({username: crawl_as(username) for username in roles})


def assert_walked_without_a_server_error(walked: dict[str, dict[str, int]]) -> None:
    roles = list(walked)
    assert {username: len(statuses) >= 10 for username, statuses in walked.items()} == dict.fromkeys(roles, True)
    assert server_errors(walked) == {}
    assert {username: statuses["/"] for username, statuses in walked.items()} == dict.fromkeys(roles, 200)
