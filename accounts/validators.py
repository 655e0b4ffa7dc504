"""Django's password validators with Vietnamese messages: Django's own Vietnamese
catalogue lags behind some of its 5.2 messages, which would show in English."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "Mật khẩu quá ngắn: cần ít nhất %(min_length)d ký tự.",
            "Mật khẩu quá ngắn: cần ít nhất %(min_length)d ký tự.",
            self.min_length,
        ) % {"min_length": self.min_length}

    def get_help_text(self):
        return _("Mật khẩu cần ít nhất %(min_length)d ký tự.") % {"min_length": self.min_length}


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            raise ValidationError(
                _("Mật khẩu quá giống thông tin tài khoản (tên đăng nhập, họ tên hoặc thư điện tử)."),
                code="password_too_similar",
                params=error.params,
            ) from error

    def get_help_text(self):
        return _("Mật khẩu không được giống thông tin cá nhân của bạn.")


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return _("Mật khẩu này quá phổ biến, dễ bị đoán.")

    def get_help_text(self):
        return _("Không dùng mật khẩu phổ biến, dễ đoán.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self):
        return _("Mật khẩu không được chỉ gồm chữ số.")

    def get_help_text(self):
        return _("Mật khẩu không được chỉ gồm chữ số.")


# Published with the demo (README, DESIGN §10): anyone can try it on any server.
DEMO_PASSWORDS = frozenset({"danvankheo2020"})


class DemoPasswordValidator:
    """Refuses the published demo password as a new password outside DEBUG (the demo
    itself, run with DEBUG, keeps it usable)."""

    def validate(self, password, user=None):
        from django.conf import settings

        if not settings.DEBUG and password.strip().lower() in DEMO_PASSWORDS:
            raise ValidationError(
                _("Đây là mật khẩu của bản trình diễn, ai cũng biết: hãy chọn mật khẩu khác."), code="password_demo"
            )

    def get_help_text(self):
        return _("Không dùng mật khẩu của bản trình diễn.")
