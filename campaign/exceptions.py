"""Domain errors of the campaign app. Their message is a translated sentence that views
show to the user as it is."""


class DomainError(Exception):
    """A change the plan refuses; ``message`` says why, in the user's language."""

    def __init__(self, message):
        self.message = message
        super().__init__(message)


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
