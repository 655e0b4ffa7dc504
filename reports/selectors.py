"""Reads of the reports app. ``reports_visible_to`` scopes every report page, so a report
of another district is a 404 by construction; ``report_content`` gathers what the
document prints from every other app in a fixed number of queries.

The content is plain JSON (numbers, strings, lists, dicts) so that a signed report can
keep it as its snapshot and render the same document forever."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Prefetch, Q, QuerySet, Sum
from django.utils import timezone, translation

from accounts.collation import by_name, sort_by_name
from accounts.models import Unit
from campaign.models import Campaign, PlanItem, PlanPeriod
from campaign.selectors import KIND_RANK
from evaluations.models import AwardProposal, Council, MedalNomination, Result
from models.models import DvkModel, Field
from registrations.models import ProgressReport, Registration, Status

from .formatting import short_date
from .models import ReportFile, SummaryReport

RESOURCE_KEYS = ("reports", "households", "funds_vnd", "socialised_funds_vnd", "workdays")
COUNT_KEYS = ("registered", "models", "exemplars", "accepted", "recognised")
PARTY_COMMITTEES = ("Huyện ủy", "Quận ủy", "Thị ủy", "Thành ủy", "Tỉnh ủy")


def reports_visible_to(user) -> QuerySet[SummaryReport]:
    """Staff and viewers of an organising body read its reports; nobody else sees them."""
    if not getattr(user, "is_authenticated", False):
        return SummaryReport.objects.none()
    return SummaryReport.objects.select_related("campaign__owner", "signed_by").filter(
        campaign__owner_id__in=user.reader_organiser_ids()
    )


def report_list(user) -> QuerySet[SummaryReport]:
    """The index rows with their files: two queries whatever the number of reports."""
    return (
        reports_visible_to(user)
        .prefetch_related(Prefetch("files", queryset=ReportFile.objects.order_by("format")))
        .order_by("-campaign__year", by_name("campaign__owner__name"), "kind")
    )


def campaigns_for_new_report(user) -> QuerySet[Campaign]:
    """Campaigns of the bodies the user organises, newest first."""
    if not getattr(user, "is_authenticated", False):
        return Campaign.objects.none()
    return Campaign.objects.select_related("owner").filter(owner_id__in=user.organiser_ids()).order_by("-year", "-pk")


def file_rows(report: SummaryReport) -> list[tuple[str, str, ReportFile | None]]:
    """(format, label, file or None) for each format, in one query."""
    files = {f.format: f for f in report.files.all()}
    return [(value, str(label), files.get(value)) for value, label in ReportFile.Format.choices]


# ---------------------------------------------------------------------------
# What the document prints


def _zero(keys) -> dict[str, int]:
    return dict.fromkeys(keys, 0)


def _add(total: dict, row: dict, keys) -> None:
    for key in keys:
        total[key] += row[key]


def _units_of(campaign: Campaign) -> list[Unit]:
    """The units taking part in the campaign, and any other unit that registered: one
    query."""
    members = Q(pk__in=campaign.participants().values("pk"))
    registered = Q(pk__in=Registration.objects.filter(campaign=campaign).values("unit_id"))
    return list(Unit.objects.filter(members | registered).annotate(rank=KIND_RANK).order_by("rank", by_name()))


def cutoff_of(report: SummaryReport) -> datetime.datetime | None:
    """The moment a report's content is taken at. The interim report is a review as of
    its date: nothing sent, reviewed or decided after that day shows in it, whenever it
    is rendered. The other documents give the state of the campaign when they are signed
    (a draft shows today's), so they have no cut-off."""
    if not report.is_interim or report.date is None:
        return None
    next_day = report.date + datetime.timedelta(days=1)
    return datetime.datetime.combine(next_day, datetime.time.min, tzinfo=timezone.get_default_timezone())


def _before(field: str, cutoff) -> Q:
    """``field`` set before the cut-off; a row without the date counts as in time."""
    return Q() if cutoff is None else Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lt": cutoff})


def _finalised_at(campaign: Campaign) -> datetime.datetime | None:
    council = Council.objects.filter(campaign=campaign).values("finalised_at").first()
    return council["finalised_at"] if council else None


def _status_then(status: str, reviewed_late: bool, finalised: bool) -> str:
    """A registration's status as it stood at the cut-off: a review after it had not
    happened yet, nor had the appraisal if results were finalised after it."""
    if reviewed_late and (status in Status.ACCEPTED_OR_LATER or status == Status.RETURNED):
        return Status.SUBMITTED
    if not finalised and status in Status.DECIDED:
        return Status.ACCEPTED
    return status


def _registration_groups(campaign: Campaign, cutoff=None, finalised: bool = True) -> list[dict]:
    """Counts of sent registrations grouped by everything a table splits them by, with
    the status each had at the cut-off."""
    reviewed_late = Q(pk__in=[]) if cutoff is None else Q(reviewed_at__gte=cutoff)
    rows = (
        Registration.objects.filter(campaign=campaign)
        .filter(_before("submitted_at", cutoff))
        .exclude(status__in=Status.NOT_REGISTERED)
        .annotate(reviewed_late=ExpressionWrapper(reviewed_late, output_field=BooleanField()))
        .values(
            "unit_id",
            "status",
            "reviewed_late",
            "model__kind",
            "model__field",
            "model__is_ethnic_minority_area",
            "model__is_religious_area",
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    groups = []
    for row in rows:
        row["status"] = _status_then(row.pop("status"), bool(row.pop("reviewed_late")), finalised)
        groups.append(row)
    return groups


def _resources_by_unit(campaign: Campaign, kind: str, cutoff=None) -> dict[int, dict]:
    """Households, funds and workdays from the units' submitted progress reports."""
    rows = (
        ProgressReport.objects.filter(registration__campaign=campaign, kind=kind, status=ProgressReport.ReportStatus.SUBMITTED)
        .filter(_before("submitted_at", cutoff))
        .values("registration__unit_id")
        .annotate(
            reports=Count("pk"),
            households=Sum("households"),
            funds_vnd=Sum("funds_vnd"),
            socialised_funds_vnd=Sum("socialised_funds_vnd"),
            workdays=Sum("workdays"),
        )
        .order_by()
    )
    return {row["registration__unit_id"]: {key: int(row[key] or 0) for key in RESOURCE_KEYS} for row in rows}


def _count_row(groups: list[dict]) -> dict[str, int]:
    row = _zero(COUNT_KEYS)
    for group in groups:
        n = group["n"]
        row["registered"] += n
        row["models" if group["model__kind"] == DvkModel.Kind.MODEL else "exemplars"] += n
        if group["status"] in Status.ACCEPTED_OR_LATER:
            row["accepted"] += n
        if group["status"] == Status.RECOGNISED:
            row["recognised"] += n
    return row


def _figures_by_unit(units: list[Unit], groups: list[dict], resources: dict[int, dict]) -> tuple[list[dict], dict]:
    by_unit = defaultdict(list)
    for group in groups:
        by_unit[group["unit_id"]].append(group)
    rows, total = [], _zero(COUNT_KEYS + RESOURCE_KEYS)
    for unit in units:
        row = {"name": unit.name, **_count_row(by_unit[unit.pk]), **resources.get(unit.pk, _zero(RESOURCE_KEYS))}
        _add(total, row, COUNT_KEYS + RESOURCE_KEYS)
        rows.append(row)
    total["units_registered"] = sum(1 for row in rows if row["registered"])
    return rows, total


def _figures_by_field(groups: list[dict]) -> tuple[list[dict], dict]:
    by_field = defaultdict(list)
    for group in groups:
        by_field[group["model__field"]].append(group)
    rows, total = [], _zero(COUNT_KEYS)
    for value, label in Field.choices:
        row = {"name": str(label), **_count_row(by_field[value])}
        _add(total, row, COUNT_KEYS)
        rows.append(row)
    return rows, total


def _status_counts(groups: list[dict]) -> list[dict]:
    counts = defaultdict(int)
    for group in groups:
        counts[group["status"]] += group["n"]
    return [{"status": value, "label": str(label), "count": counts[value]} for value, label in Status.choices if counts[value]]


def _area_counts(groups: list[dict]) -> dict[str, int]:
    return {
        "ethnic_minority": sum(g["n"] for g in groups if g["model__is_ethnic_minority_area"]),
        "religious": sum(g["n"] for g in groups if g["model__is_religious_area"]),
    }


def _results(campaign: Campaign, finalised: bool = True) -> tuple[list[dict], list[dict]]:
    """Recognised models in rank order, and how many got each classification; nothing
    while (or, for an earlier cut-off, at a time when) results were not finalised."""
    if not finalised:
        return [], []
    results = (
        Result.objects.filter(registration__campaign=campaign)
        .select_related("registration__model", "registration__unit")
        .order_by(F("rank").asc(nulls_last=True), F("counted_score").desc(nulls_last=True), "pk")
    )
    recognised, counts = [], defaultdict(int)
    for result in results:
        counts[result.classification] += 1
        if result.classification == Result.Classification.NOT_RECOGNISED:
            continue
        model = result.registration.model
        recognised.append(
            {
                "rank": result.rank,
                "name": model.name,
                "person": model.person_name if model.is_exemplar else "",
                "kind": str(model.get_kind_display()),
                "is_exemplar": model.is_exemplar,
                "field": str(model.get_field_display()),
                "unit": result.registration.unit.name,
                "score": None if result.counted_score is None else str(result.counted_score),
                "classification": str(result.get_classification_display()),
            }
        )
    classification_counts = [
        {"classification": value, "label": str(label), "count": counts[value]}
        for value, label in Result.Classification.choices
        if counts[value]
    ]
    return recognised, classification_counts


def _item_status_then(item: PlanItem, report: SummaryReport) -> str:
    """An item done after an interim report's date was still under way on that date."""
    late = item.completed_on is not None and report.date is not None and item.completed_on > report.date
    if report.is_interim and item.status == PlanItem.Status.DONE and late:
        return PlanItem.Status.IN_PROGRESS
    return item.status


def _plan(report: SummaryReport) -> list[dict]:
    """Plan items per period; the interim report covers the periods begun by its date."""
    periods = PlanPeriod.objects.filter(campaign_id=report.campaign_id).prefetch_related(
        Prefetch("items", queryset=PlanItem.objects.select_related("lead_unit").order_by("order", "pk"))
    )
    rows = []
    for period in periods:
        if report.is_interim and period.starts_on > report.date:
            continue
        items = []
        for item in period.items.all():
            status = _item_status_then(item, report)
            items.append(
                {
                    "title": item.title,
                    "lead_unit": item.lead_unit.name if item.lead_unit else "",
                    "status": status,
                    "status_label": str(PlanItem.Status(status).label),
                    "is_done": status == PlanItem.Status.DONE,
                    "completed_on": short_date(item.completed_on) if status == PlanItem.Status.DONE else "",
                }
            )
        active = [item for item in items if item["status"] != PlanItem.Status.CANCELLED]
        rows.append(
            {
                "name": period.name,
                "starts_on": short_date(period.starts_on),
                "ends_on": short_date(period.ends_on),
                "items": items,
                "total": len(active),
                "done": sum(1 for item in active if item["is_done"]),
            }
        )
    return rows


def _proposal_status_then(proposal: AwardProposal, cutoff) -> str:
    if cutoff is None:
        return proposal.status
    if proposal.voting_closed_at is None or proposal.voting_closed_at >= cutoff:
        return AwardProposal.Status.VOTING
    decided_late = proposal.decision_date is None or proposal.decision_date >= cutoff.date()
    if proposal.status == AwardProposal.Status.DECIDED and decided_late:
        return AwardProposal.Status.PASSED
    return proposal.status


def _proposals(campaign: Campaign, cutoff=None) -> list[dict]:
    """Proposals put to the council's vote (by the cut-off), as they then stood."""
    proposals = (
        AwardProposal.objects.filter(campaign=campaign)
        .exclude(status=AwardProposal.Status.DRAFT)
        .select_related("registration__unit", "registration__model")
        .order_by("level", "pk")
    )
    if cutoff is not None:
        proposals = proposals.filter(created_at__lt=cutoff, voting_opened_at__lt=cutoff)
    rows = []
    for proposal in proposals:
        status = _proposal_status_then(proposal, cutoff)
        decided = bool(proposal.decision_number) and (
            cutoff is None or (proposal.decision_date is not None and proposal.decision_date < cutoff.date())
        )
        rows.append(
            {
                "level": proposal.level,
                "level_label": str(proposal.get_level_display()),
                "nominee": proposal.nominee,
                "is_exemplar": proposal.registration.model.is_exemplar,
                "unit": proposal.registration.unit.name,
                "status": status,
                "status_label": str(AwardProposal.Status(status).label),
                "decision_number": proposal.decision_number if decided else "",
                "decision_date": short_date(proposal.decision_date) if decided else "",
            }
        )
    return rows


def medal_rows(campaign: Campaign, cutoff=None) -> list[dict]:
    """Medal nominations (made by the cut-off); one awarded after an earlier cut-off is
    shown as still proposed, since the award date is not recorded."""
    nominations = (
        MedalNomination.objects.filter(campaign=campaign).exclude(status=MedalNomination.Status.REJECTED).select_related("unit")
    )
    if cutoff is not None:
        nominations = nominations.filter(created_at__lt=cutoff)
    rows = []
    for nomination in sort_by_name(nominations, key=lambda n: n.full_name):
        status = MedalNomination.Status.PROPOSED if cutoff is not None else nomination.status
        rows.append(
            {
                "full_name": nomination.full_name,
                "birth_year": nomination.birth_year,
                "gender": str(nomination.get_gender_display()),
                "position": nomination.position,
                "unit": nomination.unit.name,
                "years_in_work": nomination.years_in_work,
                "achievements": nomination.achievements,
                "status": status,
                "status_label": str(MedalNomination.Status(status).label),
            }
        )
    return rows


def campaign_reference(campaign: Campaign) -> dict:
    """The plan the report answers, and how the body names its author: the owner
    "Huyện ủy Đơn Dương – Ban Dân vận" writes itself "Ban Dân vận Huyện ủy"."""
    committee_name, _sep, board = campaign.owner.name.partition(" – ")
    committee = next((c for c in PARTY_COMMITTEES if committee_name.startswith(c)), "")
    return {
        "title": campaign.title,
        "number_line": campaign.number_line,
        "issued_on": short_date(campaign.issued_on),
        "author": f"{board} {committee}".strip() if board else committee_name,
        "year": campaign.year,
    }


def document_content(report: SummaryReport) -> dict:
    """What any document of the reports app prints besides the text staff write."""
    if report.kind == SummaryReport.Kind.MINUTES:
        from .appraisal import minutes_content

        return minutes_content(report)
    if report.kind == SummaryReport.Kind.SUBMISSION:
        from .appraisal import submission_content

        return submission_content(report)
    return report_content(report)


def report_content(report: SummaryReport) -> dict:
    """Everything a report prints besides the text staff write, as plain JSON. Nine
    queries at most, whatever the number of units, registrations, results or awards.
    Labels are written in the site's language: the document is an official text, not
    a page in the reader's interface language."""
    campaign = report.campaign
    progress_kind = ProgressReport.Kind.INTERIM if report.is_interim else ProgressReport.Kind.FINAL
    cutoff = cutoff_of(report)
    with translation.override(settings.LANGUAGE_CODE):
        finalised_at = _finalised_at(campaign)
        # Without a cut-off the stored results and statuses are printed as they are.
        finalised = cutoff is None or (finalised_at is not None and finalised_at < cutoff)
        groups = _registration_groups(campaign, cutoff, finalised)
        resources = _resources_by_unit(campaign, progress_kind, cutoff)
        units, unit_totals = _figures_by_unit(_units_of(campaign), groups, resources)
        fields, field_totals = _figures_by_field(groups)
        recognised, classification_counts = _results(campaign, finalised)
        plan = _plan(report)
        return {
            "kind": report.kind,
            "year": campaign.year,
            "campaign": campaign_reference(campaign),
            "progress_kind": str(ProgressReport.Kind(progress_kind).label),
            "units": units,
            "unit_totals": unit_totals,
            "fields": fields,
            "field_totals": field_totals,
            "statuses": _status_counts(groups),
            "areas": _area_counts(groups),
            "recognised": recognised,
            "classifications": classification_counts,
            "plan": plan,
            "plan_totals": {"total": sum(p["total"] for p in plan), "done": sum(p["done"] for p in plan)},
            "proposals": _proposals(campaign, cutoff),
            "medals": medal_rows(campaign, cutoff),
            "results_finalised": finalised_at is not None and finalised,
        }


def content_for_rendering(report: SummaryReport) -> dict:
    """A signed report prints the figures it was signed with; a draft prints today's."""
    if report.is_signed and report.content_snapshot:
        return report.content_snapshot
    return document_content(report)
