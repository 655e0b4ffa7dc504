import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Membership, Role, Unit, User
from accounts.services import AccountError, ImportRejected, import_units_and_accounts
from audit.models import AuditEntry
from tests.accounts.conftest import HEADERS, STRONG_PASSWORD, unit_row, xlsx_bytes, xlsx_upload

IMPORT_URL = "accounts:import"


def _post(client, district, upload):
    return client.post(reverse(IMPORT_URL), {"district": district.pk, "file": upload})


def _good_rows():
    return [
        unit_row(
            "DD-PRO",
            "Xã Pró",
            "Xã",
            "có",
            "có",
            "pro",
            "Ka Sô Pró",
            "Trưởng khối",
            "pro@dondương.vn",
            "0263 3847 001",
            STRONG_PASSWORD,
        ),
        unit_row(
            "DD-MTTQ",
            "Ủy ban MTTQ Việt Nam huyện",
            "Cơ quan, đoàn thể",
            "",
            "",
            "mttq",
            "Lê Văn Mặt",
            "",
            "",
            "",
            STRONG_PASSWORD,
        ),
        unit_row(
            "DD-MTTQ",
            "Ủy ban MTTQ Việt Nam huyện",
            "Cơ quan, đoàn thể",
            "",
            "",
            "mttq2",
            "Phạm Thị Trận",
            "",
            "",
            "",
            STRONG_PASSWORD,
        ),
        unit_row("DD-KADO", "Xã Ka Đô", "Xã", "có", "có"),
    ]


def test_a_good_file_creates_units_accounts_and_focal_memberships(staff_client, staff_user, district, unit, settings):
    settings.PASSWORD_HASHERS = settings.ARGON2_FIRST
    response = _post(staff_client, district, xlsx_upload(_good_rows()))
    assert response.status_code == 302
    assert response.url == reverse(IMPORT_URL)

    pro = Unit.objects.get(code="DD-PRO")
    assert (pro.name, pro.kind, pro.parent, pro.is_ethnic_minority_area, pro.is_religious_area) == (
        "Xã Pró",
        Unit.Kind.COMMUNE,
        district,
        True,
        True,
    )
    mttq = Unit.objects.get(code="DD-MTTQ")
    assert (mttq.kind, mttq.is_ethnic_minority_area) == (Unit.Kind.ORGANISATION, False)
    unit.refresh_from_db()
    assert unit.is_religious_area is True
    memberships = Membership.objects.filter(user__username__in=["pro", "mttq", "mttq2"]).order_by("user__username")
    assert [(m.user.username, m.unit.code, m.role) for m in memberships] == [
        ("mttq", "DD-MTTQ", Role.FOCAL_POINT),
        ("mttq2", "DD-MTTQ", Role.FOCAL_POINT),
        ("pro", "DD-PRO", Role.FOCAL_POINT),
    ]
    pro_user = User.objects.get(username="pro")
    assert pro_user.password.startswith("argon2") and pro_user.check_password(STRONG_PASSWORD)
    assert (pro_user.full_name, pro_user.position, pro_user.phone) == ("Ka Sô Pró", "Trưởng khối", "0263 3847 001")

    actions = list(AuditEntry.objects.order_by("sequence").values_list("action", "object_repr"))
    assert actions == [
        ("unit.created", "Xã Pró"),
        ("unit.created", "Ủy ban MTTQ Việt Nam huyện"),
        ("unit.updated", "Xã Ka Đô"),
        ("account.created", "Ka Sô Pró"),
        ("account.created", "Lê Văn Mặt"),
        ("account.created", "Phạm Thị Trận"),
        ("accounts.import_done", district.name),
    ]
    updated = AuditEntry.objects.get(action="unit.updated")
    assert (updated.before, updated.after) == ({"is_religious_area": False}, {"is_religious_area": True})
    assert AuditEntry.objects.get(action="accounts.import_done").after == {
        "units_created": 2,
        "units_updated": 1,
        "units_unchanged": 0,
        "accounts_created": 3,
    }
    assert all(STRONG_PASSWORD not in entry.canonical() for entry in AuditEntry.objects.all())
    assert all(entry.actor == staff_user for entry in AuditEntry.objects.all())

    page = staff_client.get(response.url).content.decode()
    assert "Đã nhập xong: 2 đơn vị mới, 1 đơn vị được cập nhật, 3 tài khoản mới." in page
    assert "Xã Pró" in page and "mttq2" in page and "Phạm Thị Trận" in page
    assert 'id="import-summary"' not in staff_client.get(response.url).content.decode()


