"""District staff create a focal point, lock and unlock it, and import units from the
downloaded template, as a person would in the browser."""

import openpyxl

from accounts.demo import seed
from accounts.models import Membership, User
from tests.accounts.conftest import unit_row
from tests.e2e.conftest import login, logout

NEW_PASSWORD = "Khoi-dan-van-2020"


def test_staff_create_lock_and_unlock_a_focal_point_account(page, transactional_db):
    seed()
    login(page, "bdv")
    with page.expect_navigation():
        page.click("nav >> text=Đơn vị, tài khoản")
    assert page.locator("h1").inner_text() == "Đơn vị và tài khoản"

    with page.expect_navigation():
        page.select_option("select[name=unit]", label="Xã Ka Đô")
    assert page.locator("tbody tr").count() == 1
    assert "kado" in page.locator("tbody").inner_text()

    with page.expect_navigation():
        page.click("text=Tạo tài khoản đầu mối")
    page.select_option("select[name=unit]", label="Xã Ka Đô")
    page.fill("input[name=username]", "kado2")
    page.fill("input[name=full_name]", "Ka Sô Hoa")
    page.fill("input[name=phone]", "0912 345 678")
    page.fill("input[name=password1]", NEW_PASSWORD)
    page.fill("input[name=password2]", "khong-khop-2020")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "Hai lần nhập mật khẩu không khớp nhau." in page.content()
    assert page.input_value("input[name=full_name]") == "Ka Sô Hoa"
    assert page.input_value("input[name=password1]") == ""

    page.fill("input[name=password1]", NEW_PASSWORD)
    page.fill("input[name=password2]", NEW_PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "Đã tạo tài khoản “kado2” cho Xã Ka Đô." in page.locator(".alert-success").inner_text()

    with page.expect_navigation():
        page.click("text=Khóa tài khoản")
    page.fill("textarea[name=reason]", "Chuyển công tác")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert "Đã khóa tài khoản “kado2”." in page.locator(".alert-success").inner_text()
    assert "Khóa tài khoản – Chuyển công tác" in page.locator("table").inner_text()

    logout(page)
    login(page, "kado2", NEW_PASSWORD)
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in page.content()

    login(page, "bdv")
    page.goto(f"{page.base_url}/accounts/manage/users/?q=kado2")
    with page.expect_navigation():
        page.click("tbody >> text=kado2")
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.click("text=Mở khóa tài khoản")
    assert "Đã mở khóa tài khoản “kado2”." in page.locator(".alert-success").inner_text()
    assert User.objects.get(username="kado2").is_active
    assert page.js_errors == []


def test_staff_import_a_template_with_a_bad_row_fix_it_and_see_the_summary(page, transactional_db, tmp_path):
    seed()
    login(page, "bdv")
    page.goto(f"{page.base_url}/accounts/manage/import/")
    with page.expect_download() as download_info:
        page.click("text=Tệp mẫu .xlsx")
    template = tmp_path / "mau.xlsx"
    download_info.value.save_as(template)

    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Đơn vị và tài khoản"]
    # Typed in the first empty rows, as a person does in Excel.
    rows = [
        unit_row(
            "DD-HCTD", "Hội Chữ thập đỏ huyện", "Cơ quan, đoàn thể", "", "", "chuthapdo", "Lê Thị Đỏ", password=NEW_PASSWORD
        ),
        unit_row("DD-HNCT", "Hội Người cao tuổi huyện", "Hội", "", "", "nguoicaotuoi", "Trần Văn Thọ", password=NEW_PASSWORD),
    ]
    for row_number, row in enumerate(rows, start=2):
        for column_number, value in enumerate(row, start=1):
            sheet.cell(row=row_number, column=column_number, value=value)
    workbook.save(template)

    page.set_input_files("input[name=file]", str(template))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    errors = page.locator("#import-errors").inner_text()
    assert "1 dòng có lỗi" in errors
    assert "Dòng 3" in errors and "Loại đơn vị “Hội” không hợp lệ" in errors
    assert not User.objects.filter(username="chuthapdo").exists()

    sheet["C3"] = "Cơ quan, đoàn thể"
    workbook.save(template)
    page.set_input_files("input[name=file]", str(template))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    summary = page.locator("#import-summary").inner_text()
    assert "2 đơn vị mới" in summary and "2 tài khoản mới" in summary and "nguoicaotuoi" in summary
    assert Membership.objects.get(user__username="nguoicaotuoi").unit.code == "DD-HNCT"
    assert page.js_errors == []
