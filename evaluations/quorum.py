"""The council's shares, kept as exact fractions, and the two rules they feed: how many
must take part (quorum) and how many must agree (a pass). Scoring results and award
votes both call these, so that two thirds of fifteen members is ten everywhere.

A share is stored as "numerator/denominator" (``FractionField``): 2/3 is two thirds, not
0.667 read back as whatever fraction it might have been rounded from."""

import math
from fractions import Fraction

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# The shares a council may choose, as a board writes them in its rules of procedure.
LEGAL_FRACTIONS = (
    (Fraction(1, 3), _("1/3 (một phần ba)")),
    (Fraction(1, 2), _("1/2 (một nửa)")),
    (Fraction(3, 5), _("3/5 (ba phần năm)")),
    (Fraction(2, 3), _("2/3 (hai phần ba)")),
    (Fraction(3, 4), _("3/4 (ba phần tư)")),
    (Fraction(4, 5), _("4/5 (bốn phần năm)")),
    (Fraction(1), _("1 (toàn bộ)")),
)


def fraction_text(value: Fraction) -> str:
    """2/3 → "2/3", 1 → "1": the stored form, also what forms post and the ledger records."""
    return str(Fraction(value))


def quorum_needed(count: int, fraction: Fraction) -> int:
    """How many of ``count`` must take part: at least ``fraction`` of them, and at least
    one whenever anyone may; nobody when there is nobody."""
    if count <= 0:
        return 0
    return max(1, math.ceil(Fraction(fraction) * count))


def agree_needed(count: int, fraction: Fraction) -> int:
    """The fewest agreeing votes that are MORE than ``fraction`` of ``count``."""
    return math.floor(Fraction(fraction) * count) + 1


def carries(agree: int, count: int, fraction: Fraction) -> bool:
    """The pass rule: more than ``fraction`` of all ``count`` members agree."""
    return count > 0 and agree >= agree_needed(count, fraction)


class FractionChoiceField(forms.TypedChoiceField):
    """A choice among the legal shares; a council's older share that is not among them
    stays offered (``keep``) so that saving the form does not change it."""

    def __init__(self, **kwargs):
        for name in ("max_length", "empty_value", "choices", "coerce"):
            kwargs.pop(name, None)
        super().__init__(choices=[(fraction_text(value), label) for value, label in LEGAL_FRACTIONS], coerce=Fraction, **kwargs)

    def keep(self, current: Fraction | None) -> None:
        if current is not None and fraction_text(current) not in {key for key, _label in self.choices}:
            self.choices = [*self.choices, (fraction_text(current), fraction_text(current))]

    def prepare_value(self, value):
        if isinstance(value, Fraction):
            return fraction_text(value)
        return value


class FractionField(models.Field):
    """An exact share in [0, 1], stored as text "n/d" and read as ``fractions.Fraction``."""

    description = _("Phân số")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 16)
        super().__init__(*args, **kwargs)

    def get_internal_type(self):
        return "CharField"

    def from_db_value(self, value, expression, connection):
        return None if value is None else Fraction(value)

    def to_python(self, value):
        if value is None or isinstance(value, Fraction):
            return value
        try:
            fraction = Fraction(str(value).strip().replace(",", "."))
        except (ValueError, ZeroDivisionError):
            raise ValidationError(_("Tỷ lệ phải là một phân số, ví dụ 2/3."), code="invalid") from None
        if not 0 <= fraction <= 1:
            raise ValidationError(_("Tỷ lệ phải nằm trong khoảng từ 0 đến 1."), code="out_of_range")
        return fraction

    def get_prep_value(self, value):
        value = self.to_python(super().get_prep_value(value))
        return None if value is None else fraction_text(value)

    def get_default(self):
        return self.to_python(super().get_default())

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return None if value is None else fraction_text(value)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": FractionChoiceField, "choices_form_class": FractionChoiceField, **kwargs})
