"""Idempotent forms: every rendered form carries a token of its own; the POST that
claims it first does the work, in the same transaction, and any repeat of that POST
(a double click, a browser resending, many at once) finds the token taken and does
nothing. A repeat waits for the first to commit, so it never sees a half-done state."""

import datetime
import uuid

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import SubmittedForm

TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
# A token only has to outlive the double click and the resend of a slow network.
KEEP_TOKENS = datetime.timedelta(days=2)


class OnceOnlyFormMixin(forms.Form):
    """Adds the hidden ``form_token``; a fresh one each time the form is rendered
    unbound, the posted one kept when a bound form is shown again with its errors."""

    form_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_FIELD].initial = uuid.uuid4().hex

    def clean(self):
        """The token leaves ``cleaned_data`` (what services receive) for ``once_token``."""
        cleaned = super().clean()
        self.once_token = cleaned.pop(TOKEN_FIELD, "") or ""
        return cleaned


def claim(token: str, user) -> bool:
    """Take ``token`` for this POST inside the caller's transaction. False when another
    POST of the same form already took it. No token (an old page): nothing to check."""
    if not token:
        return True
    try:
        with transaction.atomic():
            SubmittedForm.objects.create(token=token, user=user)
    except IntegrityError:
        return False
    SubmittedForm.objects.filter(submitted_at__lt=timezone.now() - KEEP_TOKENS).delete()
    return True
