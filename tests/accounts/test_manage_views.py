import pytest
from django.urls import reverse

from accounts.models import Membership, User
from audit.models import AuditEntry
from tests.accounts.conftest import STRONG_PASSWORD
from tests.factories import TEST_PASSWORD, MembershipFactory, UnitFactory, UserFactory

LIST_PAGES = [
    "accounts:manage_users",
    "accounts:manage_units",
    "accounts:user_create",
    "accounts:import",
    "accounts:import_template",
]
ACCOUNT_PAGES = [
    "accounts:user_detail",
    "accounts:user_update",
    "accounts:user_deactivate",
    "accounts:user_reactivate",
    "accounts:user_set_password",
]


def _create_data(unit, **overrides):
    data = {
        "unit": unit.pk,
        "username": "kado2",
        "full_name": "Ka Sô Hoa",
        "position": "Trưởng Khối Dân vận",
        "email": "hoa@kado.vn",
        "phone": "0912 345 678",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
    }
    return {**data, **overrides}


# --- Who may reach the pages -----------------------------------------------------------------


@pytest.mark.parametrize("name", LIST_PAGES)
def test_a_focal_point_gets_the_friendly_403_on_list_and_import_pages(focal_client, name, settings):
    settings.DEBUG = False
    response = focal_client.get(reverse(name))
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


@pytest.mark.parametrize("name", LIST_PAGES)
def test_a_viewer_gets_403_on_list_and_import_pages(viewer_client, name):
    assert viewer_client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", LIST_PAGES)
