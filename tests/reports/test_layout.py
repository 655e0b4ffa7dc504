"""Layout rules of every document: a caption never ends a page without its table, long
tables repeat their header row, and tables are numbered 1, 2, 3… whatever is empty."""

import datetime

from reports.document import Column, Paragraph, ReportDocument, Table, build_document, number_tables
from reports.models import SummaryReport
from reports.pdf import render_pdf
from reports.selectors import report_content

from .builders import page_texts


def _document(blocks) -> ReportDocument:
    return ReportDocument(
        superior="HUYỆN ỦY ĐƠN DƯƠNG",
        issuer="BAN DÂN VẬN",
        number_line="Số 45-BC/BDVHU",
        date_line="Đơn Dương, ngày 15 tháng 12 năm 2020",
        party_name="ĐẢNG CỘNG SẢN VIỆT NAM",
        title="BÁO CÁO",
        subject="Thử bố cục",
        blocks=number_tables(blocks),
        is_draft=False,
    )


def _table(rows: int) -> Table:
    return Table(
        title="Kết quả đăng ký theo đơn vị",
        columns=[Column("Đơn vị", 60), Column("Đăng ký", 40, True)],
        rows=[[f"Xã thứ {i:03d}", str(i)] for i in range(1, rows + 1)],
    )


def _page_of(texts: list[str], needle: str) -> int:
    return next(number for number, text in enumerate(texts, 1) if needle in text)


def test_a_caption_at_the_foot_of_a_page_moves_to_the_next_page_with_its_table():
    moved = 0
    # Each filler line is one step lower on the page: one of these puts the caption on
    # the last line that has room for it but not for the table's first rows.
    for lines in range(16, 30):
        filler = [Paragraph(f"Đoạn văn số {i} trước bảng.") for i in range(1, lines + 1)]
        texts = page_texts(render_pdf(_document([*filler, _table(3)])))
        caption_page = _page_of(texts, "Bảng 1. Kết quả đăng ký theo đơn vị")
        assert caption_page == _page_of(texts, "Xã thứ 001"), lines
        if caption_page > _page_of(texts, f"Đoạn văn số {lines} trước bảng."):
            moved += 1
    # The case the rule is for happened: the caption left the page its text would end.
    assert moved >= 1


def test_a_long_table_repeats_its_header_row_on_every_page():
    texts = page_texts(render_pdf(_document([_table(90)])))
    assert len(texts) >= 3
    for text in texts:
        assert "Đơn vị" in text and "Đăng ký" in text
    assert _page_of(texts, "Xã thứ 090") == len(texts)


def test_interim_report_numbers_its_tables_without_a_gap_when_sections_are_empty(campaign, populated):
    interim = SummaryReport.objects.create(
        campaign=campaign, kind=SummaryReport.Kind.INTERIM, date=datetime.date(2020, 6, 30), subject="Sơ kết 6 tháng"
    )
    captions = [table.caption for table in build_document(interim, report_content(interim)).tables]
    assert [caption.split(".")[0] for caption in captions] == [f"Bảng {n}" for n in range(1, len(captions) + 1)]
    assert len(captions) >= 3


def test_year_end_report_numbers_results_and_awards_on_from_the_registration_tables(report, populated, appraised):
    captions = [table.caption for table in build_document(report, report_content(report)).tables]
    assert captions == [
        "Bảng 1. Kết quả đăng ký theo đơn vị",
        "Bảng 2. Kết quả đăng ký theo lĩnh vực",
        "Bảng 3. Nguồn lực huy động theo đơn vị",
        "Bảng 4. Mô hình tập thể được công nhận",
        "Bảng 5. Điển hình cá nhân được công nhận",
        "Bảng 6. Đề nghị khen thưởng",
        "Bảng 7. Đề nghị tặng Kỷ niệm chương “Vì sự nghiệp Dân vận”",
    ]
