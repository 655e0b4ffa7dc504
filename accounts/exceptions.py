from dataclasses import dataclass

from .errors import DomainError


class AccountError(DomainError):
    """A refused change to a unit or an account; ``str(error)`` is shown to the user."""


@dataclass(frozen=True)
class RowError:
    """Everything wrong with one row of an import file (number as Excel shows it)."""

    number: int
    messages: tuple[str, ...]


class ImportRejected(AccountError):
    """Nothing was imported: the file itself is unusable (message) or some rows are
    wrong (rows, every bad row with all its reasons)."""

    def __init__(self, message: str = "", rows: list[RowError] | None = None):
        self.rows = rows or []
        super().__init__(message)
