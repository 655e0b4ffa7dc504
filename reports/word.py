"""The editable DOCX of a report (offices edit before signing): the same blocks as the
PDF, in Liberation Serif 14pt (the PDF's typeface; Word takes Times New Roman, its
metric twin, where it is not installed) on A4, the two-column header and the closing
as borderless tables, figures in bordered tables whose header row repeats on every
page, page numbers from page 2, and "DỰ THẢO" at the top of every page of a draft.

Tables are written row by row as they are added, never through ``table.rows[i]``
(python-docx rebuilds the row list on every access, which made a province-scale report
quadratic), and data rows are copies of one row built through python-docx."""

from copy import deepcopy
from io import BytesIO

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from accounts.text import printable

from .document import DRAFT_MARK, Heading, Paragraph, ReportDocument, Table

FONT = "Liberation Serif"
FONT_ALT = "Times New Roman"
BODY_SIZE = Pt(14)
TABLE_SIZE = Pt(12)
TEXT_WIDTH = Mm(210 - 30 - 15)
DRAFT_GREY = RGBColor(0x80, 0x80, 0x80)
W_T = qn("w:t")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _name_font(rpr) -> None:
    # Word picks the font per script; without all four Vietnamese may fall back to another face.
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _declare_font(document) -> None:
    """List the typeface in the font table with Times New Roman as its alternative, so
    that Word on a machine without Liberation Serif substitutes its metric twin."""
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/fontTable"))
    entry = (
        f'<w:font w:name="{FONT}"><w:altName w:val="{FONT_ALT}"/><w:panose1 w:val="02020603050405020304"/>'
        '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    )
    part._blob = part.blob.replace(b"</w:fonts>", entry.encode() + b"</w:fonts>")


def _set_base_style(document) -> None:
    style = document.styles["Normal"]
    style.font.size = BODY_SIZE
    _name_font(style.element.get_or_add_rPr())
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None and defaults.find(qn("w:rPrDefault")) is not None:
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        if rpr is not None:
            _name_font(rpr)
    _declare_font(document)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.15


def _set_page(document, *, draft: bool) -> None:
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
    if draft:
        for header in (section.first_page_header, section.header):
            _line(header, DRAFT_MARK, bold=True, size=Pt(16), align=WD_ALIGN_PARAGRAPH.RIGHT).runs[0].font.color.rgb = DRAFT_GREY


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
    run = paragraph.add_run(_xml_safe(text))
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
    left, right = _borderless_table(document, (Mm(82), TEXT_WIDTH - Mm(82))).rows[0].cells
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
    if doc.addressee:
        _line(document, f"{doc.addressee_label} {doc.addressee}").paragraph_format.space_after = Pt(10)


def _body_paragraph(document, text: str, *, bold=False, italic=False):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Cm(1)
    paragraph.paragraph_format.space_after = Pt(6)
    run = paragraph.add_run(_xml_safe(text))
    run.bold, run.italic = bold, italic
    return paragraph


def _xml_safe(text) -> str:
    """Text without the control characters XML cannot hold (a pasted form feed, say)."""
    return printable(str(text))


def _cell_text(cell, text: str, *, bold=False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run(_xml_safe(text))
    run.bold = bold
    run.font.size = TABLE_SIZE


def _row_property(row, name: str) -> None:
    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _add_row(grid, values, aligns, *, bold=False):
    """Append one row and fill it through python-docx (used for the header and as the
    model the data rows are copied from)."""
    row = grid.add_row()
    # A row is never split across pages: its figures stay on one line of the table.
    _row_property(row, "w:cantSplit")
    for cell, value, align in zip(row.cells, values, aligns, strict=True):
        _cell_text(cell, value, bold=bold, align=align)
    return row


def _copy_rows(grid, rows, aligns, *, bold=False) -> None:
    """Append many rows fast: one row is built through python-docx with placeholder
    text, then copied for each row with its own text. Building every cell through
    python-docx costs about ten milliseconds a row; a copy costs a small fraction."""
    model = _add_row(grid, ["x"] * len(aligns), aligns, bold=bold)._tr
    texts = list(model.iter(W_T))
    for text in texts:
        text.set(XML_SPACE, "preserve")
    table = model.getparent()
    table.remove(model)
    for values in rows:
        values = [_xml_safe(value) for value in values]
        if any("\n" in value or "\t" in value for value in values):
            # Line breaks and tabs need their own elements: the slow path writes them.
            _add_row(grid, values, aligns, bold=bold)
            continue
        row = deepcopy(model)
        for text, value in zip(row.iter(W_T), values, strict=True):
            text.text = value
        table.append(row)


def _figures_table(document, table: Table) -> None:
    caption = _line(document, table.caption, italic=True, size=Pt(13))
    caption.paragraph_format.space_before = Pt(4)
    caption.paragraph_format.keep_with_next = True
    grid = document.add_table(rows=0, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.autofit = False
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    # New rows take their cell widths from the grid columns.
    for column, spec in zip(grid.columns, table.columns, strict=True):
        column.width = int(TEXT_WIDTH * spec.width / 100)
    header = _add_row(grid, [c.label for c in table.columns], [WD_ALIGN_PARAGRAPH.CENTER] * len(table.columns), bold=True)
    # The header row repeats at the top of every page the table runs onto.
    _row_property(header, "w:tblHeader")
    numeric = table.numeric_indexes
    aligns = [WD_ALIGN_PARAGRAPH.RIGHT if i in numeric else WD_ALIGN_PARAGRAPH.LEFT for i in range(len(table.columns))]
    _copy_rows(grid, table.rows, aligns)
    if table.total:
        _copy_rows(grid, [table.total], aligns, bold=True)
    document.add_paragraph().paragraph_format.space_after = Pt(4)


def _signature(cell, capacity: str, title: str, name: str) -> None:
    first = True
    for text in (capacity, title):
        if text:
            paragraph = _line(cell, text, bold=True)
            if first:
                paragraph.paragraph_format.space_before = Pt(12)
                first = False
    space = _line(cell, "")
    space.paragraph_format.space_after = Pt(64)
    _line(cell, name, bold=True)


def _closing(document, doc: ReportDocument) -> None:
    left, signature = _borderless_table(document, (TEXT_WIDTH // 2, TEXT_WIDTH - TEXT_WIDTH // 2)).rows[0].cells
    if doc.second_signature is not None:
        second = doc.second_signature
        _signature(left, second.capacity, second.title, second.name)
    else:
        if doc.recipients_label:
            label = _line(left, doc.recipients_label, bold=True, italic=True, size=TABLE_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT)
            label.paragraph_format.space_before = Pt(12)
        for line in doc.recipients:
            _line(left, f"- {line}", size=TABLE_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT)
        if not left.paragraphs:
            left.add_paragraph()
    _signature(signature, doc.signer_capacity, doc.signer_title, doc.signer_name)
    for line in doc.seal_lines:
        _line(document, line, italic=True, size=Pt(10), align=WD_ALIGN_PARAGRAPH.LEFT)


def render_docx(doc: ReportDocument) -> bytes:
    document = Document()
    _set_base_style(document)
    _set_page(document, draft=doc.is_draft)
    _header(document, doc)
    _title(document, doc)
    for block in doc.blocks:
        if isinstance(block, Heading):
            _body_paragraph(document, block.text, bold=True).paragraph_format.keep_with_next = True
        elif isinstance(block, Paragraph):
            paragraph = _body_paragraph(document, block.text, italic=block.italic)
            paragraph.paragraph_format.keep_with_next = block.keep_with_next
        elif isinstance(block, Table):
            _figures_table(document, block)
    _closing(document, doc)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
