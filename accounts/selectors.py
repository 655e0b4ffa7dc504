"""Reads of the account-management pages, scoped to the trees of the organising bodies
the user is staff of. Another organiser's unit or account is simply not in these querysets, so its URL is a 404
by construction (``get_object_or_404(users_manageable_by(user), pk=pk)``)."""

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Value, When

from audit.models import AuditEntry

from .collation import by_name
from .models import Membership, Reorganisation, Unit, User

# Provinces, former districts and Party boards organise; every other kind of unit can
# hold the focal-point account of a participant.
ORGANISER_KINDS = (Unit.Kind.PROVINCE, Unit.Kind.DISTRICT, Unit.Kind.BOARD)

KIND_ORDER = Case(
    When(kind=Unit.Kind.PROVINCE, then=Value(0)),
    When(kind=Unit.Kind.BOARD, then=Value(1)),
    When(kind=Unit.Kind.DISTRICT, then=Value(2)),
    When(kind__in=(Unit.Kind.WARD, Unit.Kind.TOWN), then=Value(3)),
    When(kind__in=(Unit.Kind.COMMUNE, Unit.Kind.SPECIAL_ZONE), then=Value(4)),
    When(kind__in=(Unit.Kind.VILLAGE, Unit.Kind.RESIDENTIAL_GROUP), then=Value(5)),
    default=Value(6),
    output_field=IntegerField(),
)


def _managed_organisers(user) -> list[Unit]:
    if not getattr(user, "is_authenticated", False):
        return []
    return user.organiser_units()


def units_manageable_by(user) -> QuerySet[Unit]:
    """The bodies the user organises and every unit below them, at any depth, in one
    query; nothing for anyone who is not staff of an organising body."""
    organisers = _managed_organisers(user)
    if not organisers:
        return Unit.objects.none()
    return Unit.objects.within(organisers).select_related("parent").order_by("depth", KIND_ORDER, by_name())


def member_units_manageable_by(user) -> QuerySet[Unit]:
    """Units below the user's organising bodies that can receive a focal-point account."""
    return (
        units_manageable_by(user)
        .exclude(pk__in=[unit.pk for unit in _managed_organisers(user)])
        .exclude(kind__in=ORGANISER_KINDS)
        .filter(is_active=True)
    )


def units_with_account_counts(user) -> QuerySet[Unit]:
    # Site administrators hold roles for convenience; they are not the district's accounts.
    counted = Q(memberships__user__is_superuser=False, memberships__user__is_staff=False)
    return units_manageable_by(user).annotate(
        account_count=Count("memberships__user", filter=counted, distinct=True),
        active_account_count=Count("memberships__user", filter=counted & Q(memberships__user__is_active=True), distinct=True),
    )


def _memberships_with_units() -> Prefetch:
    return Prefetch("memberships", queryset=Membership.objects.select_related("unit").order_by(by_name("unit__name"), "role"))


def users_manageable_by(user) -> QuerySet[User]:
    """Accounts whose every role is held in a unit of the user's organising bodies.
    Superusers, Django-admin users and anyone who also holds a role elsewhere are left
    out, so an organiser cannot take over an account that reaches beyond it."""
    organisers = _managed_organisers(user)
    if not organisers:
        return User.objects.none()
    managed_units = Unit.objects.within(organisers).values("pk")
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


def unit_reorganisations(unit: Unit) -> QuerySet[Reorganisation]:
    """The reorganisations that made or changed ``unit``, and the merger that ended it."""
    return (
        Reorganisation.objects.filter(Q(unit=unit) | Q(sources=unit))
        .select_related("unit", "old_parent", "new_parent", "created_by")
        .prefetch_related("sources")
        .distinct()
        .order_by("-effective_on", "-pk")
    )


def names_on(date) -> dict[int, str]:
    """unit id → the name it bore on ``date``, for the units renamed since: what a
    document dated then prints. One query."""
    names: dict[int, str] = {}
    renames = Reorganisation.objects.filter(kind=Reorganisation.Kind.RENAME, effective_on__gt=date).order_by("effective_on", "pk")
    for unit_id, old_name in renames.values_list("unit_id", "old_name"):
        names.setdefault(unit_id, old_name)
    return names
