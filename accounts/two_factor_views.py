"""Enrolment and the second step of signing in. The QR code is an SVG drawn on the
server (segno), so nothing comes from another site."""

from base64 import b32encode

import segno
from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views import View
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

import audit

from .two_factor import RECOVERY_CODES, has_device, must_use_two_factors, safe_next

SESSION_CODES = "dvk_recovery_codes"
TOTP_NAME, RECOVERY_NAME = "Ứng dụng xác thực", "Mã dự phòng"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


class VerifyView(LoginRequiredMixin, View):
    """The second step: a code from the app, or one of the recovery codes."""

    template_name = "accounts/two_factor_verify.html"

    def get(self, request):
        if request.user.is_verified() or not has_device(request.user):
            return redirect(safe_next(request))
        return render(request, self.template_name, {"form": CodeForm(), "next": safe_next(request)})

    def post(self, request):
        form = CodeForm(request.POST)
        if form.is_valid():
            code = form.cleaned_data["code"]
            # Six digits come from the app, anything else is a recovery code: each kind is
            # checked (and throttled after failures) on its own device only.
            kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
            devices = [device for device in devices_for_user(request.user) if isinstance(device, kind)]
            if devices and not any(device.verify_is_allowed()[0] for device in devices):
                form.add_error("code", _("Bạn đã nhập sai nhiều lần. Hãy chờ một lát rồi thử lại."))
            else:
                device = next((device for device in devices if device.verify_token(code)), None)
                if device is not None:
                    otp_login(request, device)
                    if kind is StaticDevice:
                        audit.record(request.user, "account.recovery_code_used", request.user)
                    return redirect(safe_next(request))
                form.add_error("code", _("Mã không đúng hoặc đã hết hạn. Hãy nhập mã mới nhất trên ứng dụng."))
        return render(request, self.template_name, {"form": form, "next": safe_next(request)})


def _pending_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)


def _qr_svg(device: TOTPDevice) -> str:
    return mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=5, title=str(_("Mã QR để thêm tài khoản"))))  # noqa: S308 - segno's own SVG


class SetupView(LoginRequiredMixin, View):
    """Enrolment: scan the QR code (or type the key), confirm with a code, then the
    recovery codes are shown once."""

    template_name = "accounts/two_factor_setup.html"

    def _page(self, request, form, device):
        secret = b32encode(device.bin_key).decode()
        context = {
            "form": form,
            "qr": _qr_svg(device),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "required": must_use_two_factors(request.user),
            "next": safe_next(request),
        }
        return render(request, self.template_name, context)

    def get(self, request):
        if has_device(request.user):
            return redirect(safe_next(request))
        return self._page(request, CodeForm(), _pending_device(request.user))

    def post(self, request):
        if has_device(request.user):
            return redirect(safe_next(request))
        device = _pending_device(request.user)
        form = CodeForm(request.POST)
        if form.is_valid() and device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                recovery = StaticDevice.objects.create(user=request.user, name=RECOVERY_NAME, confirmed=True)
                codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
                StaticToken.objects.bulk_create([StaticToken(device=recovery, token=code) for code in codes])
                audit.record(request.user, "account.two_factor_enrolled", request.user)
            otp_login(request, device)
            request.session[SESSION_CODES] = codes
            return redirect(f"{reverse('accounts:two_factor_codes')}?{urlencode({'next': safe_next(request)})}")
        if form.is_valid():
            form.add_error("code", _("Mã không đúng. Hãy nhập mã đang hiện trên ứng dụng (đổi sau mỗi 30 giây)."))
        return self._page(request, form, device)


class RecoveryCodesView(LoginRequiredMixin, View):
    """The recovery codes, once: they leave the session as they are shown."""

    def get(self, request):
        codes = request.session.pop(SESSION_CODES, None)
        if not codes:
            return redirect(safe_next(request))
        return render(request, "accounts/two_factor_codes.html", {"codes": codes, "next": safe_next(request)})
