"""Numbers and money as the documents and the interface write them (accounts.formatting)."""

from decimal import Decimal

from django.utils import translation

from accounts.formatting import points_text, vn_decimal, vn_int, vn_millions, vn_score


def test_whole_numbers_group_thousands_with_dots_and_a_missing_one_is_empty():
    assert [vn_int(1234567), vn_int("12500000"), vn_int(0), vn_int(None), vn_int("abc")] == [
        "1.234.567",
        "12.500.000",
        "0",
        "",
        "",
    ]


def test_decimals_take_a_comma_and_round_half_up():
    assert [vn_decimal("92.5"), vn_decimal(Decimal("1234.565")), vn_decimal(-1234.5, 1), vn_decimal(7, 0)] == [
        "92,50",
        "1.234,57",
        "-1.234,5",
        "7",
    ]
    assert [vn_decimal(None), vn_decimal(""), vn_decimal("x")] == ["", "", ""]


def test_money_is_written_in_millions_with_at_most_one_decimal():
    assert [vn_millions(1_234_500_000), vn_millions(450_000_000), vn_millions(49_999), vn_millions(None)] == [
        "1.234,5",
        "450",
        "0",
        "",
    ]


def test_a_score_in_a_sentence_drops_trailing_zeros_and_a_missing_one_is_a_dash():
    assert [vn_score(Decimal("92.50")), vn_score(Decimal("95.00")), vn_score(Decimal("80.25")), vn_score(None)] == [
        "92,5",
        "95",
        "80,25",
        "–",
    ]


def test_points_in_the_interface_follow_its_language():
    with translation.override("vi"):
        assert [points_text(Decimal("12.50")), points_text(Decimal("20"))] == ["12,5", "20"]
    with translation.override("en"):
        assert points_text(Decimal("12.50")) == "12.5"
