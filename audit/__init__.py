"""The audit ledger. ``audit.record(actor, action, obj, before=..., after=...)`` is the
one way every app writes an entry; ``audit.record_many(actor, [audit.Change(action, obj,
before=..., after=...), ...])`` writes many at once, in a constant number of queries."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    """One entry for ``record_many``: what ``record`` takes after the actor."""

    action: str
    obj: object = None
    before: object = None
    after: object = None


def record(actor, action, obj=None, *, before=None, after=None):
    from .services import record as _record

    return _record(actor, action, obj, before=before, after=after)


def record_many(actor, changes, *, chain=None):
    """Many entries at once, in a constant number of queries (``audit.Change`` each)."""
    from .services import record_many as _record_many

    return _record_many(actor, changes, chain=chain)


def apply_changes(obj, values: dict) -> tuple[dict, dict]:
    """Set on ``obj`` each value that differs from what it holds; return (before, after)
    of just those fields, ready for ``record`` (and for ``save(update_fields=after)``)."""
    before, after = {}, {}
    for name, value in values.items():
        current = getattr(obj, name)
        if current != value:
            before[name], after[name] = current, value
            setattr(obj, name, value)
    return before, after
