"""The member's queue: the registrations a council member scores, what is still to do
first, read a page at a time (issue 14: a member of a province council has thousands)."""

from django.db.models import Case, Count, Q, QuerySet, Sum, Value, When

from accounts.collation import by_name
from registrations.models import CONTENT_FIELDS, Status

from .models import Assignment, CouncilMember, Score, Scoresheet
from .selectors import Progress

# The registration's texts, which no list of assignments shows.
LONG_TEXTS = (
    *(f"registration__{name}" for name in CONTENT_FIELDS),
    "registration__return_reason",
    "registration__model__description",
)


class QueueState:
    """Where an assignment stands for its member, in the order the queue shows them:
    what is still to do first."""

    UNSCORED, DRAFT, SUBMITTED = 0, 1, 2


def member_queue(seat: CouncilMember) -> QuerySet[Assignment]:
    """The member's assignments to score (not recused), unscored first, then drafts, then
    the submitted ones, each with its sheet. A queryset to page; ``with_points`` adds the
    sums to the rows shown."""
    return (
        Assignment.objects.filter(member=seat, recusal=Assignment.Recusal.NONE, registration__status__in=Status.IN_APPRAISAL)
        .select_related("registration__model", "registration__unit", "scoresheet")
        .defer(*LONG_TEXTS)
        .annotate(
            state=Case(
                When(scoresheet__isnull=True, then=Value(QueueState.UNSCORED)),
                When(scoresheet__status=Scoresheet.Status.SUBMITTED, then=Value(QueueState.SUBMITTED)),
                default=Value(QueueState.DRAFT),
            ),
        )
        .order_by(
            "state", "registration__model__kind", by_name("registration__unit__name"), by_name("registration__model__name"), "pk"
        )
    )


def with_points(assignments) -> list[Assignment]:
    """Set ``total`` (None while nothing is scored) and ``scored`` (criteria with points)
    on each assignment of a page, in one query for the page."""
    assignments = list(assignments)
    sums = {
        row["scoresheet__assignment_id"]: row
        for row in Score.objects.filter(scoresheet__assignment__in=assignments)
        .order_by()
        .values("scoresheet__assignment_id")
        .annotate(total=Sum("points"), scored=Count("points"))
    }
    for assignment in assignments:
        row = sums.get(assignment.pk, {})
        assignment.total, assignment.scored = row.get("total"), row.get("scored", 0)
    return assignments


def recused_assignments(seat: CouncilMember) -> QuerySet[Assignment]:
    """The registrations the member does not score (few: their own unit's, or declared)."""
    return (
        Assignment.objects.filter(member=seat, registration__status__in=Status.IN_APPRAISAL)
        .exclude(recusal=Assignment.Recusal.NONE)
        .select_related("registration__model", "registration__unit")
        .defer(*LONG_TEXTS)
        .order_by(by_name("registration__unit__name"), by_name("registration__model__name"), "pk")
    )


def queue_progress(seat: CouncilMember) -> Progress:
    """Sheets submitted out of the member's assignments to score, counted in SQL."""
    counts = (
        member_queue(seat)
        .order_by()
        .aggregate(total=Count("pk"), submitted=Count("pk", filter=Q(scoresheet__status=Scoresheet.Status.SUBMITTED)))
    )
    return Progress(counts["submitted"], counts["total"])