def test_one_bad_row_imports_nothing_and_names_that_row_and_its_reason(staff_client, district):
    rows = _good_rows()
    rows.insert(2, unit_row("DD-LACLAM", "", "Xã", "", "", "laclam", "Nguyễn Lạc Lâm", "", "", "", STRONG_PASSWORD))
    response = _post(staff_client, district, xlsx_upload(rows))
    assert response.status_code == 200
    rejection = response.context["rejection"]
    assert [(row.number, row.messages) for row in rejection.rows] == [(4, ("Thiếu tên đơn vị.",))]
    content = response.content.decode()
    assert "1 dòng có lỗi. Chưa có gì được lưu" in content
    assert "Dòng 4" in content and "Thiếu tên đơn vị." in content
    assert not Unit.objects.filter(code__in=["DD-PRO", "DD-MTTQ", "DD-LACLAM"]).exists()
    assert not User.objects.filter(username__in=["pro", "mttq", "mttq2", "laclam"]).exists()
    assert not AuditEntry.objects.exists()


def test_every_bad_row_is_listed_with_every_reason(staff_client, district, focal_user, far_unit):
    rows = [
        unit_row("DD-A", "Xã A", "Quận", "", "", "a1", "Người A", "", "", "", STRONG_PASSWORD),
        unit_row("DD-B", "Xã B", "Xã", "", "", "b1", "Người B", "", "", "", STRONG_PASSWORD),
        unit_row("DD-C", "Xã C", "Xã", "", "", "B1", "Người C", "", "", "", STRONG_PASSWORD),
        unit_row("DD-D", "Xã D", "Xã", "", "", "kado", "Người D", "", "", "", STRONG_PASSWORD),
        unit_row("DD-E", "Xã E", "Xã", "", "", "e1", "Người E", "", "", "", "12345"),
        unit_row("DD-F", "Xã F", "Xã", "", "", "f1", "Người F", "", "f1-at-mail", "", STRONG_PASSWORD),
        unit_row("LDU-DASAR", "Xã Đạ Sar", "Xã"),
        unit_row("DD-G", "Xã G", "Xã", "hình như có"),
        unit_row("DD-H", "Xã H", "Xã", "", "", "", "Người H", "", "", "", STRONG_PASSWORD),
        unit_row("", "Xã I", "", "", "", "i 1", "", "", "", "abc", ""),
        unit_row("DD-B", "Xã B khác", "Xã"),
        unit_row("DD", "Huyện", "Xã"),
    ]
    response = _post(staff_client, district, xlsx_upload(rows))
    errors = {row.number: list(row.messages) for row in response.context["rejection"].rows}
    assert errors == {
        2: ["Loại đơn vị “Quận” không hợp lệ; hãy ghi Xã, Phường, Đặc khu, Thị trấn, Thôn, Tổ dân phố hoặc Cơ quan, đoàn thể."],
        4: ["Tên đăng nhập “B1” trùng với dòng 3 trong tệp."],
        5: ["Tên đăng nhập “kado” đã có người dùng."],
        6: [
            "Mật khẩu quá ngắn: cần ít nhất 8 ký tự.",
            "Mật khẩu này quá phổ biến, dễ bị đoán.",
            "Mật khẩu không được chỉ gồm chữ số.",
        ],
        7: ["Thư điện tử “f1-at-mail” không hợp lệ."],
        8: ["Mã đơn vị “LDU-DASAR” đã được dùng cho một đơn vị không thuộc đơn vị tổ chức này."],
        9: ["Cột “Vùng đồng bào DTTS” chỉ nhận “có” hoặc “không” (đang ghi “hình như có”)."],
        10: ["Dòng có thông tin tài khoản nhưng thiếu tên đăng nhập."],
        11: [
            "Thiếu mã đơn vị.",
            "Thiếu loại đơn vị (Xã, Phường, Thôn, Tổ dân phố hoặc Cơ quan, đoàn thể).",
            "Tên đăng nhập “i 1” không hợp lệ: chỉ gồm chữ cái không dấu, số và các ký tự @ . + - _ (không có dấu cách).",
            "Thiếu họ và tên của người dùng tài khoản.",
            "Số điện thoại “abc” không hợp lệ.",
            "Thiếu mật khẩu ban đầu.",
        ],
        12: ["Mã đơn vị “DD-B” đã ghi ở dòng 3 với tên, loại hoặc vùng khác; các dòng cùng một mã phải ghi giống nhau."],
        13: ["Mã đơn vị “DD” đã được dùng cho một đơn vị không thuộc đơn vị tổ chức này."],
    }
    assert "11 dòng có lỗi" in response.content.decode()
    assert not Unit.objects.filter(code__startswith="DD-").exclude(code__in=["DD-KADO"]).exists()
    assert not AuditEntry.objects.exists()


