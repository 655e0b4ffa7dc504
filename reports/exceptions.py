"""Domain errors of the reports app. Their message is a translated sentence that views
show to the user as it is."""

from django.utils.translation import gettext as _

from accounts.errors import DomainError


class ReportExists(DomainError):
    """A campaign has one report of each kind."""


class ReportSigned(DomainError):
    """A signed report is read-only."""


class NotAllowed(DomainError):
    """The user may not make this change (signing needs the board head of the district)."""


class IncompleteReport(DomainError):
    """Something the signed document must show is missing."""


class StaleEdit(DomainError):
    """Somebody saved the report after this form was opened."""


class NeedsConfirmation(DomainError):
    """Signing while something is not ready needs the head to confirm each point."""

    def __init__(self, items):
        self.items = items
        lines = "; ".join(item.text for item in items)
        super().__init__(_("Chưa ký: cần xác nhận từng điểm chưa hoàn thành – %(items)s.") % {"items": lines})
