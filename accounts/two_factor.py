"""Two-factor sign-in (django-otp: TOTP with static recovery codes).

Required, when ``settings.TWO_FACTOR_REQUIRED`` is on, for superusers and Django staff,
organiser staff and board heads, and whoever a higher app names (evaluations registers
council members); optional for everyone else. A signed-in user who has a device and has
not given a code this session is asked for one; a user who must have one and has none is
led to enrol; nothing else opens until then."""

from collections.abc import Callable

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import devices_for_user

_requirements: list[Callable] = []
RECOVERY_CODES = 10
# Whether this session must give a second factor, decided at sign-in (no query per page).
SESSION_FLAG = "dvk_two_factor"
# Pages a user half-way through signing in may open.
OPEN_PATHS = ("accounts:two_factor_verify", "accounts:two_factor_setup", "accounts:logout", "set_language")


def register_requirement(rule: Callable) -> None:
    """A higher app adds a reason to require two factors: rule(user) -> bool."""
    if rule not in _requirements:
        _requirements.append(rule)


def must_use_two_factors(user) -> bool:
    if not settings.TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff or user.is_organiser_staff:
        return True
    return any(rule(user) for rule in _requirements)


def has_device(user) -> bool:
    return any(True for _device in devices_for_user(user, confirmed=True))


def safe_next(request, default: str = "") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default or reverse(settings.LOGIN_REDIRECT_URL)


def second_factor_needed(user) -> bool:
    return has_device(user) or must_use_two_factors(user)


def note_sign_in(sender, request, user, **kwargs):
    """Receiver of user_logged_in."""
    request.session[SESSION_FLAG] = second_factor_needed(user)


class TwoFactorMiddleware:
    """After django_otp's OTPMiddleware: sends an unverified user to the code or the
    enrolment page before any other page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not user.is_verified() and not self._is_open(request.path_info):
            needed = request.session.get(SESSION_FLAG)
            if needed is None:
                needed = request.session[SESSION_FLAG] = second_factor_needed(user)
            if needed:
                name = "accounts:two_factor_verify" if has_device(user) else "accounts:two_factor_setup"
                return self._to(name, request)
        return self.get_response(request)

    @staticmethod
    def _is_open(path: str) -> bool:
        if path.startswith((settings.STATIC_URL, "/healthz")):
            return True
        return any(path == reverse(name) for name in OPEN_PATHS)

    @staticmethod
    def _to(name: str, request):
        return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
