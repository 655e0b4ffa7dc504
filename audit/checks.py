from django.conf import settings
from django.core import checks

AUDIT_KEY_DERIVED = "AUDIT_HMAC_KEY is not set: the audit ledger is sealed with a key derived from SECRET_KEY."


@checks.register(checks.Tags.security, deploy=True)
def audit_key_is_set(app_configs, **kwargs):
    if settings.DEBUG or not getattr(settings, "AUDIT_HMAC_KEY_DERIVED", False):
        return []
    return [
        checks.Warning(
            AUDIT_KEY_DERIVED,
            hint="export AUDIT_HMAC_KEY=<a long random value kept outside the database>; changing SECRET_KEY "
            "would otherwise make every sealed entry fail verify_audit.",
            id="dvk.W010",
        )
    ]
