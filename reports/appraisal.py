"""What the two documents of the appraisal print, read from the appraisal's own records:
the minutes of the council's meeting (members, recusals, method, each member's total per
registration once results are final, results, votes on the award proposals) and the
board's submission of award proposals (the proposals the council passed, and the
"Vì sự nghiệp Dân vận" medal nominations). Plain JSON, like ``report_content``, so that
a signed document keeps it; a fixed number of queries whatever the size."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.utils import timezone, translation

from accounts.collation import sort_by_name
from evaluations.criteria_defaults import EXCELLENT_FROM, FAIR_FROM, GOOD_FROM
from evaluations.models import Assignment, AwardProposal, Council, CouncilMember, ProposalVote, Result, Scoresheet
from models.models import DvkModel

from .formatting import short_date
from .models import SummaryReport
from .selectors import campaign_reference, medal_rows

POSITION_ORDER = {value: index for index, value in enumerate(CouncilMember.Position.values)}
# Proposals the council passed: the ones a submission puts forward.
PUT_FORWARD = (AwardProposal.Status.PASSED, AwardProposal.Status.DECIDED)


def _council(campaign) -> Council | None:
    return Council.objects.filter(campaign=campaign).first()


def _members(council: Council) -> list[dict]:
    members = CouncilMember.objects.filter(council=council).select_related("user", "unit")
    ordered = sort_by_name(members, key=lambda m: m.user.display_name)
    ordered.sort(key=lambda m: POSITION_ORDER.get(m.position, 99))
    return [
        {
            "id": member.pk,
            "name": member.user.display_name,
            "position": member.position,
            "position_label": str(member.get_position_display()),
            "represents": member.represents or (member.unit.name if member.unit else ""),
        }
        for member in ordered
    ]


def _recusals(council: Council) -> list[dict]:
    rows = (
        Assignment.objects.filter(member__council=council)
        .exclude(recusal=Assignment.Recusal.NONE)
        .select_related("member__user", "registration__model", "registration__unit")
    )
    return [
        {
            "member": row.member.user.display_name,
            "registration": row.registration.model.name,
            "unit": row.registration.unit.name,
            "reason": row.recusal_reason or str(row.get_recusal_display()),
        }
        for row in sort_by_name(rows, key=lambda r: r.member.user.display_name)
    ]


def _member_totals(council: Council) -> dict[int, dict[int, str]]:
    """{registration id: {member id: total of the member's submitted sheet}}."""
    rows = (
        Scoresheet.objects.filter(assignment__member__council=council, status=Scoresheet.Status.SUBMITTED)
        .values("assignment__registration_id", "assignment__member_id")
        .annotate(total=Sum("scores__points"))
        .order_by()
    )
    totals = defaultdict(dict)
    for row in rows:
        totals[row["assignment__registration_id"]][row["assignment__member_id"]] = str(row["total"] or 0)
    return totals


def _results(council: Council) -> list[dict]:
    results = Result.objects.filter(council=council).select_related("registration__model", "registration__unit")
    rows = []
    for result in results:
        model = result.registration.model
        rows.append(
            {
                "registration_id": result.registration_id,
                "name": model.name,
                "person": model.person_name if model.is_exemplar else "",
                "is_exemplar": model.is_exemplar,
                "unit": result.registration.unit.name,
                "field": str(model.get_field_display()),
                "sheet_count": result.sheet_count,
                "eligible_count": result.eligible_count,
                "score": None if result.counted_score is None else str(result.counted_score),
                "rank": result.rank,
                "classification": result.classification,
                "classification_label": str(result.get_classification_display()),
            }
        )
    rows.sort(key=lambda r: (r["is_exemplar"], r["rank"] is None, r["rank"] or 0, r["registration_id"]))
    return rows


def _votes(campaign) -> list[dict]:
    """Proposals put to the vote, with their tallies."""
    proposals = (
        AwardProposal.objects.filter(campaign=campaign)
        .exclude(status=AwardProposal.Status.DRAFT)
        .select_related("registration__unit", "registration__model", "registration__result")
        .annotate(
            agree=Count("votes", filter=Q(votes__choice=ProposalVote.Choice.AGREE)),
            disagree=Count("votes", filter=Q(votes__choice=ProposalVote.Choice.DISAGREE)),
            abstain=Count("votes", filter=Q(votes__choice=ProposalVote.Choice.ABSTAIN)),
        )
        .order_by("-level", "pk")
    )
    rows = []
    for proposal in proposals:
        model = proposal.registration.model
        result = getattr(proposal.registration, "result", None)
        rows.append(
            {
                "nominee": proposal.nominee,
                "is_exemplar": model.kind == DvkModel.Kind.EXEMPLAR,
                "unit": proposal.registration.unit.name,
                "achievement": proposal.achievement,
                "classification": str(result.get_classification_display()) if result else "",
                "score": None if result is None or result.counted_score is None else str(result.counted_score),
                "level": proposal.level,
                "form": award_form(proposal.level),
                "status": proposal.status,
                "status_label": str(proposal.get_status_display()),
                "agree": proposal.agree,
                "disagree": proposal.disagree,
                "abstain": proposal.abstain,
            }
        )
    return rows


def award_form(level: str) -> str:
    """ "Giấy khen" or "Bằng khen", the form of award as a submission names it."""
    return str(AwardProposal.Level(level).label).split(" (", 1)[0]


def _council_settings(council: Council) -> dict:
    return {
        "name": council.name,
        "method": council.score_method,
        "method_label": str(council.get_score_method_display()),
        "quorum_fraction": str(council.quorum_fraction),
        "vote_pass_fraction": str(council.vote_pass_fraction),
        "vote_quorum_fraction": str(council.vote_quorum_fraction),
        "finalised": council.is_finalised,
        "finalised_on": short_date(timezone.localdate(council.finalised_at)) if council.finalised_at else "",
        "thresholds": {"excellent": str(EXCELLENT_FROM), "good": str(GOOD_FROM), "fair": str(FAIR_FROM)},
    }


def minutes_content(report: SummaryReport) -> dict:
    """The council's meeting: six queries whatever the number of registrations."""
    campaign = report.campaign
    with translation.override(settings.LANGUAGE_CODE):
        council = _council(campaign)
        content = {"kind": report.kind, "year": campaign.year, "campaign": campaign_reference(campaign), "council": None}
        if council is None:
            return content
        totals = _member_totals(council) if council.is_finalised else {}
        results = _results(council)
        for row in results:
            row["member_totals"] = totals.get(row["registration_id"], {})
        content.update(
            council=_council_settings(council),
            members=_members(council),
            recusals=_recusals(council),
            results=results,
            votes=_votes(campaign),
        )
        return content


def submission_content(report: SummaryReport) -> dict:
    """The proposals the council passed and the medal nominations: three queries."""
    campaign = report.campaign
    with translation.override(settings.LANGUAGE_CODE):
        council = _council(campaign)
        proposals = [row for row in _votes(campaign) if row["status"] in PUT_FORWARD]
        return {
            "kind": report.kind,
            "year": campaign.year,
            "campaign": campaign_reference(campaign),
            "council": _council_settings(council) if council else None,
            "collectives": [row for row in proposals if not row["is_exemplar"]],
            "individuals": [row for row in proposals if row["is_exemplar"]],
            "medals": medal_rows(campaign),
        }
