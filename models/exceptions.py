"""Domain errors of the catalogue. Their message is a translated sentence that views
show to the user as it is."""


class DomainError(Exception):
    """A change the catalogue refuses; ``message`` says why, in the user's language."""

    def __init__(self, message):
        self.message = message
        super().__init__(message)


class NotRecognised(DomainError):
    """Only a model recognised in some campaign may be shown to the public."""


class TransitionNotAllowed(DomainError):
    """The model is not in a state where this change makes sense."""


class StaleEdit(DomainError):
    """Somebody saved the model after this form was opened."""
