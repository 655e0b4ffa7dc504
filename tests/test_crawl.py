"""Every page a demo user can reach by following links answers without a server error,
in Vietnamese: a walk through the seeded portal as each role."""

import re
from collections import deque
from urllib.parse import urldefrag, urlparse

import pytest
from django.core.management import call_command
from django.test import Client

from accounts.models import User

LINK = re.compile(r'href="(/[^"]*)"')
SKIP = ("/admin/", "/static/", "/i18n/", "/accounts/logout/")
PAGE_LIMIT = 120


ROLES = ["bdv", "truongban", "thuongtruc", "kado", "chutich", "thamdinh4"]


@pytest.fixture
def seeded(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # the demo has 27 accounts
    call_command("seed_demo")


def _walk(client: Client) -> dict[str, int]:
    seen: dict[str, int] = {}
    queue = deque(["/"])
    while queue and len(seen) < PAGE_LIMIT:
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
            if link and not link.startswith(SKIP) and urlparse(link).path and link not in seen:
                queue.append(link)
    return seen


def test_every_linked_page_answers_without_a_server_error_for_every_role(seeded):
    walked = {}
    for username in ROLES:
        client = Client(raise_request_exception=False)
        client.force_login(User.objects.get(username=username))
        walked[username] = _walk(client)
    assert {username: len(statuses) >= 10 for username, statuses in walked.items()} == dict.fromkeys(ROLES, True)
    errors = {(username, url): status for username, statuses in walked.items() for url, status in statuses.items() if status >= 500}
    assert errors == {}
    assert {username: statuses["/"] for username, statuses in walked.items()} == dict.fromkeys(ROLES, 200)


def test_the_public_showcase_walks_without_login(seeded):
    statuses = _walk_from(Client(raise_request_exception=False), "/showcase/")
    assert statuses["/showcase/"] == 200
    assert {url: s for url, s in statuses.items() if s >= 500} == {}


def _walk_from(client: Client, start: str) -> dict[str, int]:
    seen: dict[str, int] = {}
    queue = deque([start])
    while queue and len(seen) < 40:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            queue.extend(link.replace("&amp;", "&") for link in LINK.findall(response.content.decode()) if link.startswith("/showcase/"))
    return seen


def test_the_english_interface_walks_without_a_server_error(seeded):
    for username in ("bdv", "kado", "thamdinh4"):
        client = Client(raise_request_exception=False)
        client.force_login(User.objects.get(username=username))
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        statuses = _walk(client)
        assert '<html lang="en">' in client.get("/").content.decode()
        assert {url: status for url, status in statuses.items() if status >= 500} == {}, username
