"""Text as people type it and text as files and mail headers must hold it.

One rule for everything typed into a form (``clean_typed_text``, installed on every
Django ``CharField`` by ``install_form_rule``): Unicode NFC, line breaks made ``\\n``,
control characters removed; a one-line field also loses its line breaks and tabs.

Dates typed into any form share one sane range (``EARLIEST_DATE`` to ``LATEST_DATE``):
"01/12/0001" is a typing slip, never a decision date.

One rule for writers (``printable`` for XLSX and DOCX cells, ``header_text`` for e-mail
subjects), because data saved before the form rule, imported or written by a script can
still hold what a file format or a mail header refuses."""

import datetime
import re
import unicodedata

# C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a reader sees.
# Newline and tab are kept here; a one-line field turns them into spaces first.
_TYPED_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")
_ONE_LINE = re.compile("[\n\t]+")
# What XML 1.0 (XLSX, DOCX) cannot hold at all.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_HEADER_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")


EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)


def clean_typed_text(value: str, *, multiline: bool) -> str:
    value = unicodedata.normalize("NFC", value)
    value = _LINE_BREAKS.sub("\n", value)
    if not multiline:
        value = _ONE_LINE.sub(" ", value)
    return _TYPED_CONTROLS.sub("", value)


def printable(value):
    """A cell value an XML-based office file can hold; non-text values pass unchanged."""
    return _XML_ILLEGAL.sub("", value) if isinstance(value, str) else value


def header_text(value, *, limit: int | None = None) -> str:
    """One line for an e-mail header: line breaks and controls become single spaces
    (a newline in a header is refused by Django's mail as a header injection)."""
    text = _HEADER_BREAKS.sub(" ", str(value or "")).strip()
    return text if limit is None else text[:limit]


def install_form_rule() -> None:
    """Clean every ``CharField`` of every form (ours, the admin's, Django's own) before
    its validators run, and keep every ``DateField`` in the sane range. A textarea is
    multi-line; passwords are compared as typed."""
    from django import forms
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    if getattr(forms.CharField.to_python, "cleans_typed_text", False):
        return
    to_python = forms.CharField.to_python

    def cleaned_to_python(field, value):
        if isinstance(value, str) and not isinstance(field.widget, forms.PasswordInput):
            value = clean_typed_text(value, multiline=isinstance(field.widget, forms.Textarea))
        return to_python(field, value)

    cleaned_to_python.cleans_typed_text = True
    forms.CharField.to_python = cleaned_to_python

    date_to_python = forms.DateField.to_python

    def dated_to_python(field, value):
        date = date_to_python(field, value)
        if date is not None and not EARLIEST_DATE <= date <= LATEST_DATE:
            raise ValidationError(
                _("Ngày phải trong khoảng từ %(earliest)s đến %(latest)s.")
                % {"earliest": EARLIEST_DATE.strftime("%d/%m/%Y"), "latest": LATEST_DATE.strftime("%d/%m/%Y")},
                code="out_of_range",
            )
        return date

    forms.DateField.to_python = dated_to_python


# The five Vietnamese tone marks (huyền, sắc, hỏi, ngã, nặng) as combining characters.
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"


def person_name_key(name: str) -> str:
    """What makes two spellings of a person's name the same person: case, spacing,
    invisible characters (a zero-width space), composed or decomposed letters, and where
    the tone mark sits ("Hoà" and "Hòa", "Thuý" and "Thúy") do not count; letters and
    tones do ("Hoa" is not "Hòa")."""
    decomposed = unicodedata.normalize("NFD", str(name))
    visible = "".join(char for char in decomposed if unicodedata.category(char) != "Cf")
    words = []
    for word in visible.casefold().split():
        tones = "".join(char for char in word if char in _TONE_MARKS)
        # One tone per syllable; put it after the letters so its old or new place is the same.
        words.append(unicodedata.normalize("NFC", "".join(char for char in word if char not in _TONE_MARKS) + tones))
    return " ".join(words)
