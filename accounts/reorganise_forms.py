"""Forms of the reorganisation pages (merge, rename, move) and of the organiser's
letterhead. The services re-check everything the database must guarantee."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .date_inputs import DayMonthYearField
from .models import Unit
from .selectors import ORGANISER_KINDS, member_units_manageable_by, units_manageable_by
from .services import LETTERHEAD_FIELDS

EARLIEST_EFFECTIVE = datetime.date(1945, 9, 2)


class _ReorganisationForm(forms.Form):
    effective_on = DayMonthYearField(label=_("Có hiệu lực từ ngày"))
    decision = forms.CharField(
        label=_("Căn cứ"), max_length=200, required=False, help_text=_("Ví dụ: Nghị quyết số 1671/NQ-UBTVQH15 ngày 16/6/2025.")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not self.is_bound:
            self.fields["effective_on"].initial = timezone.localdate()

    def clean_effective_on(self):
        date = self.cleaned_data["effective_on"]
        if date < EARLIEST_EFFECTIVE:
            raise forms.ValidationError(_("Ngày hiệu lực không hợp lệ."))
        if date > timezone.localdate():
            raise forms.ValidationError(_("Chỉ ghi nhận sắp xếp đã có hiệu lực (ngày hiệu lực không được sau hôm nay)."))
        return date


class UnitsChoice(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.code})"


class MergeForm(_ReorganisationForm):
    sources = UnitsChoice(label=_("Các đơn vị được sáp nhập"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Tên đơn vị mới"), max_length=200)
    code = forms.CharField(label=_("Mã đơn vị mới"), max_length=50)
    kind = forms.ChoiceField(label=_("Loại đơn vị mới"), choices=())
    parent = UnitChoice(label=_("Trực thuộc"), queryset=Unit.objects.none(), empty_label=None)

    field_order = ["sources", "name", "code", "kind", "parent", "effective_on", "decision"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sources"].queryset = member_units_manageable_by(self.user).filter(dissolved_on__isnull=True)
        self.fields["parent"].queryset = units_manageable_by(self.user).filter(is_active=True)
        self.fields["kind"].choices = [(value, label) for value, label in Unit.Kind.choices if value not in ORGANISER_KINDS]


class RenameForm(_ReorganisationForm):
    name = forms.CharField(label=_("Tên mới"), max_length=200)
    field_order = ["name", "effective_on", "decision"]


class MoveForm(_ReorganisationForm):
    parent = UnitChoice(label=_("Đơn vị cấp trên mới"), queryset=Unit.objects.none(), empty_label=None)
    field_order = ["parent", "effective_on", "decision"]

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = (
            units_manageable_by(self.user).filter(is_active=True).exclude(path__startswith=unit.path)
        )


class LetterheadForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = list(LETTERHEAD_FIELDS)
