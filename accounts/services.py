"""Every change to units and accounts made from the portal. Each function runs in one
transaction, locks the row it changes, writes the audit entry and raises AccountError
with a message the page shows as it is. Passwords never reach the audit ledger."""

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit

from .exceptions import AccountError, ImportRejected
from .models import Membership, Reorganisation, Role, Unit, User
from .passwords import password_problems
from .rules import is_staff_of_organiser
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


def import_units_and_accounts(upload, *, by: User, organiser: Unit) -> ImportSummary:
    """Create or update the units below ``organiser`` and create their focal-point
    accounts from a filled-in copy of the .xlsx template. Every row is checked before
    anything is written: one bad row rejects the whole file (ImportRejected lists every
    bad row)."""
    if not is_staff_of_organiser(by, organiser):
        raise AccountError(_("Bạn không quản lý đơn vị này."))
    district = organiser
    plan = check_rows(read_rows(upload), district=district)
    # Argon2 is slow on purpose: hash before the transaction, not while holding locks.
    hashes = {account.row: make_password(account.password) for account in plan.accounts}
    summary = ImportSummary()
    try:
        with transaction.atomic():
            # One import at a time per district, so two files cannot race on the same codes.
            Unit.objects.select_for_update().get(pk=district.pk)
            units: dict[str, Unit] = {}
            for key, unit_plan in plan.units.items():
                parent = units.get(unit_plan.parent_code) or _imported_parent(unit_plan.parent_code, district)
                units[key] = _save_imported_unit(unit_plan, parent, by, summary)
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


def _imported_parent(code: str, organiser: Unit) -> Unit:
    if not code:
        return organiser
    return Unit.objects.below(organiser).get(code__iexact=code)


def _save_imported_unit(unit_plan: UnitPlan, parent: Unit, by: User, summary: ImportSummary) -> Unit:
    item = {"code": unit_plan.code, "name": unit_plan.name}
    if unit_plan.existing is None:
        unit = Unit.objects.create(code=unit_plan.code, parent=parent, **unit_plan.fields())
        audit.record(by, "unit.created", unit, after={"code": unit.code, **unit_plan.fields(), "source": "import"})
        summary.units_created.append(item)
        return unit
    unit = Unit.objects.select_for_update().get(pk=unit_plan.existing.pk)
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


# Reorganisation of units (sắp xếp đơn vị) ----------------------------------------------

LETTERHEAD_FIELDS = ("issuer_parent_line", "issuer_line", "number_suffix", "place_name", "signer_behalf", "signer_title")


def _require_organiser_of(unit: Unit, by: User) -> None:
    if not by.manages_unit(unit):
        raise AccountError(_("Bạn không quản lý đơn vị “%(unit)s”.") % {"unit": unit.name})


def update_letterhead(organiser: Unit, *, by: User, **fields) -> Unit:
    """The letterhead and numbering an organising body prints with, edited by its staff."""
    unknown = set(fields) - set(LETTERHEAD_FIELDS)
    if unknown:
        raise TypeError(f"unknown letterhead fields: {sorted(unknown)}")
    if organiser.pk not in by.organiser_ids():
        raise AccountError(_("Chỉ chuyên viên của đơn vị mới sửa được tiêu đề văn bản của đơn vị."))
    with transaction.atomic():
        organiser = Unit.objects.select_for_update().get(pk=organiser.pk)
        before = {name: getattr(organiser, name) for name in LETTERHEAD_FIELDS}
        for name, value in fields.items():
            setattr(organiser, name, value.strip())
        changed = [name for name in LETTERHEAD_FIELDS if getattr(organiser, name) != before[name]]
        if changed:
            organiser.save(update_fields=changed)
            audit.record(
                by,
                "unit.letterhead_updated",
                organiser,
                before={name: before[name] for name in changed},
                after={name: getattr(organiser, name) for name in changed},
            )
    return organiser


