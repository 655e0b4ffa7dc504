"""``deadline_for``: the one answer to "when is this unit due" (extensions included)."""

from accounts.models import Unit

from .models import Campaign, Deadline, DeadlineExtension, DueDate


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


def due_dates_for(campaign: Campaign, unit: Unit | None = None, audience: str | None = None) -> list[DueDate]:
    """Every deadline of ``campaign`` (custom ones too) as ``deadline_for`` would answer it
    for ``unit``, in two queries: the unit home page lists them all at once."""
    deadlines = Deadline.objects.filter(campaign=campaign).order_by("due_date", "pk")
    if audience is not None:
        deadlines = deadlines.filter(audience=audience)
    deadlines = list(deadlines)
    extensions = {}
    if unit is not None and deadlines:
        extensions = {ext.deadline_id: ext for ext in DeadlineExtension.objects.filter(deadline__in=deadlines, unit=unit)}
    found = []
    for deadline in deadlines:
        extension = extensions.get(deadline.pk)
        if extension is not None:
            found.append(DueDate(deadline=deadline, due_date=extension.due_date, extension=extension))
        else:
            found.append(DueDate(deadline=deadline, due_date=deadline.due_date))
    return sorted(found, key=lambda due: (due.due_date, due.deadline.pk))


def due_dates_by_kind(campaign: Campaign, unit: Unit | None = None) -> dict[str, DueDate]:
    """{kind: what ``deadline_for(campaign, kind, unit)`` answers} for every kind the
    campaign sets (custom deadlines aside), in two queries: a page that shows several."""
    return {due.deadline.kind: due for due in due_dates_for(campaign, unit) if due.deadline.kind != Deadline.Kind.CUSTOM}
