"""Reads of registrations, reports and evidence, always scoped to what the user may see:
a view that gets its object through these answers 404 for another unit's object by
construction (DESIGN §6)."""

from collections.abc import Callable

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from accounts.collation import by_name
from audit.models import AuditEntry
from campaign import selectors as campaign_selectors
from campaign.models import Campaign
from models.models import DvkModel

from .models import CONTENT_FIELDS, Evidence, ProgressReport, Registration, Status

# Apps above this one (evaluations: council members see what is assigned to them)
# add who else may read a registration: ``rule(user)`` returns a Q over Registration or None.
_visibility_rules: list[Callable] = []


def register_visibility_rule(rule: Callable) -> None:
    if rule not in _visibility_rules:
        _visibility_rules.append(rule)


def _visibility(user) -> Q | None:
    if not getattr(user, "is_authenticated", False):
        return None
    condition = Q(unit_id__in=user.heritage_unit_ids())
    organiser_ids = user.reader_organiser_ids()
    if organiser_ids:
        condition |= Q(campaign__owner_id__in=organiser_ids)
    for rule in _visibility_rules:
        extra = rule(user)
        if extra is not None:
            condition |= extra
    return condition


def _results_withheld(user) -> Q:
    """The appraisal results ``user`` may not read yet: those of a council that has not
    published them, unless the user reads the organiser's campaigns in full."""
    withheld = Q(status__in=Status.DECIDED) & (
        Q(campaign__council__isnull=True) | Q(campaign__council__results_published_at__isnull=True)
    )
    organiser_ids = user.reader_organiser_ids()
    if organiser_ids:
        withheld &= ~Q(campaign__owner_id__in=organiser_ids)
    return withheld


def registrations_visible_to(user) -> QuerySet[Registration]:
    """Staff and viewers: every registration of the campaigns of the bodies they follow;
    a unit's focal point: that unit's, and those of units merged into it (history).
    ``shown_status`` is the status the user may read: a unit sees "in appraisal" until
    the council publishes the results (see ``as_shown``)."""
    condition = _visibility(user)
    if condition is None:
        return Registration.objects.none()
    return (
        Registration.objects.filter(condition)
        .select_related("unit", "model", "campaign", "campaign__owner")
        .annotate(
            shown_status=Case(When(_results_withheld(user), then=Value(Status.NOMINATED)), default=F("status"), output_field=CharField())
        )
    )


def kind_frozen_reason(model: DvkModel) -> str | None:
    """A model nominated for appraisal, being appraised or with results keeps its kind:
    the kind decides its criteria set and the table it is ranked in."""
    if Registration.objects.filter(model=model, status__in=Status.IN_APPRAISAL).exists():
        return _("Mô hình đã được đưa vào thẩm định hoặc đã có kết quả: không thể đổi giữa mô hình tập thể và điển hình cá nhân.")
    return None


def as_shown(registrations):
    """The registrations with the status their reader may see (in memory, for display:
    services always read the row again before changing it)."""
    registrations = list(registrations)
    for registration in registrations:
        registration.status = getattr(registration, "shown_status", registration.status)
    return registrations


def results_withheld(registration: Registration) -> bool:
    return getattr(registration, "shown_status", registration.status) != registration.status


def reviewable_by(user) -> QuerySet[Registration]:
    """Registrations the user reviews as staff of the campaign's organiser."""
    return registrations_visible_to(user).filter(campaign__owner_id__in=user.organiser_ids())


def _submitted_report(kind: str):
    return Exists(
        ProgressReport.objects.filter(registration=OuterRef("pk"), kind=kind, status=ProgressReport.ReportStatus.SUBMITTED)
    )


