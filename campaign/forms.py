"""Forms of the campaign app. They only collect and clean input; the services decide."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from accounts.collation import by_name
from accounts.date_inputs import DayMonthYearField
from accounts.models import Unit
from accounts.once import OnceOnlyFormMixin

from .models import Acknowledgement, Campaign, Deadline, Document, PlanItem, PlanPeriod
from .services import CAMPAIGN_FIELDS, DEADLINE_FIELDS, PERIOD_FIELDS
from .uploads import check_upload

# A date typed as dd/mm/yyyy whatever the browser's language; never read as month/day.
DateField = DayMonthYearField


class LinesField(forms.CharField):
    """A list kept one entry per line (legal bases, recipients)."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]


class UploadField(forms.FileField):
    """A file checked by its content and size (PDF, JPEG, PNG, DOCX, XLSX)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("PDF, ảnh JPEG/PNG, Word (.docx) hoặc Excel (.xlsx); tối đa %(limit)s.")
            % {"limit": filesizeformat(settings.UPLOAD_MAX_BYTES)},
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", ".pdf,.jpg,.jpeg,.png,.docx,.xlsx")

    def validate(self, value):
        super().validate(value)
        if value:
            check_upload(value)


class UnitChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": _("Đơn vị được chọn không thuộc danh sách đơn vị được phép chọn.")}

    def label_from_instance(self, obj):
        return obj.name


class UnitsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple
    default_error_messages = {"invalid_choice": _("Đơn vị được chọn không thuộc danh sách đơn vị được phép chọn.")}

    def label_from_instance(self, obj):
        return obj.name


MAX_COVERAGE_DEPTH = 3


class CampaignForm(forms.ModelForm):
    issued_on = DateField(label=_("Ngày ban hành"), required=False)
    legal_bases = LinesField(label=_("Căn cứ (văn bản thực hiện)"), required=False, help_text=_("Mỗi văn bản một dòng."))
    recipients = LinesField(label=_("Nơi nhận"), required=False, help_text=_("Mỗi nơi nhận một dòng."))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Campaign
        fields = list(CAMPAIGN_FIELDS)
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "preamble": forms.Textarea(attrs={"rows": 3}),
            "purposes": forms.Textarea(attrs={"rows": 10}),
            "implementation": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "number": _("Ví dụ: Số 12-KH/BTGDVTU"),
            "purposes": _("Mỗi đoạn một dòng; dòng bắt đầu bằng “-” là một ý."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coverage_depth"].required = False
        self.fields["coverage_depth"].widget.attrs.update(min=1, max=MAX_COVERAGE_DEPTH)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean_coverage_depth(self):
        depth = self.cleaned_data.get("coverage_depth")
        if depth is None:
            return self.instance.coverage_depth or 1
        if not 1 <= depth <= MAX_COVERAGE_DEPTH:
            raise forms.ValidationError(_("Số cấp đơn vị tham gia phải từ 1 đến %(max)d.") % {"max": MAX_COVERAGE_DEPTH})
        return depth

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("Năm không hợp lệ."))
        return year


class CampaignCreateForm(CampaignForm):
    """A new plan: staff of more than one organising body say which body issues it."""

    owner = UnitChoiceField(label=_("Đơn vị ban hành"), queryset=Unit.objects.none(), empty_label=None, required=False)

    def __init__(self, *args, organisers, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisers = list(organisers)
        self.fields["owner"].queryset = organisers
        self.order_fields(["owner", *self.fields])
        if len(self.organisers) == 1:
            self.fields["owner"].widget = forms.HiddenInput()

    def clean_owner(self):
        owner = self.cleaned_data.get("owner")
        if owner is None and len(self.organisers) == 1:
            return self.organisers[0]
        if owner is None:
            raise forms.ValidationError(_("Hãy chọn đơn vị ban hành kế hoạch."))
        return owner


class PeriodForm(forms.ModelForm):
    starts_on = DateField(label=_("Từ ngày"))
    ends_on = DateField(label=_("Đến ngày"))

    class Meta:
        model = PlanPeriod
        fields = list(PERIOD_FIELDS)

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("Ngày kết thúc giai đoạn phải sau ngày bắt đầu."))
        return cleaned


class PlanItemForm(OnceOnlyFormMixin, forms.ModelForm):
    due_date = DateField(label=_("Thời hạn hoàn thành"), required=False)
    lead_unit = UnitChoiceField(label=_("Đơn vị chủ trì"), queryset=Unit.objects.none(), required=False)
    coordinating_units = UnitsField(label=_("Đơn vị phối hợp"), queryset=Unit.objects.none(), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = PlanItem
        fields = ["period", "order", "title", "description", "lead_unit", "coordinating_units", "due_date"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"description": _("Nội dung đầy đủ của nhiệm vụ như trong văn bản kế hoạch.")}

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = PlanPeriod.objects.filter(campaign=campaign)
        self.fields["period"].empty_label = None
        units = Unit.objects.within([campaign.owner]).filter(is_active=True, depth__lte=campaign.owner.depth + campaign.coverage_depth).order_by("depth", "kind", by_name())
        self.fields["lead_unit"].queryset = units
        self.fields["coordinating_units"].queryset = units.exclude(pk=campaign.owner_id)
        self.fields["order"].required = False
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Trạng thái"), choices=PlanItem.Status.choices)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ProgressUpdateForm(forms.Form):
    date = DateField(label=_("Ngày"))
    text = forms.CharField(label=_("Nội dung cập nhật"), widget=forms.Textarea(attrs={"rows": 3}))
    new_status = forms.ChoiceField(
        label=_("Chuyển trạng thái nhiệm vụ"),
        choices=[("", _("— giữ nguyên —")), *PlanItem.Status.choices],
        required=False,
    )
    evidence = UploadField(label=_("Tệp minh chứng"), required=False)


def parse_offsets(text: str) -> list[int]:
    values = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            values.append(int(part))
        except ValueError:
            raise forms.ValidationError(
                _("“%(value)s” không phải là số ngày. Hãy nhập các số cách nhau bởi dấu phẩy, ví dụ: 7, 3, 1, -1.")
                % {"value": part}
            ) from None
    return values


class DeadlineForm(forms.ModelForm):
    due_date = DateField(label=_("Hạn cuối (hết ngày)"))
    reminder_offsets = forms.CharField(
        label=_("Nhắc hạn trước (ngày)"),
        required=False,
        help_text=_("Các số ngày cách nhau bởi dấu phẩy; số âm là sau hạn. Để trống để dùng mặc định 7, 3, 1, 0 (ngày đến hạn), -1."),
    )

    class Meta:
        model = Deadline
        fields = list(DEADLINE_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offsets = self.instance.reminder_offsets if self.instance.pk else Deadline.DEFAULT_REMINDER_OFFSETS
        self.initial["reminder_offsets"] = ", ".join(str(n) for n in offsets)

    def clean_reminder_offsets(self):
        return parse_offsets(self.cleaned_data["reminder_offsets"])


class ExtensionForm(forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    due_date = DateField(label=_("Hạn mới"))
    reason = forms.CharField(label=_("Lý do gia hạn"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, deadline: Deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self.deadline = deadline
        self.fields["unit"].queryset = Unit.objects.filter(parent_id=deadline.campaign.owner_id, is_active=True).order_by(
            "kind", "name"
        )

    def clean_due_date(self):
        due_date = self.cleaned_data["due_date"]
        if due_date <= self.deadline.due_date:
            raise forms.ValidationError(
                _("Hạn gia hạn phải sau hạn chung %(date)s.") % {"date": self.deadline.due_date.strftime("%d/%m/%Y")}
            )
        return due_date


class DocumentForm(forms.ModelForm):
    date = DateField(label=_("Ngày văn bản"))
    file = UploadField(label=_("Tệp văn bản"), required=False)

    class Meta:
        model = Document
        fields = ["number", "date", "title", "file"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}


class AcknowledgementForm(forms.ModelForm):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), empty_label=None)
    disseminated_on = DateField(label=_("Ngày quán triệt"))

    class Meta:
        model = Acknowledgement
        fields = ["unit", "disseminated_on", "form", "participants", "note"]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["participants"].min_value = 0
