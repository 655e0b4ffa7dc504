"""The campaign app's own entries in the dashboard registry (``campaign.dashboard``):
the "documents disseminated" column of the unit grid and the documents a unit still has
to disseminate on its home page. Registered in CampaignConfig.ready()."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .dashboard import Cell, Column, Obligation
from .models import Acknowledgement, Document
from .selectors import documents_pending_for


def documents_disseminated(campaign, units) -> dict[int, Cell]:
    """ "2/3": how many of the campaign's documents each unit has disseminated. Two queries."""
    total = Document.objects.filter(campaign=campaign).count()
    unit_ids = [unit.pk for unit in units]
    done = dict(
        Acknowledgement.objects.filter(document__campaign=campaign, unit_id__in=unit_ids)
        .values("unit_id")
        .annotate(n=Count("pk"))
        .values_list("unit_id", "n")
    )
    cells = {}
    for unit_id in unit_ids:
        count = done.get(unit_id, 0)
        if total == 0:
            cells[unit_id] = Cell(text="—", level="secondary", title=_("Chưa có văn bản cần quán triệt"))
            continue
        level = "success" if count >= total else ("warning" if count else "danger")
        cells[unit_id] = Cell(
            text=f"{count}/{total}",
            level=level,
            title=_("Đã quán triệt %(done)s trên %(total)s văn bản") % {"done": count, "total": total},
        )
    return cells


DOCUMENTS_COLUMN = Column(
    key="documents",
    label=gettext_lazy("Quán triệt văn bản"),
    compute=documents_disseminated,
    order=10,
)


def documents_to_disseminate(user, campaign) -> list[Obligation]:
    """One obligation per document the user's units have not yet disseminated."""
    if campaign is None:
        return []
    pending = documents_pending_for(campaign, user.focal_unit_ids())
    return [
        Obligation(
            title=_("Quán triệt văn bản %(number)s: %(title)s") % {"number": document.number, "title": document.title},
            url=reverse("campaign:acknowledge", args=[document.pk]) + f"?unit={unit.pk}",
            detail=str(unit),
            sort_key=(document.date, document.pk, unit.pk),
        )
        for unit, document in pending
    ]
