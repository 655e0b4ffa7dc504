"""Every page the 2020 district's demo users reach by following links answers without a
server error, in Vietnamese and in English; the public showcase and a signed-in user
with no membership walk too (the crawl: tests/crawl.py)."""

import pytest
from django.test import Client

from tests.crawl import DISTRICT_2020_ROLES, assert_every_role_walks_without_a_server_error, crawl, objects_opened, signed_in
from tests.factories import UserFactory
from tests.seeded import demo_seeded_once

demo_database = demo_seeded_once()


@pytest.fixture(autouse=True)
def _private_media(settings, demo_database):
    settings.MEDIA_ROOT = demo_database  # the crawl opens the files the demo stored


@pytest.fixture
def seeded(db, demo_database):
    """The demo, seeded once for the module; what a test changes is rolled back after it."""


def test_every_linked_page_answers_without_a_server_error_for_every_role_of_2020(seeded):
    assert_every_role_walks_without_a_server_error(DISTRICT_2020_ROLES)


def test_the_public_showcase_walks_without_login(seeded):
    statuses = crawl(Client(raise_request_exception=False), "/showcase/", limit=40, within="/showcase/")
    assert statuses["/showcase/"] == 200
    assert {url: s for url, s in statuses.items() if s >= 500} == {}


def test_the_english_interface_walks_without_a_server_error(seeded):
    from accounts.models import User

    for username in ("bdv", "kado", "thamdinh4"):
        client = signed_in(User.objects.get(username=username))
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        statuses = crawl(client)
        assert '<html lang="en">' in client.get("/").content.decode()
        assert {url: status for url, status in statuses.items() if status >= 500} == {}, username


def test_a_signed_in_user_without_membership_or_seat_walks_without_error_and_reads_no_campaign(seeded):
    statuses = crawl(signed_in(UserFactory(username="nobody")))
    assert {url: status for url, status in statuses.items() if status >= 500} == {}
    assert objects_opened(statuses) == set()
