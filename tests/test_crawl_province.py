"""Every page today's province roles reach by following links answers without a server
error, and the staff, council members and users of another province open none of this
one's objects (the crawl: tests/crawl.py)."""

import pytest
from django.test import Client

from accounts.models import Role, Unit, User
from tests.crawl import OBJECT_URL, PROVINCE_ROLES, assert_walked_without_a_server_error, crawl_as
from tests.crawl import crawl as _walk
from tests.factories import CampaignFactory, DvkModelFactory, MembershipFactory, RegistrationFactory, UnitFactory, UserFactory
from tests.seeded import demo_seeded_once

demo_database = demo_seeded_once()


@pytest.fixture(autouse=True)
def _private_media(settings, demo_database):
    settings.MEDIA_ROOT = demo_database  # the crawl opens the files the demo stored


@pytest.fixture
def seeded(db, demo_database):
    """The demo, seeded once for the module; what a test changes is rolled back after it."""


@pytest.fixture(scope="module")
def crawled(demo_database, django_db_blocker):
    """{username: {url: status}} of each province role's crawl of the demo, once for the
    module: the tests below add another organiser's objects, which change nothing of
    what this province's roles reach."""
    with django_db_blocker.unblock():
        return {username: crawl_as(username) for username in PROVINCE_ROLES}


def test_every_linked_page_answers_without_a_server_error_for_every_role_of_the_province(seeded, crawled):
    assert_walked_without_a_server_error(crawled)


def test_staff_of_another_province_get_404_on_every_object_of_this_one(seeded, crawled):
    other = UnitFactory(kind=Unit.Kind.PROVINCE, code="DN", name="Tỉnh Đồng Nai")
    commune = UnitFactory(kind=Unit.Kind.COMMUNE, code="DN-XA", name="Xã Phú Lý", parent=other)
    outsider = UserFactory(username="dongnai")
    MembershipFactory(user=outsider, unit=other, role=Role.DISTRICT_STAFF)
    campaign = CampaignFactory(owner=other, status="published")
    RegistrationFactory(campaign=campaign, unit=commune, model=DvkModelFactory(unit=commune))
    walked = {**crawled["tinh"], **crawled["xakado"], **crawled["hdtinh"]}
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


def test_council_members_and_users_without_membership_read_nothing_of_the_other_organiser(seeded, crawled):
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

    walks = {"hdtinh": crawled["hdtinh"], "tinh": crawled["tinh"], **{user.username: walk(user) for user in (seated, nobody)}}
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
