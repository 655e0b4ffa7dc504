"""Two-factor sign-in: who must enrol, enrolment, codes and recovery codes."""

import os
import re
import subprocess
import sys
from base64 import b32decode

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditEntry
from tests.factories import CouncilMemberFactory, UserFactory
from tests.factories.accounts import TEST_PASSWORD


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def _signed_in(user) -> Client:
    client = Client()
    assert client.post(reverse("accounts:login"), {"username": user.username, "password": TEST_PASSWORD}).status_code == 302
    return client


def code_for(secret: str, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows for ``secret`` (base32), now or a step later."""
    key = b32decode(secret.replace(" ", ""))
    return f"{totp(key, t0=-30 * steps_ahead):06d}"


def _enrol(client) -> tuple[str, list[str]]:
    page = client.get(reverse("accounts:two_factor_setup")).content.decode()
    secret = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', page).group(1)
    response = client.post(reverse("accounts:two_factor_setup"), {"code": code_for(secret)}, follow=True)
    codes = re.findall(r'<li class="col">([a-z0-9]+)</li>', response.content.decode())
    return secret, codes


def test_staff_without_a_device_is_led_to_enrol_before_any_page(required, staff_user):
    client = _signed_in(staff_user)
    for url in (reverse("home"), reverse("accounts:manage_users"), reverse("accounts:profile")):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:two_factor_setup"))
    page = client.get(reverse("accounts:two_factor_setup")).content.decode()
    assert "<svg" in page and "Bật xác thực hai bước" in page
    assert "https://" not in page.split("<svg", 1)[1].split("</svg>", 1)[0].replace("http://www.w3.org", "")


def test_a_wrong_code_is_refused_in_vietnamese_and_enrols_nothing(required, staff_user):
    client = _signed_in(staff_user)
    client.get(reverse("accounts:two_factor_setup"))
    response = client.post(reverse("accounts:two_factor_setup"), {"code": "000000"})
    assert "Mã không đúng" in response.content.decode()
    assert list(TOTPDevice.objects.filter(user=staff_user).values_list("confirmed", flat=True)) == [False]
    assert client.get(reverse("home")).status_code == 302


def test_enrolment_shows_ten_recovery_codes_once_and_opens_the_portal(required, staff_user):
    client = _signed_in(staff_user)
    _secret, codes = _enrol(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get(reverse("accounts:two_factor_codes")).status_code == 302  # shown once
    assert client.get(reverse("home")).status_code == 200
    assert AuditEntry.objects.filter(action="account.two_factor_enrolled", object_id=str(staff_user.pk)).count() == 1


def test_the_next_sign_in_asks_for_a_code_and_takes_an_app_code_or_a_recovery_code_once(required, staff_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code otherwise holds the next try back a second
    secret, codes = _enrol(_signed_in(staff_user))
    client = _signed_in(staff_user)
    response = client.get(reverse("accounts:manage_users"))
    assert response.url == f"{reverse('accounts:two_factor_verify')}?next=%2Faccounts%2Fmanage%2Fusers%2F"
    response = client.post(reverse("accounts:two_factor_verify"), {"code": "123 456", "next": "/accounts/manage/users/"})
    assert "Mã không đúng hoặc đã hết hạn" in response.content.decode()
    response = client.post(reverse("accounts:two_factor_verify"), {"code": code_for(secret, 1), "next": "/accounts/manage/users/"})
    assert response.url == "/accounts/manage/users/"
    assert client.get(reverse("accounts:manage_users")).status_code == 200
    # A recovery code works once.
    for expected in (302, 200):
        other = _signed_in(staff_user)
        response = other.post(reverse("accounts:two_factor_verify"), {"code": codes[0]})
        assert response.status_code == expected
    assert other.get(reverse("home")).status_code == 302


def test_the_code_page_will_not_redirect_to_another_site(required, staff_user):
    secret, _codes = _enrol(_signed_in(staff_user))
    client = _signed_in(staff_user)
    response = client.post(reverse("accounts:two_factor_verify"), {"code": code_for(secret, 1), "next": "https://evil.example/"})
    assert response.url == reverse("home")


def test_council_members_and_superusers_must_enrol_focal_points_may(required, focal_user, db):
    member = CouncilMemberFactory().user
    superuser = UserFactory(is_superuser=True)
    for user in (member, superuser):
        assert _signed_in(user).get(reverse("home")).url.startswith(reverse("accounts:two_factor_setup"))
    focal = _signed_in(focal_user)
    assert focal.get(reverse("home")).status_code == 200
    assert "Bật xác thực hai bước" in focal.get(reverse("accounts:profile")).content.decode()
    _enrol(focal)
    # Once enrolled, a focal point gives a code too.
    assert _signed_in(focal_user).get(reverse("home")).url.startswith(reverse("accounts:two_factor_verify"))


def test_with_the_setting_off_nobody_is_asked(staff_user):
    assert _signed_in(staff_user).get(reverse("home")).status_code == 200


def test_the_page_asking_for_a_code_fits_a_phone(required, staff_user):
    page = _signed_in(staff_user).get(reverse("accounts:two_factor_setup")).content.decode()
    assert 'name="viewport" content="width=device-width' in page
    assert 'inputmode="numeric"' in page and 'autocomplete="one-time-code"' in page


@pytest.mark.parametrize(("debug", "expected"), [("0", "True"), ("1", "False")])
def test_two_factors_are_required_by_default_outside_debug_only(debug, expected):
    env = {k: v for k, v in os.environ.items() if k not in {"DVK_TESTING", "DJANGO_SETTINGS_MODULE", "TWO_FACTOR_REQUIRED"}}
    env.update(DEBUG=debug, SECRET_KEY="k" * 60, ALLOWED_HOSTS="dvk.example.gov.vn")
    script = "import django; django.setup(); from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)"
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    result = subprocess.run([sys.executable, "-c", script], cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == expected, result.stderr

