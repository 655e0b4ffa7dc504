import os

from django.core.asgi import get_asgi_application
from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()

from accounts.checks import SECRET_KEY_MISSING, secret_key_configured  # noqa: E402 - needs the app registry

if not secret_key_configured():
    raise ImproperlyConfigured(SECRET_KEY_MISSING)
