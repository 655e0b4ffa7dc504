import datetime
import zipfile
from io import BytesIO

from docx import Document
from docx.shared import Pt

from accounts.formatting import vn_decimal, vn_millions
from reports.document import build_document
from reports.formatting import date_line
from reports.models import SummaryReport
from reports.pdf import layout, render_pdf
from reports.selectors import report_content
from reports.word import render_docx

from .builders import pdftotext

LONG_ASSESSMENT = "\n".join(
    f"Đoạn {i}: các cấp ủy, chính quyền đã lãnh đạo, chỉ đạo sâu sát việc xây dựng mô hình “Dân vận khéo”, "
    "phát huy vai trò của già làng, người có uy tín trong đồng bào dân tộc thiểu số và chức sắc tôn giáo."
    for i in range(1, 41)
)


def _document(report):
    return build_document(report, report_content(report))


def _docx_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def test_date_line_follows_the_party_format():
    assert date_line("Đơn Dương", datetime.date(2020, 12, 15)) == "Đơn Dương, ngày 15 tháng 12 năm 2020"
    # Days below 10 and the months January and February take a leading zero.
    assert date_line("Đơn Dương", datetime.date(2021, 2, 5)) == "Đơn Dương, ngày 05 tháng 02 năm 2021"
    assert date_line("Đơn Dương", datetime.date(2021, 3, 5)) == "Đơn Dương, ngày 05 tháng 3 năm 2021"


def test_numbers_use_dots_for_thousands_and_a_decimal_comma():
    assert vn_millions(1_234_500_000) == "1.234,5"
    assert vn_millions(450_000_000) == "450"
    assert vn_decimal("92.5") == "92,50"
    assert vn_decimal(None) == ""


def test_document_prints_the_header_lines_of_the_party_format(report):
    document = _document(report)
    assert (document.superior, document.issuer, document.number_line) == ("HUYỆN ỦY ĐƠN DƯƠNG", "BAN DÂN VẬN", "Số 45-BC/BDVHU")
    assert document.party_name == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert document.date_line == "Đơn Dương, ngày 15 tháng 12 năm 2020"
    assert (document.signer_capacity, document.signer_title, document.signer_name) == (
        "T/M BAN DÂN VẬN",
        "TRƯỞNG BAN",
        "Lê Đình Thủy",
    )
    headings = [block.text for block in document.blocks if block.kind == "heading" and block.level == 1]
    assert headings == [
        "I. KẾT QUẢ THỰC HIỆN NĂM 2020",
        "II. ĐÁNH GIÁ CHUNG",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2021",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ]


def test_interim_document_sets_tasks_for_the_second_half_year(campaign):
    interim = SummaryReport.objects.create(
        campaign=campaign, kind=SummaryReport.Kind.INTERIM, date=datetime.date(2020, 6, 30), subject="Sơ kết 6 tháng"
    )
    headings = [block.text for block in _document(interim).blocks if block.kind == "heading" and block.level == 1]
    assert headings[-2:] == ["III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2020", "IV. ĐỀ XUẤT, KIẾN NGHỊ"]


def test_pdf_renders_as_a_pdf(report):
    assert render_pdf(_document(report)).startswith(b"%PDF")


def test_long_report_runs_to_several_pages(report, populated):
    report.assessment = LONG_ASSESSMENT
    assert len(layout(_document(report)).pages) >= 2


def test_pdf_holds_the_header_lines_and_vietnamese_text_as_real_text(report, populated):
    text = pdftotext(render_pdf(_document(report)))
    for expected in (
        "HUYỆN ỦY ĐƠN DƯƠNG",
        "BAN DÂN VẬN",
        "Số 45-BC/BDVHU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Đơn Dương, ngày 15 tháng 12 năm 2020",
        "BÁO CÁO",
        "Nơi nhận:",
        "T/M BAN DÂN VẬN",
        "TRƯỞNG BAN",
        "Lê Đình Thủy",
        "Xã Ka Đô",
        "Thị trấn Thạnh Mỹ",
        "Phong trào được cấp ủy quan tâm lãnh đạo.",
        "1.684,5",
    ):
        assert expected in text, expected


def test_page_number_is_absent_on_page_one_and_present_on_page_two(report, populated):
    report.assessment = LONG_ASSESSMENT
    pdf = render_pdf(_document(report))
    # The top margin (20 mm ≈ 57 pt) holds the page number and nothing else.
    assert pdftotext(pdf, page=1, crop_top_points=50).strip() == ""
    assert pdftotext(pdf, page=2, crop_top_points=50).strip() == "2"


def test_docx_opens_with_the_same_header_lines_and_figures(report, populated):
    document = Document(BytesIO(render_docx(_document(report))))
    text = _docx_text(document)
    for expected in (
        "HUYỆN ỦY ĐƠN DƯƠNG",
        "BAN DÂN VẬN",
        "Số 45-BC/BDVHU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Đơn Dương, ngày 15 tháng 12 năm 2020",
        "BÁO CÁO",
        "Nơi nhận:",
        "T/M BAN DÂN VẬN",
        "Lê Đình Thủy",
    ):
        assert expected in text, expected
    header_left, header_right = document.tables[0].rows[0].cells
    assert header_left.text.splitlines() == ["HUYỆN ỦY ĐƠN DƯƠNG", "BAN DÂN VẬN", "*", "Số 45-BC/BDVHU"]
    assert header_right.paragraphs[0].runs[0].underline is True
    assert document.tables[0].style.name != "Table Grid"

    by_unit = next(t for t in document.tables if t.rows[0].cells[1].text == "Đơn vị")
    assert by_unit.style.name == "Table Grid"
    assert [c.text for c in by_unit.rows[0].cells] == [
        "STT",
        "Đơn vị",
        "Đăng ký",
        "Mô hình",
        "Điển hình",
        "Tiếp nhận",
        "Công nhận",
    ]
    ka_do = next(row for row in by_unit.rows if row.cells[1].text == "Xã Ka Đô")
    assert [c.text for c in ka_do.cells[2:]] == ["3", "2", "1", "3", "2"]
    assert [c.text for c in by_unit.rows[-1].cells[1:]] == ["Tổng cộng", "4", "3", "1", "3", "2"]


def test_docx_is_a4_in_the_pdf_typeface_14pt_numbered_from_page_two(report):
    data = render_docx(_document(report))
    document = Document(BytesIO(data))
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Liberation Serif", Pt(14))
    # Word without Liberation Serif takes its metric twin, named in the font table.
    with zipfile.ZipFile(BytesIO(data)) as package:
        font_table = package.read("word/fontTable.xml").decode()
    assert '<w:font w:name="Liberation Serif"><w:altName w:val="Times New Roman"/>' in font_table
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.different_first_page_header_footer is True
    assert "PAGE" in section.header.paragraphs[0]._p.xml
    # A draft says so at the top of every page, the first included.
    assert section.first_page_header.paragraphs[-1].text == "DỰ THẢO"
    assert section.header.paragraphs[-1].text == "DỰ THẢO"


def test_the_year_end_docx_and_pdf_are_made_from_names_holding_control_characters(report, populated):
    model = populated["recognised"][0].model
    model.name = "Đường\x0b làng\x1b sáng\ufffe"
    model.save(update_fields=["name"])
    document = _document(report)
    text = _docx_text(Document(BytesIO(render_docx(document))))
    assert "Đường làng sáng" in text
    assert render_pdf(document).startswith(b"%PDF")
