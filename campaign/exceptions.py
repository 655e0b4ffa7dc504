"""Domain errors of the campaign app. Their message is a translated sentence that views
show to the user as it is."""

from accounts.errors import DomainError


class NotAllowed(DomainError):
    """The acting user may not make this change."""


class TransitionNotAllowed(DomainError):
    """The object is not in a state where this change makes sense."""


class StaleEdit(DomainError):
    """Somebody saved the object after this form was opened."""


class InvalidExtension(DomainError):
    """An extension must give a later date than the common one, to a unit of the district."""


class AlreadyRecorded(DomainError):
    """The unit has already recorded this dissemination."""
