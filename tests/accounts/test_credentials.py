"""Credential changes and admin changes reach the ledger; reset e-mails are rate-limited."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Unit, User
from audit.models import AuditEntry
from audit.services import verify_chain
from tests.factories import UnitFactory, UserFactory

NEW_PASSWORD = "Mat-khau-moi-2026!"
NEUTRAL = "Nếu địa chỉ thư điện tử có trong hệ thống, chúng tôi đã gửi hướng dẫn đặt lại mật khẩu."


def _entries(action):
    return list(AuditEntry.objects.filter(action=action).order_by("sequence"))


def _assert_no_password_in(entry, *passwords):
    text = entry.canonical()
    for password in passwords:
        assert password not in text


def test_own_password_change_is_recorded_without_the_password(client, db):
    user = UserFactory(username="canbo", password="Mat-khau-cu-2020!")
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "Mat-khau-cu-2020!", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    [entry] = _entries("account.password_changed")
    assert (entry.actor, entry.object_id, entry.after) == (user, str(user.pk), {"how": "own"})
    _assert_no_password_in(entry, NEW_PASSWORD, "Mat-khau-cu-2020!")


def test_a_refused_password_change_records_nothing(client, db):
    user = UserFactory(password="Mat-khau-cu-2020!")
    client.force_login(user)
    response = client.post(reverse("accounts:password_change"), {"old_password": "sai", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 200
    assert _entries("account.password_changed") == []


def _reset_link(message) -> str:
    return re.search(r"https?://[^/]+(/accounts/reset/\S+)", message.body).group(1)


def test_a_reset_by_e_mail_link_is_recorded(client, db):
    user = UserFactory(email="canbo@example.gov.vn")
    client.post(reverse("accounts:password_reset"), {"email": "canbo@example.gov.vn"})
    [message] = mail.outbox
    form_page = client.get(_reset_link(message), follow=True)
    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    [entry] = _entries("account.password_changed")
    assert (entry.actor, entry.object_id, entry.after) == (user, str(user.pk), {"how": "reset"})
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_ten_reset_requests_in_a_row_send_three_e_mails_and_answer_the_same(client, db):
    UserFactory(email="canbo@example.gov.vn")
    pages = [client.post(reverse("accounts:password_reset"), {"email": "CanBo@example.gov.vn"}, follow=True) for _ in range(10)]
    assert len(mail.outbox) == 3
    assert {page.redirect_chain[-1][0] for page in pages} == {reverse("accounts:password_reset_done")}
    assert all(NEUTRAL in page.content.decode() for page in pages)
    # Someone else's address is still served.
    UserFactory(email="khac@example.gov.vn")
    client.post(reverse("accounts:password_reset"), {"email": "khac@example.gov.vn"})
    assert len(mail.outbox) == 4


def test_one_client_address_cannot_send_reset_mails_to_address_after_address(client, db, settings):
    settings.PASSWORD_RESET_LIMIT = 1  # one client may then send ten
    for number in range(12):
        UserFactory(email=f"nguoi{number}@example.gov.vn")
        client.post(reverse("accounts:password_reset"), {"email": f"nguoi{number}@example.gov.vn"})
    assert len(mail.outbox) == 10


@pytest.fixture
def superuser_client(client, db):
    admin = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    client.force_login(admin)
    client.user = admin
    return client


def _admin_form_data(response) -> dict:
    """The admin change form's data as it would be posted unchanged."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if isinstance(value, list | tuple):
            data[name] = [getattr(v, "pk", v) for v in value]
        elif value is None:
            data[name] = ""
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = getattr(value, "pk", value)
    for formset in response.context.get("inline_admin_formsets", []):
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management.initial.get(name, 0)
    return data


def test_a_change_made_in_the_admin_is_recorded_with_what_changed(superuser_client, district):
    url = reverse("admin:accounts_unit_change", args=[district.pk])
    data = _admin_form_data(superuser_client.get(url))
    data["name"] = "Ban Dân vận (đổi trong admin)"
    assert superuser_client.post(url, data).status_code == 302
    [entry] = _entries("admin.changed")
    assert (entry.actor, entry.object_type, entry.object_id) == (superuser_client.user, "accounts.unit", str(district.pk))
    assert entry.before == {"fields": {"name": "Huyện ủy Đơn Dương – Ban Dân vận"}}
    assert entry.after["fields"] == {"name": "Ban Dân vận (đổi trong admin)"}
    assert verify_chain() == 1


def test_additions_and_deletions_in_the_admin_are_recorded(superuser_client, district):
    doomed = UnitFactory(kind="village", parent=district, name="Thôn sẽ xoá")
    response = superuser_client.post(reverse("admin:accounts_unit_delete", args=[doomed.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Unit.objects.filter(pk=doomed.pk).exists()
    [deleted] = _entries("admin.deleted")
    assert (deleted.object_id, deleted.before["fields"]["name"]) == (str(doomed.pk), "Thôn sẽ xoá")
    response = superuser_client.post(
        reverse("admin:accounts_user_add"), {
            "username": "moi",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "usable_password": "true",
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    [added] = _entries("admin.added")
    assert added.after["fields"]["username"] == "moi"
    assert added.after["fields"]["password"] == "<ẩn>"
    _assert_no_password_in(added, NEW_PASSWORD)


def test_a_password_set_in_the_admin_is_a_recorded_credential_change(superuser_client, db):
    account = UserFactory(username="canbo")
    url = reverse("admin:auth_user_password_change", args=[account.pk])
    response = superuser_client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"})
    assert response.status_code == 302
    [entry] = _entries("account.password_changed")
    assert (entry.actor, entry.object_id, entry.after) == (superuser_client.user, str(account.pk), {"how": "admin"})
    [change] = _entries("admin.changed")
    # The admin's own log line says "password changed"; the hash stays out of the ledger.
    assert (change.before, change.after["fields"]) == ({"fields": {}}, {})
    assert "password" in str(change.after["message"]).lower()
    _assert_no_password_in(entry, NEW_PASSWORD)
    _assert_no_password_in(change, NEW_PASSWORD)
    assert User.objects.get(pk=account.pk).check_password(NEW_PASSWORD)


def test_the_admin_ledger_never_copies_a_totp_key_or_a_recovery_code(db):
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from audit.admin_ledger import field_values

    user = UserFactory()
    device = TOTPDevice.objects.create(user=user, name="app")
    token = StaticToken.objects.create(device=StaticDevice.objects.create(user=user, name="codes"), token="abcd1234")
    assert field_values(device)["key"] == "<ẩn>"
    assert field_values(token)["token"] == "<ẩn>"
    assert device.key not in str(field_values(device))
