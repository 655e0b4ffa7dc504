"""Excel exports of the appraisal: the score matrix (registration × member × criterion)
and the ranked results. Each returns the (title, headers, rows) sheets that
accounts.xlsx.build_workbook writes; the data comes from selectors, already loaded."""

from django.utils.translation import gettext as _

from models.models import DvkModel

from .models import Assignment, Scoresheet
from .result_tables import ResultsTable
from .score_matrix import ScoreMatrix


def _sheet_status(cell) -> str:
    if cell is None:
        return _("Không phân công")
    if cell.assignment.is_recused:
        return str(Assignment.Recusal(cell.assignment.recusal).label)
    if cell.sheet is None:
        return _("Chưa chấm")
    return str(Scoresheet.Status(cell.sheet.status).label)


def matrix_sheets(matrix: ScoreMatrix) -> list[tuple[str, list[str], list[list]]]:
    """One sheet per kind: a row per (registration, member), a column per criterion."""
    sheets = []
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
                        member.user.display_name,
                        str(member.get_position_display()),
                        _sheet_status(cell),
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
