"""Credential changes, recorded in the ledger, and the rate limit on reset e-mails.

Every way a password changes goes through ``record_password_change``: one's own change,
a reset by e-mail link and the Django admin's password form (staff setting one from the
portal is ``account.password_set``, written by ``services.set_password_for``).
The password itself never reaches the ledger."""

import datetime

from django.conf import settings
from django.utils import timezone

import audit

from .models import PasswordResetRequest, User

OWN, RESET, ADMIN = "own", "reset", "admin"
# One client address may ask for this many times the per-address limit of e-mails.
PER_CLIENT_FACTOR = 10


def record_password_change(account: User, *, by: User | None, how: str) -> None:
    audit.record(by, "account.password_changed", account, after={"how": how})


def reset_email_allowed(email: str, client_address: str) -> bool:
    """Whether a reset e-mail may go to ``email`` now; the request is counted either way.
    At most PASSWORD_RESET_LIMIT e-mails to one address per window, and ten times that
    from one client address, so that nobody fills a mailbox or the outgoing queue."""
    email = email.strip().lower()
    since = timezone.now() - datetime.timedelta(minutes=settings.PASSWORD_RESET_WINDOW_MINUTES)
    recent = PasswordResetRequest.objects.filter(created_at__gte=since, sent=True)
    allowed = recent.filter(email=email).count() < settings.PASSWORD_RESET_LIMIT
    if allowed and client_address:
        allowed = recent.filter(client_address=client_address).count() < settings.PASSWORD_RESET_LIMIT * PER_CLIENT_FACTOR
    PasswordResetRequest.objects.create(email=email, client_address=client_address or "", sent=allowed)
    return allowed
