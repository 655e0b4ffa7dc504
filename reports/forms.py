from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.date_inputs import DayMonthYearInput

from .models import SummaryReport
from .services import EDITABLE_FIELDS


def parse_recommendations(text: str) -> list[dict]:
    """ "Cơ quan: nội dung" per line, in order; a line without a colon is addressed to no one in particular."""
    items = []
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        addressee, sep, content = line.partition(":")
        if not sep or not content.strip():
            addressee, content = "", line
        items.append({"addressee": addressee.strip(), "content": content.strip()})
    return items


def recommendation_lines(items) -> list[str]:
    lines = []
    for item in items or []:
        addressee, content = str(item.get("addressee", "")).strip(), str(item.get("content", "")).strip()
        lines.append(f"{addressee}: {content}" if addressee else content)
    return lines


class NewReportForm(forms.Form):
    campaign = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(label=_("Loại báo cáo"), choices=SummaryReport.Kind.choices)

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
        self.fields["campaign"].label_from_instance = lambda c: f"{c.year} – {c.title}"
        self.fields["campaign"].error_messages["invalid_choice"] = _("Hãy chọn một kế hoạch của đơn vị bạn quản lý.")
        self.helper = FormHelper()
        self.helper.form_tag = False


class SummaryReportForm(forms.ModelForm):
    """What staff write. ``recipients`` is typed one per line; ``version`` is the
    report's version when the page was opened, so a save over someone else's is refused."""

    recommendations = forms.CharField(
        label=_("Đề xuất, kiến nghị"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Mỗi dòng một kiến nghị, dạng “Cơ quan được kiến nghị: nội dung”, ví dụ: "
            "Ban Thường vụ Tỉnh ủy: quan tâm bố trí kinh phí nhân rộng mô hình."
        ),
    )
    recipients = forms.CharField(
        label=_("Nơi nhận"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Mỗi dòng một nơi nhận, ví dụ: Thường trực Huyện ủy (b/c)."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = SummaryReport
        fields = [name for name in EDITABLE_FIELDS if name not in ("recipients", "recommendations")]
        widgets = {
            "date": DayMonthYearInput(),
            "subject": forms.Textarea(attrs={"rows": 2}),
            "assessment": forms.Textarea(attrs={"rows": 12}),
            "direction": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "assessment": _("Ưu điểm, hạn chế, nguyên nhân và bài học kinh nghiệm. Mỗi dòng là một đoạn văn."),
            "direction": _("Mỗi dòng là một đoạn văn."),
            "date": _("Ngày ghi ở dòng “…, ngày … tháng … năm …”."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["recipients"] = "\n".join(self.instance.recipient_lines)
            self.initial["recommendations"] = "\n".join(recommendation_lines(self.instance.recommendations))
            self.initial["version"] = self.instance.version
        kind = self.instance.kind
        is_report = self.instance.is_report
        if kind == SummaryReport.Kind.MINUTES:
            self.fields["assessment"].label = _("Ý kiến thảo luận, kết luận của Hội đồng")
            self.fields["assessment"].help_text = _("Mỗi dòng là một đoạn văn; để trống nếu không có.")
        elif kind == SummaryReport.Kind.SUBMISSION:
            self.fields["assessment"].label = _("Tóm tắt thành tích chung")
            self.fields["assessment"].help_text = _("In sau phần mở đầu của tờ trình; để trống nếu không cần.")
        hidden = [] if is_report else ["direction", "recommendations"]
        if kind != SummaryReport.Kind.SUBMISSION:
            hidden.append("addressee")
        for name in hidden:
            self.fields[name].widget = forms.HiddenInput()
        self.fields["date"].error_messages["invalid"] = _("Ngày báo cáo không hợp lệ; hãy chọn ngày theo dạng dd/mm/yyyy.")
        self.fields["subject"].error_messages["required"] = _("Hãy nhập trích yếu của báo cáo.")
        self.fields["date"].error_messages["required"] = _("Hãy nhập ngày báo cáo.")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset(
                _("Thể thức"),
                Div(Div("superior_name", css_class="col-md-6"), Div("issuer_name", css_class="col-md-6"), css_class="row"),
                Div(
                    Div("number", css_class="col-md-4"),
                    Div("place", css_class="col-md-4"),
                    Div("date", css_class="col-md-4"),
                    css_class="row",
                ),
                "subject",
                "addressee",
            ),
            Fieldset(_("Nội dung do Ban soạn"), "assessment", "direction", "recommendations"),
            Fieldset(
                _("Nơi nhận, người ký"),
                "recipients",
                Div(
                    Div("signer_capacity", css_class="col-md-4"),
                    Div("signer_title", css_class="col-md-4"),
                    Div("signer_name", css_class="col-md-4"),
                    css_class="row",
                ),
            ),
            "version",
        )

    def clean_recommendations(self) -> list[dict]:
        if not self.instance.is_report:
            return self.instance.recommendations
        return parse_recommendations(self.cleaned_data["recommendations"])

    def clean_recipients(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["recipients"].splitlines() if line.strip()]

    def clean_date(self):
        date = self.cleaned_data["date"]
        campaign = self.instance.campaign
        if date and abs(date.year - campaign.year) > 1:
            raise forms.ValidationError(_("Ngày báo cáo phải trong năm %(year)s hoặc năm liền kề.") % {"year": campaign.year})
        return date

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in EDITABLE_FIELDS}
