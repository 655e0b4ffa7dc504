"""Reads of the campaign app, scoped to what the user may see. A view takes its object
through one of these (``get_object_or_404(campaigns_visible_to(user), pk=pk)``), so a
draft of the district or another district's plan is a 404 by construction."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from accounts.collation import by_name
from accounts.models import Unit

from .models import Acknowledgement, Campaign, Deadline, DeadlineExtension, Document, PlanItem, PlanItemUpdate, PlanPeriod

READABLE_STATUSES = (Campaign.Status.PUBLISHED, Campaign.Status.CLOSED)


def covering(units, prefix: str = "") -> Q:
    """A condition on Campaign (or, with ``prefix``, on a model that leads to one) that
    holds for the campaigns any of ``units`` takes part in: owned by one of the unit's
    ancestors, reaching down to it, and begun before the unit was dissolved. Read from
    the units' paths, so it costs no query."""
    condition = Q(pk__in=[])
    for unit in units:
        by_distance: dict[int, list[int]] = {}
        for distance, ancestor_id in enumerate(reversed(unit.ancestor_ids), start=1):
            by_distance.setdefault(distance, []).append(ancestor_id)
        for distance, owner_ids in by_distance.items():
            part = Q(**{f"{prefix}owner_id__in": owner_ids, f"{prefix}coverage_depth__gte": distance})
            if unit.dissolved_on is not None:
                last_year = unit.dissolved_on.year - (1 if (unit.dissolved_on.month, unit.dissolved_on.day) == (1, 1) else 0)
                part &= Q(**{f"{prefix}year__lte": last_year})
            condition |= part
    return condition


def campaigns_visible_to(user) -> QuerySet[Campaign]:
    """Staff see every campaign of the bodies they organise, drafts included. Leaders who
    follow a body (viewers) read its published and closed campaigns; a unit's focal point
    reads those its unit takes part in. Anyone else (a council member from outside the
    units) reads only the campaigns whose council seats them, added by the evaluations
    app through ``register_campaign_visibility``."""
    qs = Campaign.objects.select_related("owner")
    if not user.is_authenticated:
        return qs.none()
    readable = Q(status__in=READABLE_STATUSES)
    condition = Q(owner__in=user.organiser_ids())
    condition |= readable & (Q(owner__in=user.reader_organiser_ids()) | covering(user.member_units()))
    for rule in _campaign_visibility_rules:
        extra = rule(user)
        if extra is not None:
            condition |= readable & extra
    return qs.filter(condition)


# Apps above this one add who else may read a campaign: ``rule(user)`` returns a Q over
# Campaign or None (the evaluations app: the campaigns whose council seats the user).
_campaign_visibility_rules: list = []


def register_campaign_visibility(rule) -> None:
    if rule not in _campaign_visibility_rules:
        _campaign_visibility_rules.append(rule)


def campaigns_managed_by(user) -> QuerySet[Campaign]:
    if not user.is_authenticated:
        return Campaign.objects.none()
    return Campaign.objects.select_related("owner").filter(owner__in=user.organiser_ids())


def current_campaign(user, owner_ids=None) -> Campaign | None:
    """The campaign a page shows by default: the latest published one the user can see
    (of ``owner_ids`` when given), else the latest the user can see at all."""
    qs = campaigns_visible_to(user)
    if owner_ids is not None:
        qs = qs.filter(owner__in=owner_ids)
    latest = ("-year", "-issued_on", "-pk")
    return qs.filter(status=Campaign.Status.PUBLISHED).order_by(*latest).first() or qs.order_by(*latest).first()


def current_campaign_of_units(user) -> Campaign | None:
    """The campaign a focal point's pages show by default: the latest one their units
    take part in."""
    qs = campaigns_visible_to(user).filter(covering(user.member_units()))
    latest = ("-year", "-issued_on", "-pk")
    return qs.filter(status=Campaign.Status.PUBLISHED).order_by(*latest).first() or qs.order_by(*latest).first()


