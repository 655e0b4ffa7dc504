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
