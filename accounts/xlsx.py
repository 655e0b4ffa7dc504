"""Excel helpers shared by every app's exports and imports (openpyxl).

Exports are written with write-only workbooks: each row goes out as it is appended, in
time and memory linear in the number of cells. A sheet's cells share two styles (plain,
bold header) registered once with the workbook: each cell takes a copy of the style's
indices instead of registering (and hashing) an Alignment and a Font of its own."""

import io
from collections.abc import Iterable, Sequence
from copy import copy

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .text import printable

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_PREFIXES = ("=", "+", "-", "@")
WRAPPED = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)


def _style(sheet, *, bold: bool):
    """The indices of the wrapped (and bold) style in ``sheet``'s workbook."""
    cell = WriteOnlyCell(sheet)
    cell.alignment = WRAPPED
    if bold:
        cell.font = BOLD
    return cell._style


def _cell(sheet, value, style):
    cell = WriteOnlyCell(sheet, value=value)
    cell._style = copy(style)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        cell.data_type = TYPE_STRING
        cell.quotePrefix = True
    return cell


def write_row(sheet, values: Sequence, *, bold: bool = False, style=None) -> None:
    """Append a row (to a write-only or an ordinary sheet). Text that a spreadsheet
    would read as a formula is stored as plain text (never as a formula), so an entered
    name like "=HYPERLINK(...)" stays inert. Characters XML cannot hold (a vertical tab
    in a name saved long ago) are left out rather than failing the whole export.
    ``style`` (from ``_style``) saves registering the style again for every row."""
    style = style if style is not None else _style(sheet, bold=bold)
    sheet.append([_cell(sheet, printable(value), style) for value in values])


def build_workbook(sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence]]], *, write_only: bool = True) -> Workbook:
    """``sheets`` is (title, headers, rows) for each sheet, in order. ``rows`` may be a
    generator: a write-only workbook consumes it once, row by row. A caller that changes
    the sheets afterwards (data validation, the import template) asks for
    ``write_only=False``."""
    workbook = Workbook(write_only=write_only)
    if not write_only:
        workbook.remove(workbook.active)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        # Widths and frozen panes first: a write-only sheet writes them before its rows.
        for index, header in enumerate(headers, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(12, min(60, len(str(header)) + 6))
        sheet.freeze_panes = "A2"
        write_row(sheet, headers, bold=True)
        plain = _style(sheet, bold=False)
        for row in rows:
            write_row(sheet, row, style=plain)
    return workbook


def workbook_response(workbook: Workbook, filename: str) -> HttpResponse:
    response = HttpResponse(workbook_bytes(workbook), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def workbook_bytes(workbook: Workbook) -> bytes:
    """The saved file (a write-only workbook can be saved once)."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
