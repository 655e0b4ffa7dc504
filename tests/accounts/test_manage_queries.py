"""Every management page runs the same number of queries with 3 or 30 rows. The limits
are today's counts plus two, room for a site-wide context processor."""

import pytest
from django.urls import reverse

from audit import record
from tests.factories import MembershipFactory, UnitFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is slow on purpose; these tests create dozens of accounts and count queries.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _add_units(district, count, start):
    units = []
    for number in range(start, start + count):
        unit = UnitFactory(kind="commune", code=f"DD-X{number:03d}", name=f"Xã {number:03d}", parent=district)
        MembershipFactory(user=UserFactory(username=f"xa{number:03d}"), unit=unit, role="focal_point")
        units.append(unit)
    return units


def _add_accounts(unit, count, start):
    for number in range(start, start + count):
        account = UserFactory(username=f"dv{number:03d}")
        MembershipFactory(user=account, unit=unit, role="focal_point")
        MembershipFactory(user=account, unit=unit, role="viewer")


@pytest.mark.parametrize(
    "name,query",
    [("accounts:manage_users", {}), ("accounts:manage_users", {"q": "xa"}), ("accounts:manage_units", {})],
)
def test_lists_run_a_fixed_number_of_queries(staff_client, district, django_assert_max_num_queries, name, query):
    _add_units(district, 3, 0)
    with django_assert_max_num_queries(10) as small:
        assert staff_client.get(reverse(name), query).status_code == 200
    _add_units(district, 27, 3)
    with django_assert_max_num_queries(10) as large:
        response = staff_client.get(reverse(name), query)
    assert len(large.captured_queries) == len(small.captured_queries)
    assert response.context["paginator"].count >= 30


def test_unit_detail_runs_a_fixed_number_of_queries(staff_client, unit, django_assert_max_num_queries):
    _add_accounts(unit, 3, 0)
    url = reverse("accounts:unit_detail", args=[unit.pk])
    with django_assert_max_num_queries(9) as small:
        assert staff_client.get(url).status_code == 200
    _add_accounts(unit, 27, 3)
    with django_assert_max_num_queries(9) as large:
        assert len(staff_client.get(url).context["accounts"]) == 30
    assert len(large.captured_queries) == len(small.captured_queries)


def test_account_detail_runs_a_fixed_number_of_queries(
    staff_client, staff_user, focal_user, district, django_assert_max_num_queries
):
    url = reverse("accounts:user_detail", args=[focal_user.pk])
    for unit in _add_units(district, 3, 0):
        MembershipFactory(user=focal_user, unit=unit, role="focal_point")
        record(staff_user, "account.updated", focal_user)
    with django_assert_max_num_queries(8) as small:
        assert staff_client.get(url).status_code == 200
    for unit in _add_units(district, 27, 3):
        MembershipFactory(user=focal_user, unit=unit, role="focal_point")
        record(staff_user, "account.updated", focal_user)
    with django_assert_max_num_queries(8) as large:
        assert staff_client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_create_and_import_forms_run_a_fixed_number_of_queries(staff_client, district, django_assert_max_num_queries):
    _add_units(district, 3, 0)
    small = {}
    for name in ("accounts:user_create", "accounts:import"):
        with django_assert_max_num_queries(6) as queries:
            assert staff_client.get(reverse(name)).status_code == 200
        small[name] = len(queries.captured_queries)
    _add_units(district, 27, 3)
    for name in ("accounts:user_create", "accounts:import"):
        with django_assert_max_num_queries(6) as queries:
            assert staff_client.get(reverse(name)).status_code == 200
        assert len(queries.captured_queries) == small[name]
