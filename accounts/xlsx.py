"""Excel helpers shared by every app's exports and imports (openpyxl)."""

import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .text import printable

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@")


def write_row(sheet, values: Sequence, *, bold: bool = False) -> None:
    """Append a row. Text that a spreadsheet would read as a formula is stored as plain
    text (never as a formula), so an entered name like "=HYPERLINK(...)" stays inert.
    Characters XML cannot hold (a vertical tab in a name saved long ago) are left out
    rather than failing the whole export."""
    values = [printable(value) for value in values]
    sheet.append(values)
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            cell.value = value
            cell.data_type = TYPE_STRING
            cell.quotePrefix = True
        if bold:
            cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def build_workbook(sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence]]]) -> Workbook:
    """``sheets`` is (title, headers, rows) for each sheet, in order."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        write_row(sheet, headers, bold=True)
        for row in rows:
            write_row(sheet, row)
        sheet.freeze_panes = "A2"
        for index, header in enumerate(headers, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(12, min(60, len(str(header)) + 6))
    return workbook


def workbook_response(workbook: Workbook, filename: str) -> HttpResponse:
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
