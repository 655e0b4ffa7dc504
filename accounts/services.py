"""Every change to units and accounts made from the portal. Each function runs in one
transaction, locks the row it changes, writes the audit entry and raises AccountError
with a message the page shows as it is. Passwords never reach the audit ledger."""

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

import audit

from .exceptions import AccountError, ImportRejected
from .models import Membership, Role, Unit, User
from .passwords import password_problems
from .selectors import member_units_manageable_by
from .unit_import import ImportSummary, UnitPlan, check_rows, read_rows

PROFILE_FIELDS = ("full_name", "email", "phone", "position")


def username_taken(username: str) -> bool:
    # Case-insensitive: "KaDo" and "kado" would be told apart only by the login form.
    return User.objects.filter(username__iexact=username).exists()


def check_password_strength(password: str, account: User) -> None:
    problems = password_problems(password, account)
    if problems:
        raise AccountError(" ".join(problems))


def _profile(account: User) -> dict:
    return {field: getattr(account, field) for field in PROFILE_FIELDS}


def _lock(account: User) -> User:
    return User.objects.select_for_update().get(pk=account.pk)


def create_focal_point(
    *, by: User, unit: Unit, username: str, password: str, full_name: str, email: str = "", phone: str = "", position: str = ""
) -> User:
    """Create the account of a unit's focal point (Khối Dân vận xã, thị trấn, or a
    district organisation) with the initial password the staff member typed."""
    if not member_units_manageable_by(by).filter(pk=unit.pk).exists():
        raise AccountError(_("Bạn không quản lý đơn vị này."))
    account = User(username=username, full_name=full_name, email=email, phone=phone, position=position)
    check_password_strength(password, account)
    account.set_password(password)
    try:
        with transaction.atomic():
            if username_taken(username):
                raise AccountError(_("Tên đăng nhập “%(username)s” đã có người dùng.") % {"username": username})
            account.save()
            Membership.objects.create(user=account, unit=unit, role=Role.FOCAL_POINT)
            audit.record(
                by,
                "account.created",
                account,
                after={"username": username, **_profile(account), "unit": unit.code, "role": Role.FOCAL_POINT},
            )
    except IntegrityError as error:
        raise AccountError(_("Tên đăng nhập “%(username)s” đã có người dùng.") % {"username": username}) from error
    return account


def update_account(account: User, *, by: User, full_name: str, email: str = "", phone: str = "", position: str = "") -> User:
    """Correct the name and contact details of an account (not its username or roles)."""
    with transaction.atomic():
        account = _lock(account)
        before = _profile(account)
        account.full_name, account.email, account.phone, account.position = full_name, email, phone, position
        after = _profile(account)
        if after != before:
            account.save(update_fields=list(PROFILE_FIELDS))
            changed = [field for field in PROFILE_FIELDS if before[field] != after[field]]
            audit.record(
                by,
                "account.updated",
                account,
                before={field: before[field] for field in changed},
                after={field: after[field] for field in changed},
            )
    return account


def deactivate_user(account: User, *, by: User, reason: str = "") -> User:
    """Lock an account: it can no longer log in and its open sessions end at their next
    request. Nothing it wrote is removed."""
    if account.pk == by.pk:
        raise AccountError(_("Bạn không thể tự khóa tài khoản của mình."))
    with transaction.atomic():
        account = _lock(account)
        if not account.is_active:
            raise AccountError(_("Tài khoản này đã bị khóa từ trước."))
        account.is_active = False
        account.save(update_fields=["is_active"])
        audit.record(by, "account.deactivated", account, before={"is_active": True}, after={"is_active": False, "reason": reason})
    return account


def reactivate_user(account: User, *, by: User) -> User:
    with transaction.atomic():
        account = _lock(account)
        if account.is_active:
            raise AccountError(_("Tài khoản này đang hoạt động."))
        account.is_active = True
        account.save(update_fields=["is_active"])
        audit.record(by, "account.reactivated", account, before={"is_active": False}, after={"is_active": True})
    return account


