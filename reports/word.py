"""The editable DOCX of a report (offices edit before signing): the same blocks as the
PDF, in Times New Roman 14pt on A4, the two-column header and the closing as
borderless tables, figures in bordered tables, page numbers from page 2."""

from io import BytesIO

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from .document import Heading, Paragraph, ReportDocument, Table

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
TABLE_SIZE = Pt(12)
TEXT_WIDTH = Mm(210 - 30 - 15)


def _set_base_style(document) -> None:
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = BODY_SIZE
    # Word picks the font per script; without these Vietnamese may fall back to another face.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.15


def _set_page(document) -> None:
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    # Page numbers at the top centre, none on the first page.
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_page_field(paragraph)


def _add_page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _line(container, text: str, *, bold=False, italic=False, underline=False, size=None, align=WD_ALIGN_PARAGRAPH.CENTER):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    if size is not None:
        run.font.size = size
    return paragraph


def _borderless_table(document, widths):
    table = document.add_table(rows=1, cols=len(widths))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = width
        # A fresh cell holds one empty paragraph; the content adds its own.
        cell._tc.remove(cell.paragraphs[0]._p)
    return table


def _header(document, doc: ReportDocument) -> None:
    left, right = _borderless_table(document, (Mm(70), TEXT_WIDTH - Mm(70))).rows[0].cells
    _line(left, doc.superior)
    _line(left, doc.issuer, bold=True)
    _line(left, "*")
    _line(left, doc.number_line)
    _line(right, doc.party_name, bold=True, underline=True, size=Pt(15))
    date = _line(right, doc.date_line, italic=True)
    date.paragraph_format.space_before = Pt(10)


def _title(document, doc: ReportDocument) -> None:
    title = _line(document, doc.title, bold=True, size=Pt(16))
    title.paragraph_format.space_before = Pt(18)
    _line(document, doc.subject, bold=True)
    rule = _line(document, "-----")
    rule.paragraph_format.space_after = Pt(12)


def _body_paragraph(document, text: str, *, bold=False, italic=False):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.space_after = Pt(6)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    return paragraph


def _cell_text(cell, text: str, *, bold=False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = TABLE_SIZE


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _figures_table(document, table: Table) -> None:
    caption = _line(document, table.caption, italic=True, size=Pt(13))
    caption.paragraph_format.space_before = Pt(4)
    caption.paragraph_format.keep_with_next = True
    rows = table.rows + ([table.total] if table.total else [])
    grid = document.add_table(rows=1 + len(rows), cols=len(table.columns))
    grid.style = "Table Grid"
    grid.autofit = False
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = [int(TEXT_WIDTH * column.width / 100) for column in table.columns]
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    for cell, column in zip(grid.rows[0].cells, table.columns, strict=True):
        _cell_text(cell, column.label, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _repeat_as_header(grid.rows[0])
    numeric = table.numeric_indexes
    for row_index, values in enumerate(rows, 1):
        is_total = table.total is not None and row_index == len(rows)
        for index, (cell, value) in enumerate(zip(grid.rows[row_index].cells, values, strict=True)):
            align = WD_ALIGN_PARAGRAPH.RIGHT if index in numeric else WD_ALIGN_PARAGRAPH.LEFT
            _cell_text(cell, value, bold=is_total, align=align)
    document.add_paragraph().paragraph_format.space_after = Pt(4)


def _closing(document, doc: ReportDocument) -> None:
    recipients, signature = _borderless_table(document, (TEXT_WIDTH // 2, TEXT_WIDTH - TEXT_WIDTH // 2)).rows[0].cells
    label = _line(recipients, doc.recipients_label, bold=True, italic=True, size=TABLE_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT)
    label.paragraph_format.space_before = Pt(12)
    for line in doc.recipients:
        _line(recipients, f"- {line}", size=TABLE_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT)
    first = True
    for text in (doc.signer_capacity, doc.signer_title):
        if text:
            paragraph = _line(signature, text, bold=True)
            if first:
                paragraph.paragraph_format.space_before = Pt(12)
                first = False
    space = _line(signature, "")
    space.paragraph_format.space_after = Pt(64)
    _line(signature, doc.signer_name, bold=True)


def render_docx(doc: ReportDocument) -> bytes:
    document = Document()
    _set_base_style(document)
    _set_page(document)
    _header(document, doc)
    _title(document, doc)
    for block in doc.blocks:
        if isinstance(block, Heading):
            _body_paragraph(document, block.text, bold=True).paragraph_format.keep_with_next = True
        elif isinstance(block, Paragraph):
            _body_paragraph(document, block.text, italic=block.italic)
        elif isinstance(block, Table):
            _figures_table(document, block)
    _closing(document, doc)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
