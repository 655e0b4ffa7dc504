"""The Excel export of the filtered registration list: Vietnamese headers, one row per registration the filters keep."""

from django.urls import reverse

from registrations.models import Status
from tests.exports import exported, workbook_of
from tests.factories import DvkModelFactory, ExemplarFactory, RegistrationFactory


def rows_of(response):
    sheet = workbook_of(response).active
    return sheet, list(sheet.iter_rows(values_only=True))


def test_export_opens_in_openpyxl_with_vietnamese_headers_one_row_per_filtered_registration(
    staff_client, campaign, unit, other_unit, registration_deadline
):
    formula = RegistrationFactory(
        campaign=campaign, model=DvkModelFactory(unit=unit, name="=1+2", field="economy"), status=Status.SUBMITTED
    )
    RegistrationFactory(
        campaign=campaign, model=ExemplarFactory(unit=unit, name="@SUM(A1)", field="economy"), status=Status.ACCEPTED
    )
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=other_unit, field="economy"), status=Status.ACCEPTED)
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, field="new_rural"), status=Status.ACCEPTED)

    response = exported(staff_client, reverse("registrations:export"), {"unit": unit.pk, "field": "economy"})

    assert response["Content-Disposition"].startswith('attachment; filename="dang-ky-thi-dua-')
    sheet, rows = rows_of(response)
    assert sheet.title == "Đăng ký thi đua"
    assert rows[0][:8] == (
        "STT",
        "Đơn vị",
        "Tên mô hình, điển hình",
        "Loại",
        "Lĩnh vực",
        "Địa bàn thực hiện",
        "Vùng đồng bào DTTS",
        "Vùng đồng bào có đạo",
    )
    assert "Thực trạng, lý do xây dựng" in rows[0]
    assert "Tính bền vững, khả năng nhân rộng" in rows[0]
    # Vietnamese order (as ICU's): punctuation before symbols, so "@…" before "=…".
    assert [row[2] for row in rows[1:]] == ["@SUM(A1)", "=1+2"]
    cell = sheet.cell(row=3, column=3)
    assert cell.value == "=1+2"
    assert cell.data_type == "s"
    assert sheet.cell(row=2, column=3).data_type == "s"
    assert rows[2][11] == "Đã gửi"
    assert rows[2][1] == "Xã Ka Đô"
    assert rows[1][3] == "Điển hình (cá nhân)"
    assert formula.pk


def test_export_follows_the_status_and_text_filters(staff_client, campaign, unit, registration_deadline):
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name="Tổ tự quản an ninh"), status=Status.RETURNED)
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name="Đường làng xanh"), status=Status.ACCEPTED)
    response = exported(staff_client, reverse("registrations:export"), {"status": "returned"})
    _sheet, rows = rows_of(response)
    assert [row[2] for row in rows[1:]] == ["Tổ tự quản an ninh"]
    response = exported(staff_client, reverse("registrations:export"), {"q": "xanh"})
    _sheet, rows = rows_of(response)
    assert [row[2] for row in rows[1:]] == ["Đường làng xanh"]


def test_the_export_link_on_the_list_carries_the_filters(staff_client, campaign, registration_deadline):
    response = staff_client.get(reverse("registrations:list"), {"status": "submitted", "q": "đường"})
    body = response.content.decode()
    assert f"{reverse('registrations:export')}?status=submitted&amp;q=%C4%91%C6%B0%E1%BB%9Dng" in body
