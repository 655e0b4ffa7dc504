from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.once import OnceOnlyFormMixin
from models.models import DvkModel

from .evidence import ACCEPT_ATTRIBUTE, inspect_upload, max_upload_bytes
from .exceptions import EvidenceRejected
from .models import CONTENT_FIELDS, REQUIRED_FOR_SUBMISSION, ProgressReport, Registration

CONTENT_HELP = {
    "situation": _("Tình hình địa bàn, vấn đề bức xúc cần giải quyết và vì sao chọn xây dựng mô hình này."),
    "objectives": _("Mục tiêu cụ thể, đo được trong năm (ví dụ: số km đường, số hộ tham gia)."),
    "content_and_method": _(
        "Cách vận động, tổ chức thực hiện; phát huy dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng."
    ),
    "area_and_target": _("Thôn, tổ dân phố; đối tượng vận động (số hộ, thành phần dân tộc, tôn giáo)."),
    "lead_forces": _("Tổ chức, cá nhân chủ trì."),
    "coordinating_forces": _("Các tổ chức phối hợp (MTTQ, đoàn thể, công an, quân sự...)."),
    "participating_forces": _("Lực lượng tham gia trực tiếp."),
    "resources": _("Kinh phí nhà nước, đóng góp của nhân dân (xã hội hóa), ngày công, vật tư."),
    "timeline": _("Thời gian bắt đầu, các mốc chính, thời gian hoàn thành."),
    "expected_outputs": _("Kết quả, sản phẩm kiểm chứng được: công trình, số liệu, văn bản, hình ảnh."),
    "sustainability": _("Cách duy trì sau khi hoàn thành và khả năng nhân rộng ra nơi khác."),
}


class VersionedForm(forms.ModelForm):
    """Carries the version the editor started from, so a later save by someone else
    is noticed instead of overwritten."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Several evidence files chosen at once, each judged by its content here so that a
    refused file is named on the form before anything is saved."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [file for file in (data if isinstance(data, list | tuple) else [data]) if file]
        cleaned = [super(EvidenceFilesField, self).clean(file, initial) for file in files]
        errors = []
        for upload in cleaned:
            try:
                inspect_upload(upload)
            except EvidenceRejected as error:
                errors.append(error.message)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


def evidence_help() -> str:
    limit_mb = max_upload_bytes() // (1024 * 1024)
    return _("PDF, ảnh JPG/PNG, Word (DOCX) hoặc Excel (XLSX); tối đa %(limit)s MB mỗi tệp.") % {"limit": limit_mb}


class RegistrationForm(VersionedForm):
    evidence = EvidenceFilesField(label=_("Thêm tệp minh chứng"), required=False)

    class Meta:
        model = Registration
        fields = CONTENT_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in CONTENT_FIELDS}
        help_texts = CONTENT_HELP

    def __init__(self, *args, requires_evidence: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        for name in REQUIRED_FOR_SUBMISSION:
            field = self.fields[name]
            field.label = f"{field.label} *"
        evidence = self.fields["evidence"]
        evidence.help_text = evidence_help()
        evidence.widget.attrs.update({"accept": ACCEPT_ATTRIBUTE, "data-max-bytes": max_upload_bytes()})
        if requires_evidence:
            evidence.label = _("Tệp minh chứng (cần ít nhất một tệp để gửi) *")


class NewRegistrationForm(RegistrationForm):
    """A registration not yet saved: the version field is not used; the model is chosen
    here unless the page was opened from the model itself."""

    model = forms.ModelChoiceField(label=_("Mô hình, điển hình"), queryset=DvkModel.objects.none(), empty_label=None)

    field_order = ["model", *CONTENT_FIELDS, "evidence"]

    def __init__(self, *args, models=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].required = False
        self.fields["model"].queryset = models if models is not None else DvkModel.objects.none()


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do trả lại"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Nêu rõ đơn vị cần bổ sung, sửa những gì; đơn vị sẽ thấy nội dung này."),
        error_messages={"required": _("Cần ghi lý do trả lại để đơn vị biết phải bổ sung gì.")},
    )


class ProgressReportForm(VersionedForm):
    class Meta:
        model = ProgressReport
        fields = ("results", "households", "funds_vnd", "socialised_funds_vnd", "workdays")
        widgets = {"results": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "results": _("Những việc đã làm được, số liệu cụ thể, cách làm mới, khó khăn và hướng khắc phục."),
            "funds_vnd": _("Tổng kinh phí huy động (đồng), gồm cả ngân sách và xã hội hóa."),
            "socialised_funds_vnd": _("Phần do nhân dân, doanh nghiệp, nhà hảo tâm đóng góp (đồng)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.version if self.instance.pk else 0
        self.fields["results"].label = f"{self.fields['results'].label} *"
        for name in ("households", "funds_vnd", "socialised_funds_vnd", "workdays"):
            self.fields[name].widget.attrs.update({"min": 0, "step": 1})

    def clean(self):
        cleaned = super().clean()
        funds, socialised = cleaned.get("funds_vnd"), cleaned.get("socialised_funds_vnd")
        if funds is not None and socialised is not None and socialised > funds:
            self.add_error("socialised_funds_vnd", _("Kinh phí xã hội hóa không thể lớn hơn tổng kinh phí huy động."))
        return cleaned


class EvidenceUploadForm(OnceOnlyFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Tệp minh chứng"),
        error_messages={"required": _("Hãy chọn một tệp để tải lên."), "empty": _("Tệp đã chọn rỗng, không có nội dung.")},
    )
    caption = forms.CharField(label=_("Mô tả ngắn"), max_length=300, required=False)
    report = forms.ChoiceField(choices=[("", "")] + list(ProgressReport.Kind.choices), required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_mb = max_upload_bytes() // (1024 * 1024)
        self.fields["file"].widget.attrs.update(
            {
                "accept": ACCEPT_ATTRIBUTE,
                "data-max-bytes": max_upload_bytes(),
                "class": "form-control",
                "aria-describedby": "id_file_help",
            }
        )
        self.fields["file"].help_text = _("PDF, ảnh JPG/PNG, Word (DOCX) hoặc Excel (XLSX); tối đa %(limit)s MB mỗi tệp.") % {
            "limit": limit_mb
        }
