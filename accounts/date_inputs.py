"""Dates typed as dd/mm/yyyy in a plain text box, whatever the browser's language.

A ``type=date`` box follows the browser's locale (mm/dd/yyyy in an English browser on
an office computer) and reads back as ISO; a text box with the Vietnamese order and a
pattern reads the same for everyone. ISO dates are still accepted, for scripts."""

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
DATE_PATTERN = r"\d{1,2}[/\-]\d{1,2}[/\-]\d{4}|\d{4}-\d{2}-\d{2}"


class DayMonthYearInput(forms.DateInput):
    input_type = "text"

    def __init__(self, attrs=None):
        defaults = {
            "placeholder": _("ngày/tháng/năm"),
            "inputmode": "numeric",
            "autocomplete": "off",
            "pattern": DATE_PATTERN,
            "title": _("Ngày theo dạng ngày/tháng/năm, ví dụ 05/04/2026"),
            "class": "date-input",
        }
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d/%m/%Y")


class DayMonthYearTimeInput(forms.DateTimeInput):
    input_type = "text"

    def __init__(self, attrs=None):
        defaults = {
            "placeholder": _("ngày/tháng/năm giờ:phút"),
            "autocomplete": "off",
            "title": _("Thời điểm theo dạng ngày/tháng/năm giờ:phút, ví dụ 05/04/2026 08:00"),
        }
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d/%m/%Y %H:%M")


class DayMonthYearField(forms.DateField):
    widget = DayMonthYearInput

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        kwargs.setdefault("error_messages", {"invalid": _("Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/04/2026.")})
        super().__init__(**kwargs)
