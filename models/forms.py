import datetime

import django_filters
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout
from django import forms
from django.core.validators import MaxLengthValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.collation import by_name
from accounts.date_inputs import DayMonthYearInput
from accounts.models import Unit

from .models import EARLIEST_BIRTH_YEAR, DvkModel, Field
from .selectors import replication_candidates
from .services import EDITABLE_FIELDS, PERSON_FIELDS

NAME_MAX_LENGTH = 150


class DvkModelForm(forms.ModelForm):
    """Create or edit a model of the user's unit. Field names are the model's, so
    ``#id_name``, ``#id_kind``, ... are stable for browser tests."""

    # The moment the form was opened; a save made meanwhile by someone else is refused.
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = DvkModel
        fields = ["unit", *EDITABLE_FIELDS]
        widgets = {
            "started_on": DayMonthYearInput(),
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "address": _("Thôn, tổ dân phố nơi thực hiện."),
            "person_name": _("Bắt buộc với điển hình cá nhân."),
            "person_position": _("Bắt buộc với điển hình cá nhân, ví dụ: Già làng thôn Ka Đô Mới."),
            "replicates": _("Nếu mô hình này học tập, nhân rộng một mô hình khác trong tỉnh (kể cả của đơn vị trước sắp xếp), hãy chọn mô hình đó."),
        }

    def __init__(self, *args, units=None, **kwargs):
        """``units``: the focal units the user may create in; a choice appears only
        when there are several. Editing never moves a model to another unit."""
        super().__init__(*args, **kwargs)
        creating = self.instance.pk is None
        units = list(units or [])
        if creating and len(units) > 1:
            self.fields["unit"].queryset = self.fields["unit"].queryset.filter(pk__in=[u.pk for u in units]).order_by(by_name())
        else:
            del self.fields["unit"]
        home_unit = self.instance.unit if self.instance.unit_id else (units[0] if units else None)
        replicates = self.fields["replicates"]
        if home_unit is not None:
            replicates.queryset = replication_candidates(home_unit, exclude=self.instance)
        else:
            replicates.queryset = DvkModel.objects.none()
        replicates.label_from_instance = lambda model: f"{model.name} – {model.unit.name}"
        replicates.empty_label = _("(không nhân rộng từ mô hình nào)")
        self.fields["field"].choices = [("", _("— Chọn lĩnh vực —")), *Field.choices]
        # A name is read on one line of a list or a certificate: 150 characters at most,
        # counted as they are typed.
        name = self.fields["name"]
        name.max_length = NAME_MAX_LENGTH
        name.validators = [v for v in name.validators if not isinstance(v, MaxLengthValidator)] + [
            MaxLengthValidator(NAME_MAX_LENGTH, _("Tên dài tối đa %(limit_value)d ký tự; tên đang nhập có %(show_value)d ký tự."))
        ]
        name.widget.attrs.update({"maxlength": NAME_MAX_LENGTH, "data-counter": ""})
        this_year = timezone.localdate().year
        self.fields["person_birth_year"].widget.attrs.update({"min": EARLIEST_BIRTH_YEAR, "max": this_year})
        if not creating and not self.is_bound:
            self.initial["version"] = self.instance.updated_at.isoformat()

        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's <form> carries the token
        general = ["unit"] if "unit" in self.fields else []
        general += ["name", Div(Div("kind", css_class="col-md-6"), Div("field", css_class="col-md-6"), css_class="row")]
        general += [Div(Div("address", css_class="col-md-8"), Div("started_on", css_class="col-md-4"), css_class="row")]
        general += ["description"]
        self.helper.layout = Layout(
            Fieldset(_("Thông tin chung"), *general),
            Fieldset(_("Địa bàn"), "is_ethnic_minority_area", "is_religious_area"),
            Fieldset(
                _("Người được giới thiệu (với điển hình cá nhân)"),
                Div(
                    Div("person_name", css_class="col-md-5"),
                    Div("person_birth_year", css_class="col-md-2"),
                    Div("person_position", css_class="col-md-5"),
                    css_class="row",
                ),
                css_id="person-fields",
            ),
            Fieldset(_("Nhân rộng"), "replicates"),
            "version",
        )

    def clean_version(self):
        value = self.cleaned_data.get("version")
        if not value:
            return None
        try:
            return datetime.datetime.fromisoformat(value)
        except ValueError:
            return None

    def clean(self):
        cleaned = super().clean()
        # A collective model has no person: whatever was typed there is not checked.
        if cleaned.get("kind") == DvkModel.Kind.MODEL:
            for name, empty in PERSON_FIELDS.items():
                self._errors.pop(name, None)
                cleaned[name] = empty
        return cleaned

    def service_fields(self) -> dict:
        """What the services take: the model's editable fields, without unit and version."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "unit"}


class CatalogueFilter(django_filters.FilterSet):
    """The list filter. The unit choice lists only units the user may read."""

    q = django_filters.CharFilter(label=_("Tìm kiếm"), method="search")
    field = django_filters.ChoiceFilter(label=_("Lĩnh vực"), choices=Field.choices, empty_label=_("Tất cả lĩnh vực"))
    kind = django_filters.ChoiceFilter(label=_("Loại"), choices=DvkModel.Kind.choices, empty_label=_("Tất cả các loại"))
    unit = django_filters.ModelChoiceFilter(label=_("Đơn vị"), queryset=None, empty_label=_("Tất cả đơn vị"))
    is_published = django_filters.BooleanFilter(
        label=_("Trang giới thiệu"),
        widget=forms.Select(choices=[("", _("Tất cả")), ("true", _("Đã công bố")), ("false", _("Chưa công bố"))]),
    )

    class Meta:
        model = DvkModel
        fields = ["q", "field", "kind", "unit", "is_published"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = units if units is not None else Unit.objects.none()

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(address__icontains=value)
            | Q(person_name__icontains=value)
            | Q(description__icontains=value)
        )
