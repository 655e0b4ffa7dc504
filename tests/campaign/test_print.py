"""The printable plan reads like the signed document: letterhead, number, title, bases,
the three sections, recipients and signer, on A4 in a serif at 14 pt."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import CampaignFactory, PlanItemFactory
from tests.text import assert_in_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(district, periods, campaign):
    campaign.legal_bases = ["Kế hoạch số 75-KH/BDVTU ngày 03/3/2020 của Ban Dân vận Tỉnh ủy Lâm Đồng"]
    campaign.purposes = "Mở đầu mục đích.\n- Ý thứ nhất.\n- Ý thứ hai."
    campaign.implementation = "Khối Dân vận các xã, thị trấn phối hợp."
    campaign.recipients = ["Đảng ủy các xã, thị trấn,", "Lưu BDVHU."]
    campaign.signer_title, campaign.signer_name = "TRƯỞNG BAN", "Lê Đình Thủy"
    campaign.save()
    PlanItemFactory(period=periods[0], title="Quán triệt", description="Tổ chức quán triệt các văn bản mới.")
    PlanItemFactory(period=periods[1], title="Phóng sự", description="")
    return campaign


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_printed_plan_is_laid_out_like_the_seed_document(focal_client, plan):
    text = text_of(focal_client.get(reverse("campaign:print", args=[plan.pk])))
    expected_in_order = [
        "HUYỆN ỦY ĐƠN DƯƠNG",
        "BAN DÂN VẬN",
        "Số 12-KH/BDVHU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Đơn Dương, ngày 10 tháng 3 năm 2020",
        "KẾ HOẠCH",
        plan.title,
        "Thực hiện Kế hoạch số 75-KH/BDVTU ngày 03/3/2020 của Ban Dân vận Tỉnh ủy Lâm Đồng.",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Mở đầu mục đích.",
        "- Ý thứ nhất.",
        "II. NỘI DUNG TRỌNG TÂM",
        "1. Quý I và quý II",
        "Tổ chức quán triệt các văn bản mới.",
        "2. Quý III",
        "Phóng sự",
        "3. Quý IV",
        "III. TỔ CHỨC THỰC HIỆN",
        "Khối Dân vận các xã, thị trấn phối hợp.",
        "Nơi nhận:",
        "- Đảng ủy các xã, thị trấn,",
        "- Lưu BDVHU.",
        "TRƯỞNG BAN",
        "Lê Đình Thủy",
    ]
    assert_in_order(text, expected_in_order)


def test_the_printed_plan_stays_vietnamese_when_the_interface_is_english(focal_client, plan):
    focal_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = text_of(focal_client.get(reverse("campaign:print", args=[plan.pk])))
    assert "II. NỘI DUNG TRỌNG TÂM" in text
    assert "Đơn Dương, ngày 10 tháng 3 năm 2020" in text


def test_the_preamble_replaces_the_generated_bases_when_it_is_written(focal_client, plan):
    plan.preamble = "Thực hiện Kế hoạch số 75-KH/BDVTU.\nBan Dân vận Huyện ủy xây dựng kế hoạch như sau:"
    plan.save()
    text = text_of(focal_client.get(reverse("campaign:print", args=[plan.pk])))
    assert "Ban Dân vận Huyện ủy xây dựng kế hoạch như sau:" in text
    assert "Thực hiện Kế hoạch số 75-KH/BDVTU ngày 03/3/2020" not in text


def test_the_print_stylesheet_sets_a4_and_a_serif_at_14_points(focal_client, plan):
    body = focal_client.get(reverse("campaign:print", args=[plan.pk])).content.decode()
    assert "/static/css/campaign-print.css" in body
    css = (Path(settings.BASE_DIR) / "static" / "css" / "campaign-print.css").read_text(encoding="utf-8")
    assert "size: A4" in css
    assert "font-size: 14pt" in css
    assert '"Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif", serif' in css


def test_a_number_typed_without_so_is_printed_with_it(district):
    campaign = CampaignFactory(owner=district, number="12-KH/BDVHU", issued_on=datetime.date(2020, 3, 10))
    assert campaign.number_line == "Số 12-KH/BDVHU"
    assert campaign.letterhead == ("HUYỆN ỦY ĐƠN DƯƠNG", "BAN DÂN VẬN")
    assert campaign.place_name == "Đơn Dương"