def _evidence_count():
    """A subquery, not ``Count("evidence")``: a join and GROUP BY would make PostgreSQL
    group by every text column of the registration."""
    counted = (
        Evidence.objects.filter(registration=OuterRef("pk")).order_by().values("registration").annotate(n=Count("pk")).values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


# The long texts the review list does not show (its export does): left out, the sort
# before LIMIT does not carry kilobytes per row.
LIST_LEAVES_OUT = (
    *CONTENT_FIELDS,
    "return_reason",
    "model__description",
    "model__published_content",
    "campaign__legal_bases",
    "campaign__preamble",
    "campaign__purposes",
    "campaign__implementation",
    "campaign__recipients",
)


def registration_list(user) -> QuerySet[Registration]:
    """The rows of the review list and its export, with what each row shows."""
    return registrations_visible_to(user).annotate(
        evidence_count=_evidence_count(),
        interim_submitted=_submitted_report(ProgressReport.Kind.INTERIM),
        final_submitted=_submitted_report(ProgressReport.Kind.FINAL),
    )


def registration_detail(user) -> QuerySet[Registration]:
    """One registration with its reports and every evidence file, in three queries."""
    return (
        registrations_visible_to(user)
        .select_related("model__replicates", "created_by")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=ProgressReport.objects.order_by("kind").prefetch_related(
                    Prefetch("evidence", queryset=Evidence.objects.select_related("uploaded_by"))
                ),
            ),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.filter(report__isnull=True).select_related("uploaded_by"),
                to_attr="own_evidence",
            ),
        )
    )


def reports_visible_to(user) -> QuerySet[ProgressReport]:
    return ProgressReport.objects.filter(registration__in=registrations_visible_to(user).values("pk")).select_related(
        "registration", "registration__unit", "registration__model", "registration__campaign"
    )


def evidence_visible_to(user) -> QuerySet[Evidence]:
    return Evidence.objects.filter(registration__in=registrations_visible_to(user).values("pk")).select_related(
        "registration", "report"
    )


def history_of(registration: Registration) -> QuerySet[AuditEntry]:
    """The audit entries of the registration and of its reports, newest first."""
    report_ids = [str(report.pk) for report in registration.reports.all()]
    return (
        AuditEntry.objects.filter(
            Q(object_type="registrations.registration", object_id=str(registration.pk))
            | Q(object_type="registrations.progressreport", object_id__in=report_ids)
        )
        .select_related("actor")
        .order_by("-sequence")
    )


def campaigns_visible_to(user) -> QuerySet[Campaign]:
    """Campaigns whose registrations the user may list: the campaign app's one rule."""
    if not getattr(user, "is_authenticated", False):
        return Campaign.objects.none()
    return campaign_selectors.campaigns_visible_to(user).order_by("-year", "-pk")


def open_campaign_for(unit) -> Campaign | None:
    """The latest published campaign the unit takes part in."""
    return (
        Campaign.objects.filter(campaign_selectors.covering([unit]), status=Campaign.Status.PUBLISHED)
        .select_related("owner")
        .order_by("-year", "-pk")
        .first()
    )


def unit_registrations(user, campaign: Campaign | None = None) -> QuerySet[Registration]:
    """The user's own units' registrations, returned ones first, with their reports."""
    qs = (
        registrations_visible_to(user)
        .filter(unit_id__in=user.focal_unit_ids())
        .prefetch_related(Prefetch("reports", queryset=ProgressReport.objects.order_by("kind")))
        .annotate(returned_first=Case(When(status=Status.RETURNED, then=Value(0)), default=Value(1)))
    )
    if campaign is not None:
        qs = qs.filter(campaign=campaign)
    return qs.order_by("-campaign__year", "returned_first", by_name("unit__name"), by_name("model__name"))


def own_models(user, *, unregistered_in: Campaign | None = None) -> QuerySet[DvkModel]:
    """The models of the user's focal units, by name; with ``unregistered_in``, only
    those not yet registered in that campaign."""
    qs = DvkModel.objects.filter(unit_id__in=user.focal_unit_ids()).select_related("unit")
    if unregistered_in is not None:
        qs = qs.exclude(registrations__campaign=unregistered_in)
    return qs.order_by(by_name())


def status_counts(queryset: QuerySet[Registration]) -> dict[str, int]:
    rows = queryset.order_by().values("shown_status").annotate(n=Count("pk", distinct=True))
    counts = {row["shown_status"]: row["n"] for row in rows}
    return {status: counts.get(status, 0) for status in Status.values}
