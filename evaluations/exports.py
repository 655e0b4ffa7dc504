"""Excel exports of the appraisal: the score matrix (registration × member × criterion)
and the ranked results. Each returns the (title, headers, rows) sheets that
accounts.xlsx.build_workbook writes; the data comes from selectors, already loaded.
``matrix_workbook`` and ``results_workbook`` are the builders of the background export."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accounts.exports import Workbook
from models.models import DvkModel

from .models import Assignment, Council, Scoresheet
from .result_tables import ResultsTable, results_table
from .score_matrix import ScoreMatrix, score_matrix

# The kinds of background export (accounts.exports) this module builds.
MATRIX = "appraisal_matrix"
RESULTS = "appraisal_results"


def _sheet_status(cell) -> tuple:
    """What the status column says of ``cell``, as a key of ``_status_texts()``."""
    if cell is None:
        return ("unassigned",)
    if cell.assignment.is_recused:
        return ("recused", cell.assignment.recusal)
    if cell.sheet is None:
        return ("unscored",)
    return ("sheet", cell.sheet.status)


def _status_texts() -> dict[tuple, str]:
    """Every status column's text, translated once per export (not once per cell)."""
    return {
        ("unassigned",): _("Không phân công"),
        ("unscored",): _("Chưa chấm"),
        **{("recused", value): str(label) for value, label in Assignment.Recusal.choices},
        **{("sheet", value): str(label) for value, label in Scoresheet.Status.choices},
    }


def matrix_sheets(matrix: ScoreMatrix) -> list[tuple[str, list[str], list[list]]]:
    """One sheet per kind: a row per (registration, member), a column per criterion."""
    sheets = []
    # Translated once per export, not once per cell (tens of thousands of them).
    people = {member.pk: (member.user.display_name, str(member.get_position_display())) for member in matrix.members}
    texts = _status_texts()
    for kind, label in DvkModel.Kind.choices:
        registrations = [r for r in matrix.registrations if r.model.kind == kind]
        if not registrations:
            continue
        criteria = matrix.criteria.get(kind, [])
        headers = [
            _("Đơn vị"),
            _("Mô hình, điển hình"),
            _("Thành viên Hội đồng"),
            _("Chức danh"),
            _("Trạng thái phiếu"),
            *[f"{c.order}. {c.name} ({c.max_points})" for c in criteria],
            _("Tổng điểm"),
        ]
        rows = []
        for registration in registrations:
            for member in matrix.members:
                cell = matrix.cells.get((registration.pk, member.pk))
                points = cell.points if cell is not None and not cell.assignment.is_recused else {}
                rows.append(
                    [
                        registration.unit.name,
                        registration.model.name,
                        *people[member.pk],
                        texts[_sheet_status(cell)],
                        *[points.get(c.pk) for c in criteria],
                        cell.total if cell is not None and not cell.assignment.is_recused else None,
                    ]
                )
        sheets.append((str(label), headers, rows))
    if not sheets:
        sheets.append((_("Ma trận điểm"), [_("Chưa có hồ sơ nào được đưa vào thẩm định.")], []))
    return sheets


def results_sheets(table: ResultsTable) -> list[tuple[str, list[str], list[list]]]:
    """The ranked results, one sheet per kind."""
    headers = [
        _("Xếp hạng"),
        _("Đơn vị"),
        _("Mô hình, điển hình"),
        _("Số phiếu"),
        _("Số thành viên được chấm"),
        _("Số phiếu tối thiểu"),
        _("Trung bình"),
        _("Trung vị"),
        _("Thấp nhất"),
        _("Cao nhất"),
        _("Độ lệch chuẩn (tổng thể)"),
        _("Điểm xét"),
        _("Xếp loại"),
        _("Đủ số phiếu"),
        _("Chênh lệch lớn"),
        _("Cần biểu quyết"),
        _("Ghi chú xếp hạng"),
    ]
    yes, no = _("Có"), _("Không")
    sheets = []
    for _kind, label, rows in table.by_kind():
        sheets.append(
            (
                str(label),
                headers,
                [
                    [
                        row.outcome.rank,
                        row.registration.unit.name,
                        row.registration.model.name,
                        row.outcome.sheet_count,
                        row.outcome.eligible_count,
                        row.outcome.quorum_needed,
                        row.outcome.mean,
                        row.outcome.median,
                        row.outcome.minimum,
                        row.outcome.maximum,
                        row.outcome.stdev,
                        row.outcome.counted_score,
                        row.classification_label if row.outcome.is_quorate else _("Chưa đủ số phiếu"),
                        yes if row.outcome.is_quorate else no,
                        yes if row.outcome.has_disagreement else no,
                        yes if row.outcome.needs_vote else no,
                        row.outcome.tie_break_note,
                    ]
                    for row in rows
                ],
            )
        )
    if not sheets:
        sheets.append((_("Kết quả"), headers, []))
    return sheets


def _council_for(user, params: dict) -> Council:
    """The campaign's council, if ``user`` may still export its scores."""
    council = Council.objects.select_related("campaign__owner", "finalised_by").get(campaign_id=params["campaign"])
    if not user.has_perm("evaluations.export_appraisal", council):
        raise PermissionDenied
    return council


def matrix_workbook(user, params: dict) -> Workbook:
    council = _council_for(user, params)
    return Workbook(f"ma-tran-diem-tham-dinh-{council.campaign.year}.xlsx", matrix_sheets(score_matrix(council)))


def results_workbook(user, params: dict) -> Workbook:
    council = _council_for(user, params)
    return Workbook(f"ket-qua-tham-dinh-{council.campaign.year}.xlsx", results_sheets(results_table(council)))
