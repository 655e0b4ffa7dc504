"""``deadline_for``: the one answer to "when is this unit due" (extensions included)."""

from accounts.models import Unit

from .models import Campaign, Deadline, DueDate


def deadline_for(campaign: Campaign, kind: str, unit: Unit | None = None) -> DueDate | None:
    """The due date of ``kind`` in ``campaign`` for ``unit``; None when the campaign
    sets no such deadline. Custom deadlines are not looked up by kind."""
    deadline = Deadline.objects.filter(campaign=campaign, kind=kind).exclude(kind=Deadline.Kind.CUSTOM).first()
    if deadline is None:
        return None
    extension = None
    if unit is not None:
        extension = deadline.extensions.filter(unit=unit).first()
    if extension is not None:
        return DueDate(deadline=deadline, due_date=extension.due_date, extension=extension)
    return DueDate(deadline=deadline, due_date=deadline.due_date)