def test_kinds_and_flags_are_read_without_case_or_diacritics(staff_user, district):
    rows = [
        unit_row("DD-1", "Thị trấn D'Ran", "THI TRAN", "x", "Có"),
        unit_row("DD-2", "Hội Nông dân huyện", "cơ quan - đoàn thể", "Không", "0"),
        unit_row("DD-3", "Xã Lạc Xuân", "xã", True, False),
    ]
    import_units_and_accounts(xlsx_upload(rows), by=staff_user, organiser=district)
    units = {
        u.code: (u.kind, u.is_ethnic_minority_area, u.is_religious_area)
        for u in Unit.objects.filter(code__in=["DD-1", "DD-2", "DD-3"])
    }
    assert units == {
        "DD-1": (Unit.Kind.TOWN, True, True),
        "DD-2": (Unit.Kind.ORGANISATION, False, False),
        "DD-3": (Unit.Kind.COMMUNE, True, False),
    }


def test_numbers_typed_in_text_columns_are_read_as_text(staff_user, district):
    rows = [unit_row(101, "Xã Tu Tra", "Xã", "", "", "tutra", "Ka Sô Tu", "", "", 912345678, STRONG_PASSWORD)]
    import_units_and_accounts(xlsx_upload(rows), by=staff_user, organiser=district)
    assert Unit.objects.get(code="101").name == "Xã Tu Tra"
    assert User.objects.get(username="tutra").phone == "912345678"


def test_an_existing_code_is_matched_without_case_and_unchanged_units_write_no_audit(staff_user, district, unit):
    summary = import_units_and_accounts(
        xlsx_upload([unit_row("dd-kado", "Xã Ka Đô", "Xã", "có", "không")]), by=staff_user, organiser=district
    )
    assert summary.units_unchanged == [{"code": "DD-KADO", "name": "Xã Ka Đô"}]
    assert Unit.objects.filter(name="Xã Ka Đô").count() == 1
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["accounts.import_done"]


def test_importing_into_a_district_one_does_not_manage_is_refused(staff_user, other_district):
    with pytest.raises(AccountError, match="không quản lý đơn vị này"):
        import_units_and_accounts(xlsx_upload(_good_rows()), by=staff_user, organiser=other_district)


def test_the_district_field_only_offers_the_staffs_own_district(staff_client, district, other_district):
    response = _post(staff_client, other_district, xlsx_upload(_good_rows()))
    assert response.status_code == 200
    assert "district" in response.context["form"].errors
    assert not Unit.objects.filter(code="DD-PRO").exists()


