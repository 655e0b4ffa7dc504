"""Forms of the award proposal and commemorative medal pages."""

import datetime

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .awards import is_proposable, proposal_fingerprint, suggested_level
from .models import AwardProposal, MedalNomination, ProposalVote

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]


def _helper(submit_label) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.add_input(Submit("submit", submit_label, css_class="btn-dvk"))
    return helper


class ProposalForm(forms.ModelForm):
    fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = AwardProposal
        fields = ["level", "nominee", "achievement"]
        widgets = {"achievement": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "nominee": _("Tập thể: tên đơn vị và mô hình; cá nhân: họ tên, chức vụ, đơn vị."),
        }
        error_messages = {"nominee": {"required": _("Hãy ghi tên tập thể hoặc cá nhân được đề nghị.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["fingerprint"] = proposal_fingerprint(self.instance)
        self.helper = _helper(_("Lưu đề nghị"))

    def clean_nominee(self):
        nominee = " ".join(self.cleaned_data["nominee"].split())
        if not nominee:
            raise forms.ValidationError(_("Hãy ghi tên tập thể hoặc cá nhân được đề nghị."))
        return nominee


class DraftFromResultsForm(forms.Form):
    """One level choice per finalised result, pre-filled with the suggested level."""

    NONE = ""

    def __init__(self, *args, results, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        choices = [(self.NONE, _("Không đề nghị")), *AwardProposal.Level.choices]
        for result in results:
            name = f"level_{result.pk}"
            proposable = is_proposable(result)
            self.fields[name] = forms.ChoiceField(
                label=result.registration.model.name,
                choices=choices if proposable else [(self.NONE, _("Không đủ điều kiện"))],
                required=False,
                initial=suggested_level(result) or self.NONE,
                disabled=not proposable or getattr(result, "has_proposal", False),
            )
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"
            self.rows.append((result, self[name]))

    def levels(self) -> dict[int, str]:
        return {
            int(name.removeprefix("level_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("level_") and not self.fields[name].disabled
        }


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Ý kiến biểu quyết"),
        choices=ProposalVote.Choice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Hãy chọn Tán thành, Không tán thành hoặc Không biểu quyết.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Gửi biểu quyết"))


class DecisionForm(forms.Form):
    decision_number = forms.CharField(
        label=_("Số quyết định"), max_length=100, widget=forms.TextInput(attrs={"placeholder": "125/QĐ-UBND"})
    )
    decision_date = forms.DateField(
        label=_("Ngày quyết định"),
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
        error_messages={"invalid": _("Ngày không hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/12/2020.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Ghi quyết định"))

    def clean_decision_date(self):
        value = self.cleaned_data["decision_date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Ngày quyết định không thể sau ngày hôm nay."))
        return value


class ProposalSelectionForm(forms.Form):
    """The proposals ticked on the list for a bulk action."""

    proposal = forms.ModelMultipleChoiceField(
        queryset=AwardProposal.objects.none(),
        error_messages={"required": _("Hãy chọn ít nhất một đề nghị.")},
    )

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = AwardProposal.objects.filter(campaign=campaign)


class MedalNominationForm(forms.ModelForm):
    class Meta:
        model = MedalNomination
        fields = ["full_name", "birth_year", "gender", "position", "unit", "years_in_work", "achievements"]
        widgets = {"achievements": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["birth_year"].widget.attrs.update({"min": 1920, "max": timezone.localdate().year})
        self.helper = _helper(_("Lập đề nghị"))

    def clean_full_name(self):
        full_name = " ".join(self.cleaned_data["full_name"].split())
        if len(full_name) < 3:
            raise forms.ValidationError(_("Hãy ghi đầy đủ họ và tên."))
        return full_name

    def clean_birth_year(self):
        birth_year = self.cleaned_data["birth_year"]
        this_year = timezone.localdate().year
        if not 1920 <= birth_year <= this_year - 18:
            raise forms.ValidationError(_("Năm sinh phải từ 1920 đến %(last)s.") % {"last": this_year - 18})
        return birth_year

    def clean(self):
        cleaned = super().clean()
        birth_year, years = cleaned.get("birth_year"), cleaned.get("years_in_work")
        if birth_year and years is not None and years > datetime.date.today().year - birth_year - 15:
            self.add_error("years_in_work", _("Số năm làm công tác dân vận quá lớn so với năm sinh."))
        return cleaned

    def validate_unique(self):
        # Uniqueness of the person is the service's rule, which names the earlier record.
        pass


class MedalMarkForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (MedalNomination.Status.AWARDED, MedalNomination.Status.AWARDED.label),
            (MedalNomination.Status.REJECTED, MedalNomination.Status.REJECTED.label),
        ]
    )
