import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.unit_import import COLUMNS
from tests.factories import MembershipFactory, UnitFactory, UserFactory

HEADERS = [column.header for column in COLUMNS]
STRONG_PASSWORD = "Khoi-dan-van-2020"


def xlsx_bytes(rows, headers=HEADERS, title="Đơn vị và tài khoản") -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_upload(rows, headers=HEADERS, name="don-vi.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, xlsx_bytes(rows, headers), content_type="application/octet-stream")


def unit_row(
    code,
    name,
    kind="Xã",
    ethnic="không",
    religious="không",
    username="",
    full_name="",
    position="",
    email="",
    phone="",
    password="",
    parent="",
):
    """One row of the template, in its column order."""
    return [code, name, kind, ethnic, religious, username, full_name, position, email, phone, password, parent]


@pytest.fixture
def other_district_staff(other_district):
    user = UserFactory(username="bdv_lacduong", full_name="Trần Văn Lạc")
    MembershipFactory(user=user, unit=other_district, role="district_staff")
    return user


@pytest.fixture
def far_unit(other_district):
    return UnitFactory(kind="commune", name="Xã Đạ Sar", code="LDU-DASAR", parent=other_district)


@pytest.fixture
def far_focal_user(far_unit):
    user = UserFactory(username="dasar")
    MembershipFactory(user=user, unit=far_unit, role="focal_point")
    return user
