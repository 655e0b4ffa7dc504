"""The "Việc cần làm" list of the home page. Accounts is the lowest app, so it cannot
compute what a person owes; the app that does (notifications.obligations, also read by
the reminder sweep) registers a provider here from its AppConfig.ready()."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TodoItem:
    title: str
    url: str
    due_date: datetime.date | None = None
    details: tuple[str, ...] = field(default_factory=tuple)

    def days_left(self, today: datetime.date) -> int | None:
        return None if self.due_date is None else (self.due_date - today).days


_providers: list[Callable[..., list[TodoItem]]] = []


def register(provider: Callable[..., list[TodoItem]]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def todo_for(user) -> list[TodoItem]:
    """Everything the user must do, most urgent (earliest due) first."""
    items = [item for provider in _providers for item in provider(user)]
    return sorted(items, key=lambda item: (item.due_date or datetime.date.max, item.title))
