import pytest

from accounts.models import Membership, Role
from accounts.services import (
    AccountError,
    create_focal_point,
    deactivate_user,
    reactivate_user,
    set_password_for,
    update_account,
)
from audit.models import AuditEntry
from audit.services import verify_chain
from tests.accounts.conftest import STRONG_PASSWORD
from tests.factories import TEST_PASSWORD


def _entries(action):
    return list(AuditEntry.objects.filter(action=action))


def test_create_focal_point_makes_an_argon2_account_with_a_focal_membership_and_an_audit_entry(staff_user, unit, settings):
    settings.PASSWORD_HASHERS = settings.ARGON2_FIRST
    account = create_focal_point(
        by=staff_user,
        unit=unit,
        username="kado2",
        password=STRONG_PASSWORD,
        full_name="Ka Sô Hoa",
        email="hoa@kado.vn",
        phone="0912 345 678",
        position="Trưởng Khối Dân vận",
    )
    account.refresh_from_db()
    assert account.password.startswith("argon2")
    assert account.check_password(STRONG_PASSWORD)
    assert (account.full_name, account.email, account.phone, account.position) == (
        "Ka Sô Hoa",
        "hoa@kado.vn",
        "0912 345 678",
        "Trưởng Khối Dân vận",
    )
    assert list(Membership.objects.filter(user=account).values_list("unit_id", "role")) == [(unit.pk, Role.FOCAL_POINT)]
    [entry] = _entries("account.created")
    assert entry.actor == staff_user and entry.object_id == str(account.pk)
    assert entry.after == {
        "username": "kado2",
        "full_name": "Ka Sô Hoa",
        "email": "hoa@kado.vn",
        "phone": "0912 345 678",
        "position": "Trưởng Khối Dân vận",
        "unit": "DD-KADO",
        "role": "focal_point",
    }
    assert verify_chain() == 1


def test_create_focal_point_refuses_a_username_taken_in_another_case(staff_user, unit, focal_user):
    with pytest.raises(AccountError, match="KaDo"):
        create_focal_point(by=staff_user, unit=unit, username="KaDo", password=STRONG_PASSWORD, full_name="X")
    assert not AuditEntry.objects.exists()


def test_create_focal_point_refuses_a_unit_of_another_district(staff_user, far_unit):
    with pytest.raises(AccountError, match="không quản lý đơn vị này"):
        create_focal_point(by=staff_user, unit=far_unit, username="moi", password=STRONG_PASSWORD, full_name="X")


def test_create_focal_point_refuses_the_district_itself(staff_user, district):
    with pytest.raises(AccountError):
        create_focal_point(by=staff_user, unit=district, username="moi", password=STRONG_PASSWORD, full_name="X")


def test_create_focal_point_refuses_a_weak_password_and_writes_nothing(staff_user, unit):
    with pytest.raises(AccountError, match="Mật khẩu quá ngắn"):
        create_focal_point(by=staff_user, unit=unit, username="moi", password="abc12", full_name="X")
    assert not Membership.objects.filter(user__username="moi").exists()


def _can_log_in(client, username, password) -> bool:
    response = client.post("/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302 and "_auth_user_id" in client.session


def test_deactivate_locks_the_account_and_records_the_reason(client, staff_user, focal_user):
    deactivate_user(focal_user, by=staff_user, reason="Chuyển công tác")
    focal_user.refresh_from_db()
    assert focal_user.is_active is False
    [entry] = _entries("account.deactivated")
    assert entry.before == {"is_active": True}
    assert entry.after == {"is_active": False, "reason": "Chuyển công tác"}
    assert not _can_log_in(client, "kado", TEST_PASSWORD)


def test_deactivating_twice_is_refused(staff_user, focal_user):
    deactivate_user(focal_user, by=staff_user)
    with pytest.raises(AccountError, match="đã bị khóa từ trước"):
        deactivate_user(focal_user, by=staff_user)
    assert len(_entries("account.deactivated")) == 1


def test_nobody_can_deactivate_themselves(staff_user):
    with pytest.raises(AccountError, match="tự khóa"):
        deactivate_user(staff_user, by=staff_user)
    staff_user.refresh_from_db()
    assert staff_user.is_active is True


def test_reactivate_lets_the_old_password_work_again(client, staff_user, focal_user):
    deactivate_user(focal_user, by=staff_user)
    reactivate_user(focal_user, by=staff_user)
    focal_user.refresh_from_db()
    assert focal_user.is_active is True
    [entry] = _entries("account.reactivated")
    assert (entry.before, entry.after) == ({"is_active": False}, {"is_active": True})
    assert _can_log_in(client, "kado", TEST_PASSWORD)


def test_reactivating_an_active_account_is_refused(staff_user, focal_user):
    with pytest.raises(AccountError, match="đang hoạt động"):
        reactivate_user(focal_user, by=staff_user)


def test_set_password_replaces_the_password_and_never_writes_it_to_the_audit(staff_user, focal_user):
    set_password_for(focal_user, by=staff_user, password=STRONG_PASSWORD)
    focal_user.refresh_from_db()
    assert focal_user.check_password(STRONG_PASSWORD)
    assert not focal_user.check_password(TEST_PASSWORD)
    [entry] = _entries("account.password_set")
    assert entry.actor == staff_user
    assert (entry.before, entry.after) == (None, None)
    assert STRONG_PASSWORD not in entry.canonical() and "argon2" not in entry.canonical()


def test_set_password_refuses_a_numeric_password(staff_user, focal_user):
    with pytest.raises(AccountError, match="chỉ gồm chữ số"):
        set_password_for(focal_user, by=staff_user, password="20202020")
    focal_user.refresh_from_db()
    assert focal_user.check_password(TEST_PASSWORD)
    assert not _entries("account.password_set")


def test_set_password_lifts_a_login_lockout(client, staff_user, focal_user, django_capture_on_commit_callbacks):
    for _attempt in range(5):
        client.post("/accounts/login/", {"username": "kado", "password": "sai"})
    assert client.post("/accounts/login/", {"username": "kado", "password": TEST_PASSWORD}).status_code == 429
    with django_capture_on_commit_callbacks(execute=True):
        set_password_for(focal_user, by=staff_user, password=STRONG_PASSWORD)
    response = client.post("/accounts/login/", {"username": "kado", "password": STRONG_PASSWORD})
    assert response.status_code == 302


def test_update_account_records_only_the_changed_fields(staff_user, focal_user):
    update_account(focal_user, by=staff_user, full_name=focal_user.full_name, email="moi@kado.vn", phone="", position="")
    [entry] = _entries("account.updated")
    assert entry.before == {"email": "kado@example.org"}
    assert entry.after == {"email": "moi@kado.vn"}


def test_update_account_without_changes_writes_no_audit_entry(staff_user, focal_user):
    update_account(focal_user, by=staff_user, full_name=focal_user.full_name, email=focal_user.email)
    assert not _entries("account.updated")
