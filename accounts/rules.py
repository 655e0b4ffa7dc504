"""Who may manage units and accounts. District staff manage their own district; only
the board head changes the accounts of other staff, and nobody locks or resets their own
account from these pages (the profile's password change asks for the old password)."""

import rules

from .models import STAFF_ROLES


@rules.predicate
def is_district_staff(user):
    return bool(getattr(user, "is_authenticated", False) and user.is_district_staff)


@rules.predicate
def is_board_head(user):
    return bool(getattr(user, "is_authenticated", False) and user.is_board_head)


@rules.predicate
def is_own_account(user, account):
    return account is not None and account.pk == user.pk


@rules.predicate
def account_holds_staff_role(user, account):
    # Reads the prefetched memberships of users_manageable_by().
    return account is not None and any(m.role in STAFF_ROLES for m in account.memberships.all())


rules.add_perm("accounts.manage_accounts", is_district_staff)
rules.add_perm(
    "accounts.change_account",
    is_district_staff & ~is_own_account & (is_board_head | ~account_holds_staff_role),
)
