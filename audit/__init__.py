"""The audit ledger. ``audit.record(actor, action, obj, before=..., after=...)`` is the
one way every app writes an entry."""


def record(actor, action, obj=None, *, before=None, after=None):
    from .services import record as _record

    return _record(actor, action, obj, before=before, after=after)
