import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Vietnamese unless the user chose another language with the switcher.

    Office computers often run an English browser; its Accept-Language header must not
    turn the portal English for people who never asked for it."""

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


IDLE_KEY = "dvk_last_seen"
# The time seen is rewritten at most this often, so that pages rarely write the session;
# the sign-out waits that much longer, so nobody is signed out before the full timeout.
IDLE_RESOLUTION_SECONDS = 300


def note_sign_in(sender, request, user, **kwargs):
    """Receiver of user_logged_in: the idle clock starts at sign-in."""
    request.session[IDLE_KEY] = int(time.time())


class IdleTimeoutMiddleware:
    """Signs out a session left unused for SESSION_IDLE_TIMEOUT_MINUTES, wherever it was
    opened; the next page asks to sign in again and says why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(IDLE_KEY)
            if last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT_MINUTES * 60 + IDLE_RESOLUTION_SECONDS:
                logout(request)
                messages.info(request, _("Phiên làm việc đã hết hạn vì lâu không thao tác. Vui lòng đăng nhập lại."))
                return redirect_to_login(request.get_full_path())
            if last_seen is None or now - last_seen >= IDLE_RESOLUTION_SECONDS:
                request.session[IDLE_KEY] = now
        return self.get_response(request)
