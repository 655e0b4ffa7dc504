"""Dates day first and numbers with the decimal comma, in every interface language."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from accounts.date_inputs import DayMonthYearField
from campaign.forms import CampaignForm
from evaluations.forms import DateTimeField, ScoreField
from models.forms import DvkModelForm
from reports.forms import SummaryReportForm


class LocaleDateForm(forms.Form):
    """A date field that takes its input formats from the active language."""

    date = forms.DateField()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_05_04_2026_is_5_april_in_every_language(language):
    with translation.override(language):
        typed = DayMonthYearField().clean("05/04/2026")
        by_locale = LocaleDateForm({"date": "05/04/2026"})
        assert by_locale.is_valid()
    assert typed == by_locale.cleaned_data["date"] == datetime.date(2026, 4, 5)


def test_an_iso_date_is_still_accepted_and_month_first_is_not():
    assert DayMonthYearField().clean("2026-04-05") == datetime.date(2026, 4, 5)
    with pytest.raises(forms.ValidationError) as refused:
        DayMonthYearField().clean("04/25/2026")
    assert refused.value.messages == ["Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/04/2026."]


@pytest.mark.parametrize(
    ("form", "name"),
    [(CampaignForm, "issued_on"), (DvkModelForm, "started_on"), (SummaryReportForm, "date")],
)
def test_date_boxes_are_text_boxes_shown_day_first(form, name):
    widget = form.base_fields[name].widget
    assert widget.input_type == "text"
    assert widget.format_value(datetime.date(2026, 4, 5)) == "05/04/2026"


def test_a_moment_box_is_typed_day_first():
    field = DateTimeField()
    assert field.widget.input_type == "text"
    assert field.clean("05/04/2026 08:30").replace(tzinfo=None) == datetime.datetime(2026, 4, 5, 8, 30)


def test_a_score_shows_and_reads_the_decimal_comma():
    field = ScoreField(max_points=Decimal("20"))
    with translation.override("vi"):
        html = field.widget.render("score", Decimal("19.0"))
    assert 'value="19,0"' in html and 'type="text"' in html and 'inputmode="decimal"' in html
    assert field.clean("19,5") == Decimal("19.5")
