"""The audit ledger. ``audit.record(actor, action, obj, before=..., after=...)`` is the
one way every app writes an entry."""


def record(actor, action, obj=None, *, before=None, after=None):
    from .services import record as _record

    return _record(actor, action, obj, before=before, after=after)


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
