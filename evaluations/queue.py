"""The member's queue: the registrations a council member scores, what is still to do
first, read a page at a time (issue 14: a member of a province council has thousands)."""

from django.db.models import Case, Count, OuterRef, Q, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce

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
    the submitted ones, each with its sheet, total and number of scored criteria. A
    queryset to page: the sums run only for the rows shown."""
    scores = Score.objects.filter(scoresheet__assignment=OuterRef("pk")).order_by().values("scoresheet")
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
            total=Subquery(scores.annotate(total=Sum("points")).values("total")),
            scored=Coalesce(Subquery(scores.annotate(n=Count("points")).values("n")), 0),
        )
        .order_by(
            "state", "registration__model__kind", by_name("registration__unit__name"), by_name("registration__model__name"), "pk"
        )
    )


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
