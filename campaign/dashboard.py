"""Extension points of the district dashboard and the unit home page.

The campaign app sits below registrations and evaluations, so it cannot ask them what a
unit has done. Instead they register here, in their AppConfig.ready():

- a dashboard Column: ``compute(campaign, units)`` returns {unit_id: Cell} for the grid of
  units × what each has done, in a constant number of queries whatever the unit count;
- an obligations provider: ``provider(user, campaign)`` returns the Obligations (what the
  user's unit owes next) shown on the unit home page.

The dashboard renders every registered column, in ``order``, with one ``compute`` call
each; the unit home page shows ``ordered(obligations_for(user, campaign))``. The campaign
app registers its own "documents disseminated" column and its documents-to-disseminate
obligations the same way (campaign/columns.py).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Cell:
    text: str
    level: str = "secondary"  # Bootstrap contextual class: success, warning, danger, info, secondary
    title: str = ""


@dataclass(frozen=True)
class Column:
    key: str
    label: Any  # a lazy translated string
    compute: Callable[..., dict[int, Cell]]
    order: int = 100


@dataclass
class Obligation:
    title: Any
    url: str = ""
    due: Any = None  # campaign.models.DueDate or None
    done: bool = False
    detail: Any = ""
    sort_key: tuple = field(default_factory=tuple)


_columns: dict[str, Column] = {}
_obligation_providers: list[Callable[..., list[Obligation]]] = []


def register_column(column: Column) -> None:
    _columns[column.key] = column


def columns() -> list[Column]:
    return sorted(_columns.values(), key=lambda column: (column.order, column.key))


def register_obligations(provider: Callable[..., list[Obligation]]) -> None:
    if provider not in _obligation_providers:
        _obligation_providers.append(provider)


def obligations_for(user, campaign) -> list[Obligation]:
    found: list[Obligation] = []
    for provider in _obligation_providers:
        found.extend(provider(user, campaign))
    return found


def _when(obligation: Obligation) -> datetime.date:
    if obligation.due is not None:
        return obligation.due.due_date
    for part in obligation.sort_key or ():
        if isinstance(part, datetime.date):
            return part
    return datetime.date.max


def _comparable(sort_key) -> tuple:
    # Providers shape their sort keys differently (dates, numbers, strings): compare each
    # part only with parts of its own type.
    return tuple((type(part).__name__, part) for part in sort_key or ())


def ordered(obligations: list[Obligation]) -> list[Obligation]:
    """Outstanding obligations first, then by due date (or the first date of the
    provider's sort key), then by the provider's own sort key."""
    return sorted(obligations, key=lambda ob: (ob.done, _when(ob), _comparable(ob.sort_key)))
