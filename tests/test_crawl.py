"""Every page a demo user can reach by following links answers without a server error,
in Vietnamese: a walk through the seeded portal as each role."""

import re
from collections import deque
from urllib.parse import urldefrag, urlparse

import pytest
from django.test import Client

from accounts.models import Role, Unit, User
from tests.factories import CampaignFactory, DvkModelFactory, MembershipFactory, RegistrationFactory, UnitFactory, UserFactory
from tests.seeded import demo_seeded_once

LINK = re.compile(r'href="(/[^"]*)"')
SKIP = ("/admin/", "/static/", "/i18n/", "/accounts/logout/")
PAGE_LIMIT = 120


# The 2020 replay's roles, then today's: province board staff and head, a commune focal
# point, the staff of a commune running its own campaign, a village, the province council.
DISTRICT_2020_ROLES = ["bdv", "truongban", "thuongtruc", "kado", "chutich", "thamdinh4"]
PROVINCE_ROLES = ["tinh", "tinhtruongban", "xakado", "dangkado", "kadomoi", "hdtinh"]
ROLES = DISTRICT_2020_ROLES + PROVINCE_ROLES
OBJECT_URL = re.compile(r"/\d+/")


demo_database = demo_seeded_once()


@pytest.fixture(autouse=True)
def _private_media(settings, demo_database):
    settings.MEDIA_ROOT = demo_database  # the walk opens the files the demo stored


@pytest.fixture
def seeded(db, demo_database):
    """The demo, seeded once for the module; what a test changes is rolled back after it."""


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
    errors = {
        (username, url): status for username, statuses in walked.items() for url, status in statuses.items() if status >= 500
    }
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
            queue.extend(
                link.replace("&amp;", "&") for link in LINK.findall(response.content.decode()) if link.startswith("/showcase/")
            )
    return seen


def test_the_english_interface_walks_without_a_server_error(seeded):
    for username in ("bdv", "kado", "thamdinh4"):
        client = Client(raise_request_exception=False)
        client.force_login(User.objects.get(username=username))
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        statuses = _walk(client)
        assert '<html lang="en">' in client.get("/").content.decode()
        assert {url: status for url, status in statuses.items() if status >= 500} == {}, username


def test_a_signed_in_user_without_membership_or_seat_walks_without_error_and_reads_no_campaign(seeded):
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(username="nobody"))
    statuses = _walk(client)
    assert {url: status for url, status in statuses.items() if status >= 500} == {}
    assert [url for url in statuses if OBJECT_URL.search(url) and statuses[url] == 200 and not url.startswith("/showcase/")] == []


def test_staff_of_another_province_get_404_on_every_object_of_this_one(seeded):
    other = UnitFactory(kind=Unit.Kind.PROVINCE, code="DN", name="Tỉnh Đồng Nai")
    commune = UnitFactory(kind=Unit.Kind.COMMUNE, code="DN-XA", name="Xã Phú Lý", parent=other)
    outsider = UserFactory(username="dongnai")
    MembershipFactory(user=outsider, unit=other, role=Role.DISTRICT_STAFF)
    campaign = CampaignFactory(owner=other, status="published")
    RegistrationFactory(campaign=campaign, unit=commune, model=DvkModelFactory(unit=commune))
    walked = {}
    for username in ("tinh", "xakado", "hdtinh"):
        client = Client(raise_request_exception=False)
        client.force_login(User.objects.get(username=username))
        walked.update(_walk(client))
    objects = sorted(
        url for url, status in walked.items() if status == 200 and OBJECT_URL.search(url) and not url.startswith("/showcase/")
    )
    assert len(objects) >= 20
    client = Client(raise_request_exception=False)
    client.force_login(outsider)
    answered = {url: client.get(url).status_code for url in objects}
    assert {url: status for url, status in answered.items() if status != 404} == {}
    # ... and the other province's staff walk their own portal without error.
    statuses = _walk(client)
    assert {url: status for url, status in statuses.items() if status >= 500} == {}


def test_council_members_and_users_without_membership_read_nothing_of_the_other_organiser(seeded):
    """Two organisers, each with a council: a member seated on one council (with no unit
    membership) and a user with no membership at all walk without error, and neither
    opens an object of the other organiser; nor does this province's council member
    open the other's."""
    from evaluations.models import CouncilMember
    from registrations.models import Status
    from tests.factories import AssignmentFactory, CouncilFactory, CouncilMemberFactory, CriteriaSetFactory

    other = UnitFactory(kind=Unit.Kind.PROVINCE, code="DN", name="Tỉnh Đồng Nai")
    commune = UnitFactory(kind=Unit.Kind.COMMUNE, code="DN-XA", name="Xã Phú Lý", parent=other)
    campaign = CampaignFactory(owner=other, status="published")
    CriteriaSetFactory(campaign=campaign, kind="model")
    registration = RegistrationFactory(
        campaign=campaign, unit=commune, model=DvkModelFactory(unit=commune), status=Status.NOMINATED
    )
    seated = UserFactory(username="hddongnai")
    member = CouncilMemberFactory(council=CouncilFactory(campaign=campaign), user=seated, position=CouncilMember.Position.MEMBER)
    AssignmentFactory(member=member, registration=registration)
    nobody = UserFactory(username="khongdonvi")

    def walk(user) -> dict[str, int]:
        client = Client(raise_request_exception=False)
        client.force_login(user)
        return _walk(client)

    def objects(walked) -> set[str]:
        return {
            url for url, status in walked.items() if status == 200 and OBJECT_URL.search(url) and not url.startswith("/showcase/")
        }

    walks = {
        user.username: walk(user)
        for user in (User.objects.get(username="hdtinh"), User.objects.get(username="tinh"), seated, nobody)
    }
    assert {name: [url for url, s in statuses.items() if s >= 500] for name, statuses in walks.items()} == dict.fromkeys(
        walks, []
    )
    this_province = objects(walks["hdtinh"]) | objects(walks["tinh"])
    other_province = objects(walks["hddongnai"])
    assert len(this_province) >= 20
    assert any(str(registration.pk) in url for url in other_province)  # the seat opens its assignment
    assert objects(walks["khongdonvi"]) == set()

    def answers(user, urls) -> dict[str, int]:
        client = Client(raise_request_exception=False)
        client.force_login(user)
        return {url: status for url in sorted(urls) if (status := client.get(url).status_code) != 404}

    assert answers(seated, this_province - other_province) == {}
    assert answers(nobody, this_province | other_province) == {}
    assert answers(User.objects.get(username="hdtinh"), other_province - this_province) == {}
