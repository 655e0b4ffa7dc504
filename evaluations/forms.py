"""Forms of the appraisal. They collect and clean what was typed; the services decide.
Every error is a Vietnamese sentence and every form keeps what the user typed."""

from decimal import Decimal

from crispy_forms.helper import FormHelper
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.collation import by_name
from accounts.date_inputs import DayMonthYearTimeInput
from accounts.models import Unit, User

from .models import Council, CouncilMember
from .services import COUNCIL_SETTINGS, SCORING_SETTINGS, check_points

DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


def _helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper


class DateTimeField(forms.DateTimeField):
    """A moment typed dd/mm/yyyy hh:mm whatever the browser's language, in Vietnam time."""

    widget = DayMonthYearTimeInput

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATETIME_INPUT_FORMATS)
        kwargs.setdefault("required", False)
        kwargs.setdefault("error_messages", {"invalid": _("Thời điểm không hợp lệ; hãy nhập theo dạng ngày/tháng/năm giờ:phút.")})
        super().__init__(**kwargs)


class CouncilForm(forms.ModelForm):
    opens_at = DateTimeField(label=_("Mở chấm điểm"), help_text=_("Để trống: mở ngay khi có hồ sơ được đưa vào thẩm định."))
    closes_at = DateTimeField(label=_("Đóng chấm điểm"))

    class Meta:
        model = Council
        fields = list(COUNCIL_SETTINGS)
        localized_fields = ["disagreement_spread"]
        help_texts = {
            "quorum_fraction": _("Phần của số thành viên được phân công (không tính người tránh chấm)."),
            "disagreement_spread": _("Đánh dấu hồ sơ có điểm cao nhất và thấp nhất chênh nhau hơn mức này."),
        }

    def __init__(self, *args, window=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
        if window is not None and window.deadline is not None:
            self.fields["closes_at"].help_text = _("Để trống: theo thời hạn chấm điểm của kế hoạch (hết ngày %(date)s).") % {
                "date": window.deadline.due_date.strftime("%d/%m/%Y")
            }
        else:
            self.fields["closes_at"].help_text = _("Để trống: theo thời hạn chấm điểm của kế hoạch (nếu có).")
        for name in ("quorum_fraction", "vote_pass_fraction", "vote_quorum_fraction"):
            self.fields[name].keep(getattr(self.instance, name))
        if self.instance.is_finalised:
            for name in SCORING_SETTINGS:  # frozen by the service once results are finalised
                self.fields[name].disabled = True

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("Thời điểm đóng chấm điểm phải sau thời điểm mở."))
        return cleaned


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.display_name} ({obj.username})" + (f" – {obj.position}" if obj.position else "")


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class CouncilMemberForm(forms.ModelForm):
    """Add a member (with the account) or change one (without)."""

    class Meta:
        model = CouncilMember
        fields = ["user", "position", "represents", "unit"]
        field_classes = {"user": UserChoiceField, "unit": UnitChoiceField}
        help_texts = {
            "represents": _("Ví dụ: Thường trực Hội đồng TĐ-KT huyện, Văn phòng điều phối nông thôn mới, UBMTTQ, Hội LHPN."),
            "unit": _("Nếu thành viên thuộc một đơn vị đăng ký, họ tự động được tránh chấm hồ sơ của đơn vị đó."),
        }

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
        organiser_units = Unit.objects.within([council.campaign.owner])
        self.fields["unit"].queryset = organiser_units.filter(is_active=True).order_by("depth", "kind", by_name())
        self.fields["unit"].required = False
        if self.instance.pk:
            del self.fields["user"]
        else:
            # People of the organiser's tree, or accounts that belong to no unit (council members
            # from other bodies often have no role in the portal besides their seat).
            seated = council.members.values("user_id")
            self.fields["user"].queryset = (
                User.objects.filter(is_active=True)
                .filter(Q(memberships__unit__in=organiser_units) | Q(memberships__isnull=True))
                .exclude(pk__in=seated)
                .distinct()
                .order_by("full_name", "username")
            )


class CriteriaSetNameForm(forms.Form):
    name = forms.CharField(
        label=_("Tên bộ tiêu chí"),
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control"}),
        error_messages={"required": _("Cần đặt tên bộ tiêu chí.")},
    )


class CriterionRowForm(forms.Form):
    pk = forms.IntegerField(widget=forms.HiddenInput, required=False)
    order = forms.IntegerField(
        label=_("Thứ tự"),
        min_value=1,
        max_value=99,
        widget=forms.NumberInput(attrs={"class": "form-control form-control-sm", "aria-label": _("Thứ tự")}),
        error_messages={"required": _("Cần số thứ tự."), "invalid": _("Thứ tự phải là số nguyên.")},
    )
    name = forms.CharField(
        label=_("Tiêu chí"),
        max_length=300,
        widget=forms.TextInput(
            attrs={"class": "form-control form-control-sm mb-1", "aria-label": _("Tiêu chí"), "placeholder": _("Tên tiêu chí")}
        ),
        error_messages={"required": _("Cần ghi tên tiêu chí.")},
    )
    guidance = forms.CharField(
        label=_("Hướng dẫn chấm"),
        required=False,
        widget=forms.Textarea(
            attrs={
                "rows": 2,
                "class": "form-control form-control-sm",
                "aria-label": _("Hướng dẫn chấm"),
                "placeholder": _("Hướng dẫn chấm"),
            }
        ),
    )
    max_points = forms.DecimalField(
        label=_("Điểm tối đa"),
        max_digits=5,
        decimal_places=1,
        localize=True,
        widget=forms.TextInput(
            attrs={"class": "form-control form-control-sm", "inputmode": "decimal", "aria-label": _("Điểm tối đa")}
        ),
        error_messages={
            "required": _("Cần ghi điểm tối đa."),
            "invalid": _("Điểm tối đa phải là một số, ví dụ 20 hoặc 12,5."),
            "max_digits": _("Điểm tối đa quá lớn."),
            "max_decimal_places": _("Điểm tối đa phải là bội số của 0,5."),
            "max_whole_digits": _("Điểm tối đa quá lớn."),
        },
    )

    def clean_max_points(self):
        value = self.cleaned_data["max_points"]
        if value <= 0:
            raise forms.ValidationError(_("Điểm tối đa phải lớn hơn 0."))
        if (value / Decimal("0.5")) % 1 != 0:
            raise forms.ValidationError(_("Điểm tối đa phải là bội số của 0,5."))
        return value


class BaseCriterionFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Xóa")
            form.fields["DELETE"].widget.attrs.update({"class": "form-check-input", "aria-label": _("Xóa tiêu chí")})

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("name")
        ]
        if not kept:
            raise forms.ValidationError(_("Bộ tiêu chí phải có ít nhất một tiêu chí."))


CriterionFormSet = forms.formset_factory(CriterionRowForm, formset=BaseCriterionFormSet, extra=1, can_delete=True)


class NominationForm(forms.Form):
    registrations = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Hãy chọn ít nhất một đăng ký để đưa vào thẩm định.")},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registrations"].queryset = candidates


class AssignmentForm(forms.Form):
    """A page of the registration × member grid: a ticked box is an assignment. The page
    names the registrations it showed, so that a row left with no box ticked counts."""

    pairs = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple)
    shown = forms.TypedMultipleChoiceField(coerce=int, required=False, widget=forms.MultipleHiddenInput)

    def __init__(self, *args, registration_ids, member_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pairs"].choices = [(f"{r}:{m}", "") for r in registration_ids for m in member_ids]
        self.fields["shown"].choices = [(r, r) for r in registration_ids]

    def wanted(self) -> set[tuple[int, int]]:
        return {tuple(int(part) for part in value.split(":")) for value in self.cleaned_data["pairs"]}

    def registration_ids(self) -> set[int]:
        """The registrations this page decides: those shown and any ticked."""
        return set(self.cleaned_data["shown"]) | {registration_id for registration_id, _member in self.wanted()}


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Cần ghi lý do.")},
    )

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
        if label:
            self.fields["reason"].label = label


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Tôi đã xem bảng kết quả và xác nhận."),
        error_messages={"required": _("Hãy đánh dấu xác nhận trước khi tiếp tục.")},
    )

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()
        if label:
            self.fields["confirm"].label = label


class ScoreField(forms.Field):
    """Points for one criterion: 0 to its maximum in steps of 0.5; a comma or a point as
    the decimal mark. Empty is allowed here; submitting checks completeness."""

    def __init__(self, *, max_points: Decimal, **kwargs):
        self.max_points = max_points
        kwargs.setdefault("required", False)
        kwargs.setdefault("localize", True)
        kwargs.setdefault(
            "widget",
            # A text box, so that 19,5 shows with the decimal comma like every other number.
            forms.TextInput(
                attrs={
                    "inputmode": "decimal",
                    "autocomplete": "off",
                    "class": "form-control score-input",
                    "data-score-input": "",
                    "data-max": str(max_points),
                }
            ),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        points, error = check_points(value, self.max_points)
        if error:
            raise forms.ValidationError(error)
        return points


class ScoresheetForm(forms.Form):
    """One score and comment per criterion, a general comment and the version the page
    was opened with."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    comment = forms.CharField(
        label=_("Nhận xét chung"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, criteria, sheet=None, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        self.submitting = submitting
        scores = {score.criterion_id: score for score in sheet.scores.all()} if sheet is not None else {}
        self.initial.setdefault("version", sheet.version if sheet is not None else 0)
        self.initial.setdefault("comment", sheet.comment if sheet is not None else "")
        for criterion in self.criteria:
            score = scores.get(criterion.pk)
            self.fields[f"points_{criterion.pk}"] = ScoreField(
                max_points=criterion.max_points,
                label=criterion.name,
                initial=score.points if score is not None else None,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Nhận xét"),
                required=False,
                max_length=2000,
                initial=score.comment if score is not None else "",
                widget=forms.Textarea(attrs={"rows": 2, "class": "form-control form-control-sm"}),
            )

    def clean(self):
        cleaned = super().clean()
        if self.submitting:
            for criterion in self.criteria:
                name = f"points_{criterion.pk}"
                if name not in self.errors and cleaned.get(name) is None:
                    self.add_error(name, _("Cần chấm tiêu chí này trước khi nộp phiếu."))
        return cleaned

    def rows(self):
        """(criterion, points field, comment field) for the template."""
        return [(c, self[f"points_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def points(self) -> dict[int, Decimal | None]:
        return {c.pk: self.cleaned_data.get(f"points_{c.pk}") for c in self.criteria}

    def comments(self) -> dict[int, str]:
        return {c.pk: self.cleaned_data.get(f"comment_{c.pk}", "") for c in self.criteria}

    def add_service_errors(self, errors: dict[int, str]) -> None:
        for criterion_id, message in errors.items():
            self.add_error(f"points_{criterion_id}", message)

    def typed_total(self) -> Decimal:
        """The total of what is on the form now (typed or saved), for the server-side
        running total; invalid values count as nothing."""
        total = Decimal(0)
        for criterion in self.criteria:
            name = f"points_{criterion.pk}"
            raw = self.data.get(name) if self.is_bound else self.initial.get(name, self.fields[name].initial)
            points, error = check_points(raw, criterion.max_points)
            if points is not None and not error:
                total += points
        return total
