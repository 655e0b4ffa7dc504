from django.urls import reverse

from tests.factories import CouncilMemberFactory, UserFactory


def _nav_links(client):
    content = client.get(reverse("home")).content.decode()
    return content[content.index('id="mainnav"') : content.index("</nav>")]


def test_council_link_shows_only_to_members(client, focal_client, db):
    assert reverse("evaluations:queue") not in _nav_links(focal_client)
    member = CouncilMemberFactory(user=UserFactory(username="thamdinh1"))
    client.force_login(member.user)
    assert reverse("evaluations:queue") in _nav_links(client)


def test_staff_see_management_links_and_units_do_not(staff_client, focal_client):
    staff_nav = _nav_links(staff_client)
    assert reverse("accounts:manage_users") in staff_nav
    assert reverse("campaign:dashboard") in staff_nav
    unit_nav = _nav_links(focal_client)
    assert reverse("accounts:manage_users") not in unit_nav
    assert reverse("campaign:dashboard") not in unit_nav
    assert reverse("models:list") in unit_nav