def set_password_for(account: User, *, by: User, password: str) -> User:
    """Give an account a new password chosen by district staff (the person forgot theirs).
    Their other sessions end, and a lock-out after failed logins is lifted."""
    if account.pk == by.pk:
        raise AccountError(_("Hãy đổi mật khẩu của chính bạn ở mục “Đổi mật khẩu”."))
    with transaction.atomic():
        account = _lock(account)
        check_password_strength(password, account)
        account.set_password(password)
        account.save(update_fields=["password"])
        audit.record(by, "account.password_set", account)
        username = account.username
        transaction.on_commit(lambda: _lift_lockout(username))
    return account


def _lift_lockout(username: str) -> None:
    from axes.utils import reset

    reset(username=username)


def import_units_and_accounts(upload, *, by: User, district: Unit) -> ImportSummary:
    """Create or update the units of ``district`` and create their focal-point accounts
    from a filled-in copy of the .xlsx template. Every row is checked before anything is
    written: one bad row rejects the whole file (ImportRejected lists every bad row)."""
    if district.pk not in by.district_ids():
        raise AccountError(_("Bạn không quản lý huyện này."))
    plan = check_rows(read_rows(upload), district=district)
    # Argon2 is slow on purpose: hash before the transaction, not while holding locks.
    hashes = {account.row: make_password(account.password) for account in plan.accounts}
    summary = ImportSummary()
    try:
        with transaction.atomic():
            # One import at a time per district, so two files cannot race on the same codes.
            Unit.objects.select_for_update().get(pk=district.pk)
            units = {key: _save_imported_unit(unit_plan, district, by, summary) for key, unit_plan in plan.units.items()}
            for account_plan in plan.accounts:
                unit = units[account_plan.unit_key]
                account = User.objects.create(
                    username=account_plan.username,
                    password=hashes[account_plan.row],
                    full_name=account_plan.full_name,
                    position=account_plan.position,
                    email=account_plan.email,
                    phone=account_plan.phone,
                )
                Membership.objects.create(user=account, unit=unit, role=Role.FOCAL_POINT)
                audit.record(
                    by,
                    "account.created",
                    account,
                    after={
                        "username": account.username,
                        **_profile(account),
                        "unit": unit.code,
                        "role": Role.FOCAL_POINT,
                        "source": "import",
                    },
                )
                summary.accounts_created.append({"username": account.username, "full_name": account.full_name, "unit": unit.name})
            audit.record(by, "accounts.import_done", district, after=summary.counts())
    except IntegrityError as error:
        raise ImportRejected(
            _(
                "Trong lúc nhập, một mã đơn vị hoặc tên đăng nhập trong tệp vừa được tạo ở nơi khác. Chưa có gì được lưu; hãy tải tệp lên lại để xem dòng bị trùng."
            )
        ) from error
    return summary


def _save_imported_unit(unit_plan: UnitPlan, district: Unit, by: User, summary: ImportSummary) -> Unit:
    item = {"code": unit_plan.code, "name": unit_plan.name}
    if unit_plan.existing is None:
        unit = Unit.objects.create(code=unit_plan.code, parent=district, **unit_plan.fields())
        audit.record(by, "unit.created", unit, after={"code": unit.code, **unit_plan.fields(), "source": "import"})
        summary.units_created.append(item)
        return unit
    unit = Unit.objects.select_for_update().get(pk=unit_plan.existing.pk)
    if unit.parent_id != district.pk:
        raise ImportRejected(_("Mã đơn vị “%(code)s” đã được dùng cho một đơn vị không thuộc huyện này.") % {"code": unit.code})
    before = {name: getattr(unit, name) for name in unit_plan.fields()}
    if before == unit_plan.fields():
        summary.units_unchanged.append(item)
        return unit
    changed = [name for name, value in unit_plan.fields().items() if before[name] != value]
    for name in changed:
        setattr(unit, name, unit_plan.fields()[name])
    unit.save(update_fields=changed)
    audit.record(
        by,
        "unit.updated",
        unit,
        before={name: before[name] for name in changed},
        after={name: getattr(unit, name) for name in changed},
    )
    summary.units_updated.append(item)
    return unit
