"""Who manages what, whatever the level of the organising body.

``is_staff_of_organiser`` is the one answer to "is this user staff of the organiser of
this campaign": every app asks it about its own objects (a campaign, a registration, a
council, a report...), which lead to their campaign's owner through ``organiser_id_of``.
Only the board head changes the accounts of other staff, and nobody locks or resets
their own account from the management pages."""

import rules

from .models import STAFF_ROLES, Unit

# The attributes that lead from an object towards its campaign, tried in this order.
_TOWARDS_CAMPAIGN = ("campaign", "registration", "report", "period", "item", "deadline", "document", "council", "assignment")


def organiser_id_of(obj) -> int | None:
    """The organising body an object belongs to: a unit is its own organiser, a campaign
    has its owner, and anything else is followed to its campaign."""
    for _step in range(6):
        if obj is None:
            return None
        if isinstance(obj, Unit):
            return obj.pk
        owner_id = getattr(obj, "owner_id", None)
        if owner_id is not None:
            return owner_id
        obj = next((getattr(obj, name) for name in _TOWARDS_CAMPAIGN if getattr(obj, name, None) is not None), None)
    return None


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


@rules.predicate
def is_organiser_staff(user):
    """Staff or board head of at least one organising body."""
    return _signed_in(user) and user.is_organiser_staff


@rules.predicate
def is_staff_of_organiser(user, obj):
    """Staff (or board head) of the body that organises ``obj``'s campaign."""
    if not _signed_in(user) or obj is None:
        return False
    organiser_id = organiser_id_of(obj)
    return organiser_id is not None and organiser_id in user.organiser_ids()


@rules.predicate
def reads_organiser(user, obj):
    """Staff of the organiser, or a leader who follows its movement (viewer)."""
    if not _signed_in(user) or obj is None:
        return False
    organiser_id = organiser_id_of(obj)
    return organiser_id is not None and organiser_id in user.reader_organiser_ids()


@rules.predicate
def is_board_head(user):
    return _signed_in(user) and user.is_board_head


@rules.predicate
def is_own_account(user, account):
    return account is not None and account.pk == user.pk


@rules.predicate
def account_holds_staff_role(user, account):
    # Reads the prefetched memberships of users_manageable_by().
    return account is not None and any(m.role in STAFF_ROLES for m in account.memberships.all())


rules.add_perm("accounts.manage_accounts", is_organiser_staff)
rules.add_perm(
    "accounts.change_account",
    is_organiser_staff & ~is_own_account & (is_board_head | ~account_holds_staff_role),
)
rules.add_perm("accounts.manage_organiser", is_staff_of_organiser)
