import django_filters
from django import forms
from django.db.models import Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from accounts.collation import by_name
from accounts.models import Unit
from accounts.search import contains_term, folded_aliases, search_terms
from models.models import DvkModel, Field
from models.selectors import units_visible_to

from .models import Registration, Status
from .selectors import campaigns_visible_to, registration_list

YES_NO = (("1", _("Có")), ("0", _("Không")))


class RegistrationFilter(django_filters.FilterSet):
    """The review list's filters; the same filters drive the Excel export."""

    campaign = django_filters.ModelChoiceFilter(label=_("Kế hoạch"), queryset=None, empty_label=None)
    unit = django_filters.ModelChoiceFilter(label=_("Đơn vị"), queryset=None, empty_label=_("Tất cả đơn vị"))
    field = django_filters.ChoiceFilter(
        label=_("Lĩnh vực"), field_name="model__field", choices=Field.choices, empty_label=_("Tất cả lĩnh vực")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Loại"), field_name="model__kind", choices=DvkModel.Kind.choices, empty_label=_("Mô hình và điển hình")
    )
    # The status the reader may see: a unit cannot find its results by filtering before publication.
    status = django_filters.ChoiceFilter(
        label=_("Trạng thái"), field_name="shown_status", choices=Status.choices, empty_label=_("Mọi trạng thái")
    )
    ethnic_minority = django_filters.ChoiceFilter(
        label=_("Vùng đồng bào DTTS"), choices=YES_NO, method="filter_flag", empty_label=_("Không lọc")
    )
    religious = django_filters.ChoiceFilter(
        label=_("Vùng đồng bào có đạo"), choices=YES_NO, method="filter_flag", empty_label=_("Không lọc")
    )
    q = django_filters.CharFilter(
        label=_("Tìm kiếm"),
        method="search",
        widget=forms.TextInput(attrs={"placeholder": _("Tên mô hình, nội dung, người tiêu biểu...")}),
    )

    FLAG_FIELDS = {"ethnic_minority": "model__is_ethnic_minority_area", "religious": "model__is_religious_area"}
    SEARCH_FIELDS = ("situation", "objectives", "content_and_method", "area_and_target", "expected_outputs")
    MODEL_SEARCH_FIELDS = ("name", "person_name", "address")

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["campaign"].queryset = campaigns_visible_to(user)
        self.filters["unit"].queryset = units_visible_to(user) if user is not None else Unit.objects.none()

    def filter_flag(self, queryset, name, value):
        if value in ("0", "1"):
            return queryset.filter(**{self.FLAG_FIELDS[name]: value == "1"})
        return queryset

    def search(self, queryset, name, value):
        """Every word in the registration's texts or its model's name, person or address,
        accents ignored ("ka do" finds "Ka Đô"; words under three letters go with the
        next as a phrase). One subquery per table, so that PostgreSQL can combine that
        table's trigram indexes."""
        condition = Q()
        for term in search_terms(value):
            in_texts = Registration.objects.alias(**folded_aliases(self.SEARCH_FIELDS)).filter(
                contains_term(term, self.SEARCH_FIELDS)
            )
            in_model = DvkModel.objects.alias(**folded_aliases(self.MODEL_SEARCH_FIELDS)).filter(
                contains_term(term, self.MODEL_SEARCH_FIELDS)
            )
            condition &= Q(pk__in=in_texts.values("pk")) | Q(model_id__in=in_model.values("pk"))
        return queryset.filter(condition)


def filtered_registrations(user, data: QueryDict, queryset=None) -> RegistrationFilter:
    """The registrations list's filters as ``user`` sets them in ``data`` (the query
    string), over what the user may read; with no campaign chosen, the newest one
    visible. The list page, its export and the export's worker share it."""
    data = data.copy()
    if not data.get("campaign"):
        newest = campaigns_visible_to(user).first()
        if newest is not None:
            data["campaign"] = str(newest.pk)
    if queryset is None:
        queryset = registration_list(user).order_by(by_name("unit__name"), by_name("model__name"), "pk")
    return RegistrationFilter(data=data, queryset=queryset, user=user)