def test_staff_of_another_district_cannot_update_this_districts_unit_by_import(
    client, other_district_staff, other_district, unit
):
    client.force_login(other_district_staff)
    response = _post(client, other_district, xlsx_upload([unit_row("DD-KADO", "Xã bị đổi tên", "Xã")]))
    assert [row.messages for row in response.context["rejection"].rows] == [
        ("Mã đơn vị “DD-KADO” đã được dùng cho một đơn vị không thuộc đơn vị tổ chức này.",)
    ]
    unit.refresh_from_db()
    assert unit.name == "Xã Ka Đô"


# --- Files that are not what they claim ---------------------------------------------------------


@pytest.mark.parametrize(
    "name,content",
    [
        ("don-vi.xlsx", "Mã đơn vị;Tên đơn vị\nDD-PRO;Xã Pró\n".encode()),
        ("don-vi.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
        ("hong.xlsx", b"PK\x03\x04 not really a zip archive"),
    ],
)
def test_a_file_that_is_not_xlsx_gets_a_clear_vietnamese_error(staff_client, district, name, content):
    response = _post(staff_client, district, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    message = str(response.context["rejection"])
    assert (
        message == "Tệp không phải là tệp Excel .xlsx hoặc đã bị hỏng. Hãy tải tệp mẫu ở trang này, điền rồi lưu dưới dạng .xlsx."
    )
    assert message in response.content.decode()
    assert not AuditEntry.objects.exists()


def test_a_docx_file_is_not_taken_for_a_workbook(staff_client, district):
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    response = _post(staff_client, district, SimpleUploadedFile("don-vi.xlsx", buffer.getvalue()))
    assert str(response.context["rejection"]).startswith("Tệp không phải là tệp Excel .xlsx")


def test_an_old_xls_file_is_told_to_be_saved_as_xlsx(staff_client, district):
    response = _post(
        staff_client, district, SimpleUploadedFile("don-vi.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    )
    assert "Đây là tệp Excel đời cũ (.xls)" in str(response.context["rejection"])


def test_a_missing_file_is_a_form_error(staff_client, district):
    response = staff_client.post(reverse(IMPORT_URL), {"district": district.pk})
    assert response.context["form"].errors["file"] == ["Chưa chọn tệp để nhập."]


def test_a_file_without_the_template_columns_is_refused(staff_client, district):
    upload = xlsx_upload([["DD-PRO", "Xã Pró"]], headers=["Mã", "Tên"])
    message = str(_post(staff_client, district, upload).context["rejection"])
    assert message.startswith("Tệp không đúng mẫu: dòng đầu tiên thiếu cột “Mã đơn vị”, “Tên đơn vị”, “Loại đơn vị”")


def test_a_file_with_only_the_header_is_refused(staff_client, district):
    message = str(_post(staff_client, district, xlsx_upload([[None] * len(HEADERS)])).context["rejection"])
    assert message == "Tệp không có dòng dữ liệu nào dưới dòng tiêu đề."


def test_a_file_over_the_row_limit_is_refused(staff_user, district, monkeypatch):
    monkeypatch.setattr("accounts.unit_import.MAX_ROWS", 2)
    rows = [unit_row(f"DD-{n}", f"Xã {n}", "Xã") for n in range(3)]
    with pytest.raises(ImportRejected, match="quá nhiều dòng"):
        import_units_and_accounts(xlsx_upload(rows), by=staff_user, organiser=district)


# --- The template ------------------------------------------------------------------------------


def test_the_template_opens_in_openpyxl_with_the_vietnamese_headers(staff_client):
    response = staff_client.get(reverse("accounts:import_template"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-don-vi-tai-khoan.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Đơn vị và tài khoản", "Hướng dẫn", "Danh mục"]
    assert [cell.value for cell in workbook["Đơn vị và tài khoản"][1]] == [
        "Mã đơn vị",
        "Tên đơn vị",
        "Loại đơn vị",
        "Vùng đồng bào DTTS",
        "Vùng đồng bào có đạo",
        "Tên đăng nhập",
        "Họ và tên",
        "Chức vụ",
        "Thư điện tử",
        "Điện thoại",
        "Mật khẩu ban đầu",
        "Mã đơn vị cấp trên",
    ]
    assert [cell.value for cell in workbook["Danh mục"]["A"]] == [
        "Loại đơn vị",
        "Xã",
        "Phường",
        "Đặc khu",
        "Thị trấn",
        "Thôn, buôn, bon",
        "Tổ dân phố",
        "Cơ quan, đoàn thể",
    ]
    sheet = workbook["Đơn vị và tài khoản"]
    assert sheet.max_row == 1
    assert [sheet.column_dimensions[letter].number_format for letter in "AFIJKL"] == ["@"] * 6


def test_the_downloaded_template_filled_in_imports(staff_client, district):
    workbook = openpyxl.load_workbook(io.BytesIO(staff_client.get(reverse("accounts:import_template")).content))
    workbook["Đơn vị và tài khoản"].append(
        unit_row("DD-LACXUAN", "Xã Lạc Xuân", "Xã", "có", "không", "lacxuan", "Ka Sô Xuân", "", "", "0912000111", STRONG_PASSWORD)
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = _post(staff_client, district, SimpleUploadedFile("mau.xlsx", buffer.getvalue()))
    assert response.status_code == 302
    assert Membership.objects.get(user__username="lacxuan").unit.code == "DD-LACXUAN"


def test_the_import_page_explains_the_columns_and_links_the_template(staff_client):
    content = staff_client.get(reverse(IMPORT_URL)).content.decode()
    assert reverse("accounts:import_template") in content
    assert "Mật khẩu ban đầu" in content and 'enctype="multipart/form-data"' in content


def test_headers_in_a_different_order_and_nfd_text_are_read(staff_user, district):
    import unicodedata

    headers = [unicodedata.normalize("NFD", header) for header in reversed(HEADERS)]
    row = list(reversed(unit_row("DD-QL", unicodedata.normalize("NFD", "Xã Quảng Lập"), "Xã")))
    import_units_and_accounts(SimpleUploadedFile("x.xlsx", xlsx_bytes([row], headers)), by=staff_user, organiser=district)
    assert Unit.objects.get(code="DD-QL").name == "Xã Quảng Lập"


def test_villages_are_imported_under_a_commune_declared_above_or_already_there(staff_user, district, unit):
    rows = [
        unit_row("LD-XA", "Xã Mới", "Xã"),
        unit_row("LD-XA-T1", "Thôn 1", "Thôn", parent="ld-xa"),
        unit_row("LD-KD-BUON", "Buôn Ka Đô Mới", "Buôn", parent=unit.code),
        unit_row("LD-KD-TDP", "Tổ dân phố 3", "Tổ dân phố", parent="LD-XA-T1"),
    ]
    import_units_and_accounts(xlsx_upload(rows), by=staff_user, organiser=district)
    commune = Unit.objects.get(code="LD-XA")
    village = Unit.objects.get(code="LD-XA-T1")
    assert (commune.parent_id, commune.depth - district.depth) == (district.pk, 1)
    assert (village.parent_id, village.kind, village.depth - district.depth) == (commune.pk, "village", 2)
    assert Unit.objects.get(code="LD-KD-BUON").parent_id == unit.pk
    assert Unit.objects.get(code="LD-KD-TDP").path == f"{village.path}{Unit.objects.get(code='LD-KD-TDP').pk}/"


def test_a_parent_code_outside_the_organisers_tree_is_refused_and_nothing_is_saved(staff_user, district, far_unit):
    rows = [unit_row("LD-XA", "Xã Mới", "Xã"), unit_row("LD-T9", "Thôn 9", "Thôn", parent=far_unit.code)]
    with pytest.raises(ImportRejected) as refused:
        import_units_and_accounts(xlsx_upload(rows), by=staff_user, organiser=district)
    assert [error.messages for error in refused.value.rows] == [
        (f"Mã đơn vị cấp trên “{far_unit.code}” không có trong đơn vị tổ chức này hoặc ở các dòng phía trên.",)
    ]
    assert not Unit.objects.filter(code__in=("LD-XA", "LD-T9")).exists()
