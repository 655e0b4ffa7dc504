"""Reads of the account-management pages, scoped to the districts the user manages.
Another district's unit or account is simply not in these querysets, so its URL is a 404
by construction (``get_object_or_404(users_manageable_by(user), pk=pk)``)."""

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Value, When

from audit.models import AuditEntry

from .models import Membership, Unit, User

# Units that hold focal-point accounts; the district and the province do not.
MEMBER_UNIT_KINDS = (Unit.Kind.TOWN, Unit.Kind.COMMUNE, Unit.Kind.ORGANISATION)

KIND_ORDER = Case(
    When(kind=Unit.Kind.PROVINCE, then=Value(0)),
    When(kind=Unit.Kind.DISTRICT, then=Value(1)),
    When(kind=Unit.Kind.TOWN, then=Value(2)),
    When(kind=Unit.Kind.COMMUNE, then=Value(3)),
    default=Value(4),
    output_field=IntegerField(),
)


def _managed_district_ids(user) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return user.district_ids()


def units_manageable_by(user) -> QuerySet[Unit]:
    """The user's districts and every unit under them; nothing for anyone who is not
    district staff."""
    district_ids = _managed_district_ids(user)
    if not district_ids:
        return Unit.objects.none()
    return Unit.in_district(district_ids).select_related("parent").order_by(KIND_ORDER, "name")


def member_units_manageable_by(user) -> QuerySet[Unit]:
    """Units of the user's districts that can receive a focal-point account."""
    return units_manageable_by(user).filter(kind__in=MEMBER_UNIT_KINDS)


def units_with_account_counts(user) -> QuerySet[Unit]:
    # Site administrators hold roles for convenience; they are not the district's accounts.
    counted = Q(memberships__user__is_superuser=False, memberships__user__is_staff=False)
    return units_manageable_by(user).annotate(
        account_count=Count("memberships__user", filter=counted, distinct=True),
        active_account_count=Count("memberships__user", filter=counted & Q(memberships__user__is_active=True), distinct=True),
    )


def _memberships_with_units() -> Prefetch:
    return Prefetch("memberships", queryset=Membership.objects.select_related("unit").order_by("unit__name", "role"))


def users_manageable_by(user) -> QuerySet[User]:
    """Accounts whose every role is held in a unit of the user's districts. Superusers,
    Django-admin users and anyone who also holds a role elsewhere are left out, so a
    district cannot take over an account that reaches beyond it."""
    district_ids = _managed_district_ids(user)
    if not district_ids:
        return User.objects.none()
    managed_units = Unit.in_district(district_ids).values("pk")
    inside = Membership.objects.filter(user=OuterRef("pk"), unit__in=managed_units)
    outside = Membership.objects.filter(user=OuterRef("pk")).exclude(unit__in=managed_units)
    return (
        User.objects.filter(Exists(inside), is_superuser=False, is_staff=False)
        .exclude(Exists(outside))
        .prefetch_related(_memberships_with_units())
        .order_by("username")
    )


def search_accounts(accounts: QuerySet[User], *, unit: Unit | None = None, query: str = "", status: str = "") -> QuerySet[User]:
    """Narrow an account list by unit, by a text found in the username, name, e-mail or
    phone, and by status ("active" or "inactive")."""
    if unit is not None:
        accounts = accounts.filter(Exists(Membership.objects.filter(user=OuterRef("pk"), unit=unit)))
    query = query.strip()
    if query:
        accounts = accounts.filter(
            Q(username__icontains=query) | Q(full_name__icontains=query) | Q(email__icontains=query) | Q(phone__icontains=query)
        )
    if status == "active":
        accounts = accounts.filter(is_active=True)
    elif status == "inactive":
        accounts = accounts.filter(is_active=False)
    return accounts


def search_units(units: QuerySet[Unit], *, query: str = "") -> QuerySet[Unit]:
    """Narrow a unit list by a text found in the unit's name or code."""
    query = query.strip()
    if query:
        units = units.filter(Q(name__icontains=query) | Q(code__icontains=query))
    return units


def account_history(account: User) -> QuerySet[AuditEntry]:
    """The audit entries about ``account``, newest first."""
    return AuditEntry.objects.filter(object_type="accounts.user", object_id=str(account.pk)).order_by("-sequence")


def accounts_of_unit(user, unit: Unit) -> QuerySet[User]:
    return users_manageable_by(user).filter(Exists(Membership.objects.filter(user=OuterRef("pk"), unit=unit)))
