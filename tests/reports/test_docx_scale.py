"""The DOCX builder writes each table row once, from the row it has just added: the
work grows with the rows, never with their square (python-docx rebuilds its row list
on every ``table.rows[i]``)."""

from io import BytesIO

import docx.table
from docx import Document

from reports.document import build_document
from reports.word import render_docx

from .builders import province_content


def _row_list_reads(monkeypatch, content, report) -> int:
    """How many times the builder indexed a table's row list (each builds the whole list)."""
    reads = 0
    original = docx.table._Rows.__getitem__

    def counting(rows, index):
        nonlocal reads
        reads += 1
        return original(rows, index)

    with monkeypatch.context() as patch:
        patch.setattr(docx.table._Rows, "__getitem__", counting)
        render_docx(build_document(report, content))
    return reads


def test_docx_reads_the_row_list_as_often_for_150_rows_as_for_15(monkeypatch, report):
    small = _row_list_reads(monkeypatch, province_content(units=15, registrations=300, recognised=40, proposals=10, medals=5), report)
    large = _row_list_reads(monkeypatch, province_content(), report)
    # Only the two one-row layout tables (header and closing) index their row, twice each.
    assert small == large == 4


def test_province_docx_holds_every_row(report):
    data = render_docx(build_document(report, province_content()))
    document = Document(BytesIO(data))
    rows = sum(len(table.rows) for table in document.tables)
    # Header row and total of each figures table, plus every data row and the two layout tables.
    assert rows == (1 + 150 + 1) + (1 + 5 + 1) + (1 + 150 + 1) + (1 + 1220) * 2 + (1 + 400) + (1 + 120) + 2


def test_control_characters_typed_in_the_text_do_not_break_the_docx_or_pdf(report, populated):
    from reports.pdf import render_pdf
    from reports.selectors import report_content

    report.assessment = "Đánh giá\x0cchung\x00 của Ban"
    report.recommendations = [{"addressee": "Tỉnh ủy\x1b", "content": "Bố trí\x07 kinh phí"}]
    document = build_document(report, report_content(report))
    text = "\n".join(p.text for p in Document(BytesIO(render_docx(document))).paragraphs)
    assert "chung của Ban" in text
    assert "1. Đối với Tỉnh ủy:" in text
    assert render_pdf(document).startswith(b"%PDF")
