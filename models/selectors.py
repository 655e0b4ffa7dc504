"""Reads of the catalogue, scoped to who asks. A view fetches a model with
``get_object_or_404(models_visible_to(user), pk=pk)`` so that another unit's model is a
404 by construction."""

from django.db.models import Q, QuerySet

from accounts.collation import by_name
from accounts.models import STAFF_ROLES, Role, Unit

from .models import DvkModel


def _scope(user) -> Q | None:
    """Focal points see their own units' models and those their units inherited from
    units merged into them; staff and viewers the whole tree of the bodies they follow."""
    if not user.is_authenticated:
        return None
    parts = []
    organisers = user.member_units((*STAFF_ROLES, Role.VIEWER))
    if organisers:
        parts.append(Q(unit__in=Unit.objects.within(organisers)))
    focal_unit_ids = user.heritage_unit_ids((Role.FOCAL_POINT,))
    if focal_unit_ids:
        parts.append(Q(unit_id__in=focal_unit_ids))
    if not parts:
        return None
    scope = parts[0]
    for part in parts[1:]:
        scope |= part
    return scope


def models_visible_to(user) -> QuerySet[DvkModel]:
    queryset = DvkModel.objects.select_related("unit", "replicates", "replicates__unit")
    scope = _scope(user)
    if scope is None:
        return queryset.none()
    return queryset.filter(scope)


def units_visible_to(user) -> QuerySet[Unit]:
    """The units whose catalogue the user may read (for the list filter)."""
    if not user.is_authenticated:
        return Unit.objects.none()
    organisers = user.member_units((*STAFF_ROLES, Role.VIEWER))
    return Unit.objects.filter(
        Q(pk__in=user.heritage_unit_ids((Role.FOCAL_POINT,))) | Q(pk__in=Unit.objects.below_any(organisers).values("pk"))
    ).order_by(by_name())


def replication_candidates(unit: Unit, *, exclude: DvkModel | None = None) -> QuerySet[DvkModel]:
    """Models a unit may say it replicates: any model in the same province (or whatever
    the top of its tree is), the ones of units merged into it included."""
    queryset = DvkModel.objects.select_related("unit").order_by(by_name("unit__name"), by_name())
    queryset = queryset.filter(unit__path__startswith=f"/{unit.root_id}/")
    if exclude is not None and exclude.pk is not None:
        queryset = queryset.exclude(pk=exclude.pk)
    return queryset


def published_models() -> QuerySet[DvkModel]:
    """What the public may see, newest recognition first."""
    return DvkModel.objects.filter(is_published=True).select_related("unit").order_by("-recognised_in_year", by_name("unit__name"), by_name())


def search_showcase(*, text: str = "", field: str = "") -> QuerySet[DvkModel]:
    """The public search. An exemplar's address and description are never shown to the
    public, so they are not searched either: a hit must not reveal them."""
    queryset = published_models()
    text = text.strip()
    if text:
        # The approved content is searched, never edits the public has not been shown.
        queryset = queryset.filter(
            Q(published_content__name__icontains=text)
            | Q(unit__name__icontains=text)
            | Q(kind=DvkModel.Kind.EXEMPLAR, published_content__person_name__icontains=text)
            | Q(kind=DvkModel.Kind.MODEL, published_content__description__icontains=text)
            | Q(kind=DvkModel.Kind.MODEL, published_content__address__icontains=text)
        )
    if field:
        queryset = queryset.filter(published_content__field=field)
    return queryset
