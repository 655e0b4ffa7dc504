"""Finding 14 of the outside attack: loose values are refused, not read generously."""

from decimal import Decimal

import pytest

from campaign.forms import DeadlineForm
from evaluations.award_forms import DecisionForm
from evaluations.services import check_points


@pytest.mark.parametrize("typed", ["01/12/0001", "31/12/1899", "01/01/2101"])
def test_a_decision_date_outside_the_sane_range_is_refused(typed):
    form = DecisionForm({"decision_number": "125/QĐ-UBND", "decision_date": typed})
    assert not form.is_valid()
    assert form.errors["decision_date"] == ["Ngày phải trong khoảng từ 01/01/1900 đến 31/12/2100."]


def test_a_decision_date_in_range_is_kept():
    form = DecisionForm({"decision_number": "125/QĐ-UBND", "decision_date": "15/12/2020"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["decision_date"].year == 2020


def test_every_form_date_shares_the_range():
    form = DeadlineForm({"due_date": "0001-12-01"})
    form.is_valid()
    assert form.errors["due_date"] == ["Ngày phải trong khoảng từ 01/01/1900 đến 31/12/2100."]


@pytest.mark.parametrize("typed", ["1_0", "1e1", "١٠", "+10", " 1 0 ", "10.", "0x0A"])
def test_points_that_are_not_plain_digits_are_refused(typed):
    assert check_points(typed, Decimal(20)) == (None, "Điểm phải là một số, ví dụ 15 hoặc 15,5.")


@pytest.mark.parametrize(("typed", "points"), [("10", Decimal("10.0")), ("12,5", Decimal("12.5")), (" 7.5 ", Decimal("7.5"))])
def test_plain_points_are_read(typed, points):
    assert check_points(typed, Decimal(20)) == (points, None)
