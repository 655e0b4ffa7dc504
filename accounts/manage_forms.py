"""Forms of the account-management pages. They check what a person can fix by typing;
the services re-check what the database must guarantee."""

from django import forms
from django.contrib.auth.validators import ASCIIUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .collation import by_name
from .models import User
from .passwords import password_problems
from .selectors import member_units_manageable_by, units_manageable_by
from .services import username_taken
from .unit_import import PHONE

PHONE_VALIDATOR = RegexValidator(PHONE, _("Số điện thoại chỉ gồm chữ số, dấu cách và các ký tự + ( ) . -"))


def _search_input(placeholder):
    return forms.TextInput(attrs={"type": "search", "class": "form-control", "placeholder": placeholder})


AUTOSUBMIT_SELECT = {"class": "form-select", "data-autosubmit": ""}


class AccountFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm"), required=False, max_length=100, widget=_search_input(_("Tên đăng nhập, họ tên, thư điện tử, điện thoại"))
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"),
        queryset=None,
        required=False,
        empty_label=_("Tất cả đơn vị"),
        widget=forms.Select(attrs=AUTOSUBMIT_SELECT),
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Mọi trạng thái")), ("active", _("Đang hoạt động")), ("inactive", _("Đã khóa"))],
        widget=forms.Select(attrs=AUTOSUBMIT_SELECT),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_manageable_by(user)


class UnitFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm"), required=False, max_length=100, widget=_search_input(_("Tên hoặc mã đơn vị")))


class ProfileFieldsForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        error_messages={"invalid": _("Thư điện tử không hợp lệ (ví dụ đúng: ten@example.vn).")},
        help_text=_("Dùng để lấy lại mật khẩu khi quên."),
    )
    phone = forms.CharField(label=_("Điện thoại"), max_length=30, required=False, validators=[PHONE_VALIDATOR])


class NewPasswordFieldsForm(forms.Form):
    password1 = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Ít nhất 8 ký tự, không toàn số, không quá dễ đoán, không giống tên đăng nhập."),
    )
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def account_for_password_check(self) -> User:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Hai lần nhập mật khẩu không khớp nhau."))
        elif password1:
            for problem in password_problems(password1, self.account_for_password_check()):
                self.add_error("password1", problem)
        return cleaned


class FocalPointCreateForm(ProfileFieldsForm, NewPasswordFieldsForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None, empty_label=_("— Chọn đơn vị —"))
    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        validators=[ASCIIUsernameValidator()],
        error_messages={"invalid": _("Tên đăng nhập chỉ gồm chữ cái không dấu, số và các ký tự @ . + - _ (không có dấu cách).")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    field_order = ["unit", "username", "full_name", "position", "email", "phone", "password1", "password2"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].label = _("Mật khẩu ban đầu")
        self.fields["unit"].queryset = member_units_manageable_by(user)

    def clean_username(self):
        username = self.cleaned_data["username"]
        if username_taken(username):
            raise ValidationError(_("Tên đăng nhập “%(username)s” đã có người dùng."), params={"username": username})
        return username

    def account_for_password_check(self) -> User:
        data = self.cleaned_data
        return User(username=data.get("username", ""), full_name=data.get("full_name", ""), email=data.get("email", ""))


class AccountUpdateForm(ProfileFieldsForm):
    pass


class SetPasswordForm(NewPasswordFieldsForm):
    def __init__(self, *args, account: User, **kwargs):
        self.account = account
        super().__init__(*args, **kwargs)
        self.fields["password1"].label = _("Mật khẩu mới")

    def account_for_password_check(self) -> User:
        return self.account


class DeactivateForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do khóa"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ví dụ: cán bộ đã chuyển công tác. Lý do được ghi vào nhật ký."),
    )


class ImportForm(forms.Form):
    district = forms.ModelChoiceField(label=_("Đơn vị tổ chức"), queryset=None, empty_label=None)
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx)"),
        error_messages={"required": _("Chưa chọn tệp để nhập."), "empty": _("Tệp tải lên không có nội dung.")},
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = user.organisers().order_by(by_name())
        if len(user.organiser_ids()) == 1:
            self.fields["district"].initial = next(iter(user.organiser_ids()))
            self.fields["district"].widget = forms.HiddenInput()
