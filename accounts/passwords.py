"""Password rules in Vietnamese. Django's validators stay the rule (AUTH_PASSWORD_VALIDATORS);
their messages are reworded by code because Django's Vietnamese catalogue lags behind
some of its messages (the "too short" one shows in English)."""

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def _message(error: ValidationError) -> str:
    params = error.params or {}
    if error.code == "password_too_short":
        return _("Mật khẩu quá ngắn: cần ít nhất %(min_length)d ký tự.") % {"min_length": params.get("min_length", 8)}
    if error.code == "password_too_similar":
        return _("Mật khẩu quá giống %(verbose_name)s.") % {"verbose_name": params.get("verbose_name", "")}
    if error.code == "password_too_common":
        return _("Mật khẩu này quá phổ biến, dễ bị đoán.")
    if error.code == "password_entirely_numeric":
        return _("Mật khẩu không được chỉ gồm chữ số.")
    return " ".join(error.messages)


def password_problems(password: str, account) -> list[str]:
    """Everything wrong with ``password`` for ``account`` (empty when it is acceptable)."""
    try:
        password_validation.validate_password(password, account)
    except ValidationError as error:
        return [_message(problem) for problem in error.error_list]
    return []
