"""The score matrix: every registration × member × criterion of a council, read for
the staff page and the Excel export in five queries."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from registrations.models import Registration, Status

from .models import Assignment, Council, CouncilMember, Criterion, Score, Scoresheet
from .selectors import appraised_registrations, council_members, criteria_by_kind, sheet_of


@dataclass
class MatrixCell:
    assignment: Assignment
    sheet: Scoresheet | None
    points: dict[int, Decimal | None]

    @property
    def total(self) -> Decimal | None:
        values = [value for value in self.points.values() if value is not None]
        return sum(values, Decimal(0)) if values else None


@dataclass
class ScoreMatrix:
    council: Council
    registrations: list[Registration]
    members: list[CouncilMember]
    criteria: dict[str, list[Criterion]]
    cells: dict[tuple[int, int], MatrixCell]


def score_matrix(council: Council) -> ScoreMatrix:
    """registration × member × criterion for the whole council, in five queries."""
    registrations = list(appraised_registrations(council.campaign))
    members = list(council_members(council))
    criteria = criteria_by_kind(council.campaign)
    assignments = list(
        Assignment.objects.filter(member__council=council, registration__status__in=Status.IN_APPRAISAL).select_related(
            "scoresheet"
        )
    )
    points: dict[int, dict[int, Decimal | None]] = defaultdict(dict)
    for sheet_id, criterion_id, value in Score.objects.filter(scoresheet__assignment__member__council=council).values_list(
        "scoresheet_id", "criterion_id", "points"
    ):
        points[sheet_id][criterion_id] = value
    cells = {}
    for assignment in assignments:
        sheet = sheet_of(assignment)
        cells[(assignment.registration_id, assignment.member_id)] = MatrixCell(
            assignment, sheet, points.get(sheet.pk, {}) if sheet else {}
        )
    return ScoreMatrix(council, registrations, members, criteria, cells)
