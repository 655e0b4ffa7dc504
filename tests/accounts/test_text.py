"""One rule for typed text (every form's CharField) and one for what writers emit."""

import io
import unicodedata

from django import forms
from openpyxl import Workbook, load_workbook

from accounts.text import clean_typed_text, header_text, printable
from accounts.xlsx import write_row
from models.forms import DvkModelForm


class _Form(forms.Form):
    name = forms.CharField()
    description = forms.CharField(widget=forms.Textarea)
    password = forms.CharField(widget=forms.PasswordInput, strip=False)


def test_a_one_line_field_loses_control_characters_and_line_breaks():
    form = _Form({"name": "Đường\x0b làng\x1b[31m\r\nsáng\x00", "description": "x", "password": "p"})
    assert form.is_valid()
    assert form.cleaned_data["name"] == "Đường làng[31m sáng"


def test_a_textarea_keeps_newlines_and_tabs_but_not_other_controls():
    form = _Form({"name": "x", "description": "Dòng 1\r\n\tDòng 2\x0c\u2028Dòng 3\u202e", "password": "p"})
    assert form.is_valid()
    assert form.cleaned_data["description"] == "Dòng 1\n\tDòng 2\nDòng 3"


def test_typed_text_is_composed_nfc_and_passwords_stay_as_typed():
    decomposed = unicodedata.normalize("NFD", "Hòa")
    form = _Form({"name": decomposed, "description": "x", "password": " a\x0bb "})
    assert form.is_valid()
    assert form.cleaned_data["name"] == "Hòa" and len(form.cleaned_data["name"]) == 3
    assert form.cleaned_data["password"] == " a\x0bb "


def test_the_model_form_stores_a_name_without_control_characters(unit):
    form = DvkModelForm(data={"name": "Mô hình\x0b\x1b A\nB", "kind": "model", "field": "economy"}, units=[unit])
    form.is_valid()
    assert form.cleaned_data["name"] == "Mô hình A B"


def test_clean_typed_text_is_idempotent():
    once = clean_typed_text("a\x0b\r\nb\tc", multiline=False)
    assert once == "a b c" and clean_typed_text(once, multiline=False) == once


def test_xlsx_rows_with_legacy_control_characters_are_written_without_them():
    workbook = Workbook()
    write_row(workbook.active, ["Mô hình\x0b\x1b tốt", 3, None, "=1+2\x07"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    row = next(load_workbook(buffer).active.iter_rows(values_only=True))
    assert row == ("Mô hình tốt", 3, None, "=1+2")


def test_printable_keeps_newlines_and_tabs_and_other_values():
    assert printable("a\n\tb\x0c") == "a\n\tb"
    assert printable(5) == 5


def test_header_text_is_one_line():
    assert header_text("Đăng ký “A\r\nBcc: x@y.z”\x0b ") == "Đăng ký “A Bcc: x@y.z”"
