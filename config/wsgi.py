import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

from accounts.checks import SECRET_KEY_MISSING, secret_key_configured  # noqa: E402 - needs the app registry

if not secret_key_configured():
    raise ImproperlyConfigured(SECRET_KEY_MISSING)
