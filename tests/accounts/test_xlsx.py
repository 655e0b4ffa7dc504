import io

import openpyxl

from accounts.xlsx import build_workbook, workbook_response


def _reload(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return openpyxl.load_workbook(buffer)


def test_text_that_looks_like_a_formula_is_stored_as_text():
    workbook = build_workbook([("Đăng ký", ["Tên mô hình", "Số hộ"], [["=HYPERLINK(\"x\")", 3], ["+84 912", 4], ["@me", 5], ["-1", 6]])])
    sheet = _reload(workbook)["Đăng ký"]
    assert [cell.value for cell in sheet["A"]] == ["Tên mô hình", '=HYPERLINK("x")', "+84 912", "@me", "-1"]
    assert {cell.data_type for cell in sheet["A"]} == {"s"}
    assert sheet["B2"].value == 3 and sheet["B2"].data_type == "n"


def test_workbook_response_is_an_attachment():
    response = workbook_response(build_workbook([("A", ["x"], [])]), "danh-sach.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="danh-sach.xlsx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_exports_are_write_only_workbooks_with_shared_styles_and_a_frozen_header():
    rows = ([f"Mô hình {n}", n, "=1+1" if n % 2 else "Ka Đô"] for n in range(2000))
    workbook = build_workbook([("Đăng ký", ["Tên", "Số", "Ghi chú"], rows)])
    assert workbook.write_only
    # One alignment for every cell (plus openpyxl's default), one bold font for the header.
    assert len(workbook._alignments) == 2
    sheet = _reload(workbook)["Đăng ký"]
    assert sheet.max_row == 2001
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold and not sheet["A2"].font.bold
    assert sheet["C2001"].alignment.wrap_text and sheet["C2001"].alignment.vertical == "top"
    assert sheet["C2"].value == "Ka Đô" and (sheet["C3"].value, sheet["C3"].data_type) == ("=1+1", "s")
    assert sheet.column_dimensions["C"].width == 13


def test_a_workbook_the_caller_changes_afterwards_is_an_ordinary_one():
    workbook = build_workbook([("A", ["x"], [["=2"]])], write_only=False)
    assert not workbook.write_only
    assert workbook["A"]["A2"].data_type == "s"