def merge_units(
    sources: list[Unit], *, by: User, effective_on, code: str, name: str, kind: str, parent: Unit, decision: str = ""
) -> Unit:
    """Merge ``sources`` into a new unit under ``parent``, effective on a date (the
    2025 merger of communes). The merged units become inactive and say where they went;
    their models, registrations, results, medals and evidence stay theirs, and the new
    unit inherits them as history. Their accounts move to the new unit."""
    sources = list({unit.pk: unit for unit in sources}.values())
    if len(sources) < 1:
        raise AccountError(_("Hãy chọn ít nhất một đơn vị để sáp nhập."))
    _require_organiser_of(parent, by)
    for unit in sources:
        _require_organiser_of(unit, by)
        if unit.pk in by.organiser_ids() or unit.pk == parent.pk:
            raise AccountError(_("Không thể sáp nhập đơn vị tổ chức của chính bạn."))
    if effective_on > timezone.localdate():
        raise AccountError(_("Chỉ ghi nhận sắp xếp đã có hiệu lực (ngày hiệu lực không được sau hôm nay)."))
    with transaction.atomic():
        locked = list(Unit.objects.select_for_update().filter(pk__in=[unit.pk for unit in sources]).order_by("pk"))
        if any(unit.dissolved_on is not None for unit in locked):
            raise AccountError(_("Có đơn vị đã được sáp nhập từ trước."))
        if any(parent.is_within(unit) for unit in locked):
            raise AccountError(_("Đơn vị cấp trên mới không được là một trong các đơn vị bị sáp nhập."))
        if Unit.objects.filter(code__iexact=code).exists():
            raise AccountError(_("Mã đơn vị “%(code)s” đã được dùng.") % {"code": code})
        inherited = sorted({unit.pk for unit in locked} | {pk for unit in locked for pk in unit.inherited_ids})
        target = Unit.objects.create(
            code=code,
            name=name,
            kind=kind,
            parent=parent,
            is_ethnic_minority_area=any(unit.is_ethnic_minority_area for unit in locked),
            is_religious_area=any(unit.is_religious_area for unit in locked),
            inherited_ids=inherited,
        )
        _retire(locked, target, effective_on)
        moved = _move_memberships(locked, target)
        reorganisation = Reorganisation.objects.create(
            kind=Reorganisation.Kind.MERGE, unit=target, effective_on=effective_on, decision=decision, created_by=by
        )
        reorganisation.sources.set(locked)
        audit.record(
            by,
            "unit.merged",
            target,
            after={
                "code": code,
                "name": name,
                "parent": parent.code,
                "sources": [unit.code for unit in locked],
                "effective_on": effective_on.isoformat(),
                "decision": decision,
                "accounts_moved": moved,
            },
        )
    return target


def _retire(units: list[Unit], successor: Unit, effective_on) -> None:
    # Children of a merged unit (its villages) now belong to the new unit.
    for child in Unit.objects.filter(parent__in=units, dissolved_on__isnull=True):
        child.parent = successor
        child.save()
    Unit.objects.filter(pk__in=[unit.pk for unit in units]).update(
        is_active=False, successor=successor, dissolved_on=effective_on
    )


def _move_memberships(units: list[Unit], target: Unit) -> list[str]:
    """Every account of the merged units gets the same role in the new unit."""
    moved = []
    for membership in Membership.objects.filter(unit__in=units).select_related("user").order_by("pk"):
        Membership.objects.get_or_create(user=membership.user, unit=target, role=membership.role)
        moved.append(membership.user.username)
        membership.delete()
    return sorted(set(moved))


def rename_unit(unit: Unit, *, by: User, name: str, effective_on, decision: str = "") -> Unit:
    """A new name from a date on; documents dated before it keep printing the old one."""
    _require_organiser_of(unit, by)
    name = name.strip()
    if not name:
        raise AccountError(_("Hãy ghi tên mới của đơn vị."))
    with transaction.atomic():
        unit = Unit.objects.select_for_update().get(pk=unit.pk)
        if unit.name == name:
            raise AccountError(_("Tên mới trùng với tên hiện tại."))
        old_name = unit.name
        unit.name = name
        unit.save(update_fields=["name"])
        Reorganisation.objects.create(
            kind=Reorganisation.Kind.RENAME,
            unit=unit,
            effective_on=effective_on,
            decision=decision,
            old_name=old_name,
            new_name=name,
            created_by=by,
        )
        audit.record(
            by, "unit.renamed", unit, before={"name": old_name}, after={"name": name, "effective_on": effective_on.isoformat()}
        )
    return unit


def move_unit(unit: Unit, *, by: User, parent: Unit, effective_on, decision: str = "") -> Unit:
    """Put a unit (and everything below it) under another parent, in one update of the
    subtree's paths."""
    _require_organiser_of(unit, by)
    _require_organiser_of(parent, by)
    if parent.is_within(unit):
        raise AccountError(_("Không thể chuyển một đơn vị vào dưới chính nó hoặc đơn vị trực thuộc nó."))
    with transaction.atomic():
        unit = Unit.objects.select_for_update().get(pk=unit.pk)
        if unit.parent_id == parent.pk:
            raise AccountError(_("Đơn vị đã trực thuộc đơn vị này."))
        old_parent = unit.parent
        unit.parent = parent
        unit.save()
        Reorganisation.objects.create(
            kind=Reorganisation.Kind.MOVE,
            unit=unit,
            effective_on=effective_on,
            decision=decision,
            old_parent=old_parent,
            new_parent=parent,
            created_by=by,
        )
        audit.record(
            by,
            "unit.moved",
            unit,
            before={"parent": old_parent.code if old_parent else None},
            after={"parent": parent.code, "effective_on": effective_on.isoformat()},
        )
    return unit
