from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

SECRET_KEY_MISSING = "SECRET_KEY must be set when DEBUG is off."  # noqa: S105 - a message, not a key


def secret_key_configured() -> bool:
    try:
        return bool(settings.SECRET_KEY)
    except ImproperlyConfigured:  # Django refuses to hand out an empty key
        return False


@checks.register(checks.Tags.security, deploy=True)
def secret_key_is_set(app_configs, **kwargs):
    if secret_key_configured():
        return []
    return [checks.Error(SECRET_KEY_MISSING, hint="export SECRET_KEY=<a long random value>", id="dvk.E001")]
