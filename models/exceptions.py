"""Domain errors of the catalogue. Their message is a translated sentence that views
show to the user as it is."""

from accounts.errors import DomainError


class NotRecognised(DomainError):
    """Only a model recognised in some campaign may be shown to the public."""


class TransitionNotAllowed(DomainError):
    """The model is not in a state where this change makes sense."""


class StaleEdit(DomainError):
    """Somebody saved the model after this form was opened."""
