"""The one base of every refusal a service can give (a rule, a state, a stale form):
``message`` is the sentence, in the user's language, that the views show as it is. Each
app's errors derive from it (accounts.exceptions, campaign.exceptions, models.exceptions,
registrations.exceptions, evaluations.exceptions, evaluations.awards.exceptions,
reports.exceptions), so that a view running a service catches one class; ``run_action``
runs a button's service and shows its refusal or its success as a message."""

from django.contrib import messages
from django.shortcuts import redirect


class DomainError(Exception):
    """A change the portal refuses; ``message`` says why."""

    def __init__(self, message=""):
        self.message = str(message)
        super().__init__(self.message)

    def __str__(self):
        return self.message


def run_action(request, action, success_message, redirect_to):
    """Run a service for a POST button and go back to ``redirect_to``: its refusal is
    shown as an error message, its success as ``success_message`` (or, when that is
    None, as the sentence the action returns)."""
    try:
        result = action()
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, result if success_message is None else success_message)
    return redirect(redirect_to)