def test_anonymous_visitors_are_sent_to_the_login_page(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_a_focal_point_cannot_import(focal_client, district):
    response = focal_client.post(reverse("accounts:import"), {"district": district.pk})
    assert response.status_code == 403


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_a_focal_point_gets_404_on_another_units_account(focal_client, other_focal_user, name):
    assert focal_client.get(reverse(name, args=[other_focal_user.pk])).status_code == 404
    assert focal_client.post(reverse(name, args=[other_focal_user.pk])).status_code == 404


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_a_focal_point_gets_404_even_on_its_own_account_pages(focal_client, focal_user, name):
    assert focal_client.get(reverse(name, args=[focal_user.pk])).status_code == 404


def test_a_focal_point_gets_404_on_a_unit_page(focal_client, unit, other_unit):
    assert focal_client.get(reverse("accounts:unit_detail", args=[other_unit.pk])).status_code == 404
    assert focal_client.get(reverse("accounts:unit_detail", args=[unit.pk])).status_code == 404


@pytest.mark.parametrize("name", ACCOUNT_PAGES)
def test_staff_of_another_district_get_404_on_this_districts_accounts(client, other_district_staff, focal_user, name):
    client.force_login(other_district_staff)
    assert client.get(reverse(name, args=[focal_user.pk])).status_code == 404
    assert (
        client.post(reverse(name, args=[focal_user.pk]), {"password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD}).status_code
        == 404
    )
    focal_user.refresh_from_db()
    assert focal_user.is_active and focal_user.check_password(TEST_PASSWORD)


def test_staff_of_another_district_get_404_on_this_districts_unit(client, other_district_staff, unit):
    client.force_login(other_district_staff)
    assert client.get(reverse("accounts:unit_detail", args=[unit.pk])).status_code == 404


def test_staff_of_another_district_do_not_see_this_districts_accounts_or_units(
    client, other_district_staff, focal_user, far_focal_user
):
    client.force_login(other_district_staff)
    content = client.get(reverse("accounts:manage_users")).content.decode()
    assert "dasar" in content and ">kado<" not in content
    units = client.get(reverse("accounts:manage_units")).content.decode()
    assert "Xã Đạ Sar" in units and "Xã Ka Đô" not in units


def test_staff_get_404_on_a_superuser_with_a_role_in_their_district(staff_client, district):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    MembershipFactory(user=admin, unit=district, role="district_staff")
    assert staff_client.get(reverse("accounts:user_set_password", args=[admin.pk])).status_code == 404


def test_staff_get_404_on_an_account_that_also_holds_a_role_in_another_district(staff_client, focal_user, far_unit):
    MembershipFactory(user=focal_user, unit=far_unit, role="focal_point")
    assert staff_client.get(reverse("accounts:user_detail", args=[focal_user.pk])).status_code == 404


def test_plain_staff_may_read_but_not_change_the_board_heads_account(staff_client, board_head):
    assert staff_client.get(reverse("accounts:user_detail", args=[board_head.pk])).status_code == 200
    response = staff_client.post(reverse("accounts:user_deactivate", args=[board_head.pk]))
    assert response.status_code == 403
    board_head.refresh_from_db()
    assert board_head.is_active


def test_the_board_head_may_reset_a_staff_members_password(client, board_head, staff_user):
    client.force_login(board_head)
    response = client.post(
        reverse("accounts:user_set_password", args=[staff_user.pk]), {"password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD}
    )
    assert response.status_code == 302
    staff_user.refresh_from_db()
    assert staff_user.check_password(STRONG_PASSWORD)


def test_staff_cannot_lock_themselves_out_from_these_pages(staff_client, staff_user):
    assert staff_client.post(reverse("accounts:user_deactivate", args=[staff_user.pk])).status_code == 403
    staff_user.refresh_from_db()
    assert staff_user.is_active


# --- Lists ---------------------------------------------------------------------------------


def test_account_list_shows_the_districts_accounts_with_units_and_status(staff_client, focal_user, other_focal_user):
    other_focal_user.is_active = False
    other_focal_user.save()
    response = staff_client.get(reverse("accounts:manage_users"))
    assert response.status_code == 200
    assert [account.username for account in response.context["accounts"]] == ["bdv", "kado", "thanhmy"]
    content = response.content.decode()
    assert "Xã Ka Đô" in content and "Đầu mối đơn vị" in content and "Đã khóa" in content


def test_account_list_filters_by_unit_search_and_status(staff_client, focal_user, other_focal_user, unit, other_unit):
    url = reverse("accounts:manage_users")
    assert [a.username for a in staff_client.get(url, {"unit": unit.pk}).context["accounts"]] == ["kado"]
    assert [a.username for a in staff_client.get(url, {"q": "thanh"}).context["accounts"]] == ["thanhmy"]
    other_focal_user.is_active = False
    other_focal_user.save()
    assert [a.username for a in staff_client.get(url, {"status": "inactive"}).context["accounts"]] == ["thanhmy"]


def test_account_list_ignores_a_unit_filter_from_another_district(staff_client, focal_user, far_unit):
    response = staff_client.get(reverse("accounts:manage_users"), {"unit": far_unit.pk})
    assert response.status_code == 200
    assert "Bộ lọc không hợp lệ" in response.content.decode()


def test_account_list_is_paginated_by_25_and_keeps_the_filter_in_page_links(staff_client, unit):
    for number in range(30):
        MembershipFactory(user=UserFactory(username=f"kado{number:02d}"), unit=unit, role="focal_point")
    response = staff_client.get(reverse("accounts:manage_users"), {"unit": unit.pk})
    assert len(response.context["accounts"]) == 25
    assert response.context["paginator"].count == 30
    assert f"unit={unit.pk}&amp;page=2" in response.content.decode()
    assert len(staff_client.get(reverse("accounts:manage_users"), {"unit": unit.pk, "page": 2}).context["accounts"]) == 5


def test_unit_list_counts_accounts_of_each_unit(staff_client, district, unit, other_unit, focal_user, other_focal_user):
    MembershipFactory(user=UserFactory(username="admin", is_superuser=True, is_staff=True), unit=district, role="district_staff")
    other_focal_user.is_active = False
    other_focal_user.save()
    response = staff_client.get(reverse("accounts:manage_units"))
    counts = {u.code: (u.account_count, u.active_account_count) for u in response.context["units"]}
    assert counts == {"DD": (1, 1), "DD-THANHMY": (1, 0), "DD-KADO": (1, 1)}
    assert [u.code for u in response.context["units"]] == ["DD", "DD-THANHMY", "DD-KADO"]


def test_unit_detail_lists_the_units_accounts_and_offers_to_create_one(staff_client, unit, focal_user, other_focal_user):
    response = staff_client.get(reverse("accounts:unit_detail", args=[unit.pk]))
    assert [a.username for a in response.context["accounts"]] == ["kado"]
    assert f"{reverse('accounts:user_create')}?unit={unit.pk}" in response.content.decode()


# --- Create --------------------------------------------------------------------------------


def test_create_form_preselects_the_unit_from_the_query_string(staff_client, unit):
    response = staff_client.get(reverse("accounts:user_create"), {"unit": unit.pk})
    assert response.context["form"]["unit"].value() == unit.pk


def test_create_form_offers_only_units_of_the_staffs_district(staff_client, unit, other_unit, far_unit, district):
    form = staff_client.get(reverse("accounts:user_create")).context["form"]
    assert set(form.fields["unit"].queryset) == {unit, other_unit}


def test_creating_a_focal_point_redirects_to_the_account_and_audits(staff_client, staff_user, unit):
    response = staff_client.post(reverse("accounts:user_create"), _create_data(unit))
    account = User.objects.get(username="kado2")
    assert response.status_code == 302
    assert response.url == reverse("accounts:user_detail", args=[account.pk])
    assert account.check_password(STRONG_PASSWORD)
    assert Membership.objects.get(user=account).unit == unit
    entry = AuditEntry.objects.get(action="account.created")
    assert entry.actor == staff_user and STRONG_PASSWORD not in entry.canonical()
    page = staff_client.get(response.url).content.decode()
    assert "Đã tạo tài khoản “kado2” cho Xã Ka Đô" in page and "Tạo tài khoản" in page


def test_create_form_keeps_typed_values_but_not_passwords_on_error(staff_client, unit, focal_user):
    response = staff_client.post(
        reverse("accounts:user_create"), _create_data(unit, username="KADO", email="khong-phai-email", password2="khac-nhau-2020")
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["username"] == ["Tên đăng nhập “KADO” đã có người dùng."]
    assert errors["email"] == ["Thư điện tử không hợp lệ (ví dụ đúng: ten@example.vn)."]
    assert errors["password2"] == ["Hai lần nhập mật khẩu không khớp nhau."]
    content = response.content.decode()
    assert 'value="KADO"' in content and 'value="Ka Sô Hoa"' in content and 'value="0912 345 678"' in content
    assert STRONG_PASSWORD not in content and "khac-nhau-2020" not in content
    assert not User.objects.filter(username="KADO").exists()


def test_create_form_explains_a_weak_password_in_vietnamese(staff_client, unit):
    response = staff_client.post(reverse("accounts:user_create"), _create_data(unit, password1="1234", password2="1234"))
    assert response.context["form"].errors["password1"] == [
        "Mật khẩu quá ngắn: cần ít nhất 8 ký tự.",
        "Mật khẩu này quá phổ biến, dễ bị đoán.",
        "Mật khẩu không được chỉ gồm chữ số.",
    ]


def test_create_form_refuses_a_username_with_spaces_or_diacritics(staff_client, unit):
    response = staff_client.post(reverse("accounts:user_create"), _create_data(unit, username="ka đô"))
    assert response.context["form"].errors["username"] == [
        "Tên đăng nhập chỉ gồm chữ cái không dấu, số và các ký tự @ . + - _ (không có dấu cách)."
    ]


def test_create_form_refuses_a_unit_of_another_district(staff_client, far_unit):
    response = staff_client.post(reverse("accounts:user_create"), _create_data(far_unit))
    assert "unit" in response.context["form"].errors
    assert not User.objects.filter(username="kado2").exists()


# --- Deactivate, reactivate, set password, edit --------------------------------------------------


def test_deactivate_page_asks_for_confirmation_then_locks(staff_client, focal_user):
    url = reverse("accounts:user_deactivate", args=[focal_user.pk])
    assert "Khóa tài khoản “kado”" in staff_client.get(url).content.decode()
    response = staff_client.post(url, {"reason": "Chuyển công tác"})
    assert response.url == reverse("accounts:user_detail", args=[focal_user.pk])
    focal_user.refresh_from_db()
    assert not focal_user.is_active
    page = staff_client.get(response.url).content.decode()
    assert "Đã khóa tài khoản “kado”." in page and "Khóa tài khoản – Chuyển công tác" in page


def test_a_deactivated_user_cannot_log_in_and_their_open_session_ends(client, staff_user, focal_user):
    client.force_login(focal_user)
    assert client.get(reverse("home")).status_code == 200
    from accounts.services import deactivate_user

    deactivate_user(focal_user, by=staff_user)
    assert client.get(reverse("home")).status_code == 302
    response = client.post(reverse("accounts:login"), {"username": "kado", "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_reactivate_by_post_unlocks(staff_client, focal_user):
    focal_user.is_active = False
    focal_user.save()
    response = staff_client.post(reverse("accounts:user_reactivate", args=[focal_user.pk]))
    assert response.status_code == 302
    focal_user.refresh_from_db()
    assert focal_user.is_active
    assert AuditEntry.objects.filter(action="account.reactivated", object_id=str(focal_user.pk)).count() == 1


def test_reactivating_an_active_account_shows_a_message_and_changes_nothing(staff_client, focal_user):
    response = staff_client.post(reverse("accounts:user_reactivate", args=[focal_user.pk]), follow=True)
    assert "Tài khoản này đang hoạt động." in response.content.decode()
    assert not AuditEntry.objects.filter(action="account.reactivated").exists()


def test_set_password_page_sets_it_and_the_user_logs_in_with_it(client, staff_user, focal_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("accounts:user_set_password", args=[focal_user.pk]), {"password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD}
    )
    assert response.status_code == 302
    client.logout()
    assert client.post(reverse("accounts:login"), {"username": "kado", "password": STRONG_PASSWORD}).status_code == 302
    entry = AuditEntry.objects.get(action="account.password_set")
    assert entry.before is None and entry.after is None


def test_set_password_page_refuses_a_password_like_the_email_address(staff_client, focal_user):
    response = staff_client.post(
        reverse("accounts:user_set_password", args=[focal_user.pk]),
        {"password1": "kado@example.org", "password2": "kado@example.org"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["password1"] == ["Mật khẩu quá giống địa chỉ email."]
    assert 'value="kado@example.org"' not in response.content.decode()
    focal_user.refresh_from_db()
    assert focal_user.check_password(TEST_PASSWORD)


def test_edit_page_updates_contact_details(staff_client, focal_user):
    response = staff_client.post(
        reverse("accounts:user_update", args=[focal_user.pk]),
        {"full_name": "Ka Sô Hoa", "position": "Trưởng khối", "email": "hoa@kado.vn", "phone": "0263 3848 111"},
    )
    assert response.status_code == 302
    focal_user.refresh_from_db()
    assert (focal_user.full_name, focal_user.email, focal_user.phone) == ("Ka Sô Hoa", "hoa@kado.vn", "0263 3848 111")


def test_account_detail_shows_roles_and_history(staff_client, focal_user, unit):
    from accounts.services import set_password_for

    set_password_for(focal_user, by=staff_client.get(reverse("home")).wsgi_request.user, password=STRONG_PASSWORD)
    content = staff_client.get(reverse("accounts:user_detail", args=[focal_user.pk])).content.decode()
    assert "Xã Ka Đô" in content and "Đầu mối đơn vị" in content
    assert "Đặt mật khẩu mới" in content and "bdv" in content


def test_unit_of_the_district_staff_form_does_not_include_organisation_of_other_district(staff_client):
    UnitFactory(kind="organisation", code="LDU-MTTQ", name="MTTQ Lạc Dương")
    assert "MTTQ Lạc Dương" not in staff_client.get(reverse("accounts:user_create")).content.decode()