KIND_RANK = Case(
    When(kind__in=(Unit.Kind.WARD, Unit.Kind.TOWN), then=Value(0)),
    When(kind__in=(Unit.Kind.COMMUNE, Unit.Kind.SPECIAL_ZONE), then=Value(1)),
    When(kind__in=(Unit.Kind.VILLAGE, Unit.Kind.RESIDENTIAL_GROUP), then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def participating_units(campaign: Campaign) -> QuerySet[Unit]:
    """The units that take part in the campaign: wards and towns, communes and special
    zones, villages and residential groups, then the organisations, each by name."""
    return campaign.participants().annotate(rank=KIND_RANK).order_by("rank", by_name())


def _items_queryset() -> QuerySet[PlanItem]:
    return (
        PlanItem.objects.select_related("lead_unit")
        .prefetch_related("coordinating_units")
        .annotate(update_count=Count("updates"))
        .order_by("order", "pk")
    )


def periods_with_items(campaign: Campaign) -> QuerySet[PlanPeriod]:
    """The campaign's periods in order, each with ``items`` prefetched (lead unit,
    coordinating units, ``update_count``): three queries whatever the size of the plan."""
    return PlanPeriod.objects.filter(campaign=campaign).prefetch_related(Prefetch("items", queryset=_items_queryset()))


def plan_items_visible_to(user) -> QuerySet[PlanItem]:
    return PlanItem.objects.select_related("period__campaign__owner", "lead_unit").filter(
        period__campaign__in=campaigns_visible_to(user)
    )


def periods_visible_to(user) -> QuerySet[PlanPeriod]:
    return PlanPeriod.objects.select_related("campaign__owner").filter(campaign__in=campaigns_visible_to(user))


def updates_of(item: PlanItem) -> QuerySet[PlanItemUpdate]:
    return item.updates.select_related("author")


def plan_updates_visible_to(user) -> QuerySet[PlanItemUpdate]:
    return PlanItemUpdate.objects.select_related("item__period__campaign__owner").filter(
        item__period__campaign__in=campaigns_visible_to(user)
    )


@dataclass
class PeriodProgress:
    period: PlanPeriod
    counts: dict[str, int]
    overdue: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.counts.get(PlanItem.Status.DONE, 0)

    @property
    def percent_done(self) -> int:
        active = self.total - self.counts.get(PlanItem.Status.CANCELLED, 0)
        return round(100 * self.done / active) if active else 0


def plan_progress(campaign: Campaign, today: datetime.date | None = None) -> list[PeriodProgress]:
    """Items of each period counted by status, and how many are overdue: two queries."""
    today = today or timezone.localdate()
    periods = list(PlanPeriod.objects.filter(campaign=campaign))
    aggregates = {status: Count("items", filter=Q(items__status=status)) for status in PlanItem.Status.values}
    overdue = Count(
        "items",
        filter=Q(items__due_date__lt=today) & ~Q(items__status__in=PlanItem.CLOSED_STATUSES),
    )
    rows = {
        row["pk"]: row
        for row in PlanPeriod.objects.filter(campaign=campaign).values("pk").annotate(overdue=overdue, **aggregates)
    }
    return [
        PeriodProgress(
            period=period,
            counts={status: rows.get(period.pk, {}).get(status, 0) for status in PlanItem.Status.values},
            overdue=rows.get(period.pk, {}).get("overdue", 0),
        )
        for period in periods
    ]


def plan_chart_data(progress: list[PeriodProgress]) -> dict:
    """What static/js/campaign.js draws: items by status (stacked) for each period."""
    return {
        "labels": [row.period.name for row in progress],
        "datasets": [
            {"key": status, "label": str(label), "data": [row.counts[status] for row in progress]}
            for status, label in PlanItem.Status.choices
        ],
    }


def deadlines_of(campaign: Campaign, *, reader=None) -> QuerySet[Deadline]:
    """The campaign's deadlines with their extensions; with ``reader``, only the
    extensions that user may read (see ``extensions_visible_to``)."""
    extensions = DeadlineExtension.objects.select_related("unit", "granted_by").order_by(by_name("unit__name"))
    if reader is not None:
        extensions = extensions.filter(_extensions_readable_by(reader))
    return Deadline.objects.filter(campaign=campaign).prefetch_related(Prefetch("extensions", queryset=extensions))


def upcoming_deadlines(campaign: Campaign, today: datetime.date | None = None, limit: int = 5) -> QuerySet[Deadline]:
    today = today or timezone.localdate()
    return (
        Deadline.objects.filter(campaign=campaign, due_date__gte=today)
        .annotate(extension_count=Count("extensions"))
        .order_by("due_date", "pk")[:limit]
    )


def deadlines_visible_to(user) -> QuerySet[Deadline]:
    return Deadline.objects.select_related("campaign__owner").filter(campaign__in=campaigns_visible_to(user))


def _extensions_readable_by(user) -> Q:
    """An extension and its reason are read by the organiser's staff and leaders and by
    the unit granted it (and the unit that inherited it), never by the other units."""
    return Q(deadline__campaign__owner_id__in=user.reader_organiser_ids()) | Q(unit_id__in=user.heritage_unit_ids())


def extensions_visible_to(user) -> QuerySet[DeadlineExtension]:
    if not user.is_authenticated:
        return DeadlineExtension.objects.none()
    return DeadlineExtension.objects.select_related("deadline__campaign__owner", "unit").filter(
        _extensions_readable_by(user), deadline__campaign__in=campaigns_visible_to(user)
    )


def documents_of(campaign: Campaign) -> QuerySet[Document]:
    return Document.objects.filter(campaign=campaign).annotate(acknowledgement_count=Count("acknowledgements"))


def documents_visible_to(user) -> QuerySet[Document]:
    return Document.objects.select_related("campaign__owner").filter(campaign__in=campaigns_visible_to(user))


def acknowledgements_of(campaign: Campaign) -> dict[tuple[int, int], Acknowledgement]:
    """Every dissemination record of the campaign keyed by (document id, unit id)."""
    return {
        (ack.document_id, ack.unit_id): ack
        for ack in Acknowledgement.objects.filter(document__campaign=campaign).select_related("recorded_by")
    }


def documents_pending_for(campaign: Campaign, unit_ids) -> list[tuple[Unit, Document]]:
    """Documents of a published campaign that these units have not yet disseminated."""
    if campaign is None or campaign.status != Campaign.Status.PUBLISHED or not unit_ids:
        return []
    units = list(Unit.objects.filter(pk__in=unit_ids).order_by(by_name()))
    documents = list(Document.objects.filter(campaign=campaign))
    done = set(
        Acknowledgement.objects.filter(document__campaign=campaign, unit_id__in=unit_ids).values_list("document_id", "unit_id")
    )
    return [(unit, document) for unit in units for document in documents if (document.pk, unit.pk) not in done]
