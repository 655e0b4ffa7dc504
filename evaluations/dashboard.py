"""What the appraisal adds to the campaign dashboard (a column per unit) and to a focal
point's home page (their published results). Registered in EvaluationsConfig.ready()."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from campaign.dashboard import Cell, Obligation
from campaign.models import Campaign
from registrations.models import Registration, Status

from .models import Council


def appraisal_cells(campaign: Campaign, units) -> dict:
    """Per unit: registrations in the appraisal and, once finalised, how many were
    recognised. Two queries whatever the number of units."""
    unit_ids = [unit.pk for unit in units]
    counts = {
        row["unit_id"]: row
        for row in Registration.objects.filter(campaign=campaign, unit_id__in=unit_ids, status__in=Status.IN_APPRAISAL)
        .values("unit_id")
        .annotate(total=Count("pk"), recognised=Count("pk", filter=Q(status=Status.RECOGNISED)))
    }
    finalised = Council.objects.filter(campaign=campaign, finalised_at__isnull=False).exists()
    cells = {}
    for unit_id in unit_ids:
        row = counts.get(unit_id)
        if row is None:
            cells[unit_id] = Cell(text="—", level="secondary", title=_("Không có hồ sơ đưa vào thẩm định"))
        elif finalised:
            level = "success" if row["recognised"] else "warning"
            cells[unit_id] = Cell(
                text=f"{row['recognised']}/{row['total']}",
                level=level,
                title=_("%(recognised)s trên %(total)s hồ sơ được công nhận") % row,
            )
        else:
            cells[unit_id] = Cell(text=str(row["total"]), level="info", title=_("%(total)s hồ sơ đang được thẩm định") % row)
    return cells


def published_results_obligations(user, campaign: Campaign) -> list:
    """On a focal point's home page: their results, once published."""
    if campaign is None or not user.focal_unit_ids():
        return []
    council = Council.objects.filter(campaign=campaign, results_published_at__isnull=False).first()
    if council is None:
        return []
    return [
        Obligation(
            title=_("Xem kết quả thẩm định mô hình, điển hình năm %(year)s") % {"year": campaign.year},
            url=reverse("evaluations:unit_results"),
            done=True,
            detail=_("Kết quả đã được công bố"),
            sort_key=(9,),
        )
    ]
