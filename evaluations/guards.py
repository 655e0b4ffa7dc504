"""The checks every appraisal service makes first: lock the council row (which serialises
scoring, criteria edits, reopening and finalising of one campaign) and refuse a step to
the wrong person or after the results were sealed."""

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from campaign.models import Campaign

from .exceptions import NotAllowed, ResultsFinalised
from .models import Council, CouncilMember, Scoresheet
from .rules import is_staff_of_campaign


def lock_council(council: Council) -> Council:
    return Council.objects.select_for_update().select_related("campaign").get(pk=council.pk)


def require_staff(by, campaign: Campaign) -> None:
    if not is_staff_of_campaign(by, campaign):
        raise NotAllowed(_("Chỉ chuyên viên của đơn vị tổ chức kế hoạch mới thực hiện được việc này."))


def require_not_finalised(council: Council) -> None:
    if council.is_finalised:
        raise ResultsFinalised()


def require_chair(by, council: Council) -> CouncilMember:
    seat = CouncilMember.objects.filter(council=council, user=by, position=CouncilMember.Position.CHAIR).first()
    if seat is None:
        raise NotAllowed(_("Chỉ Chủ tịch Hội đồng thẩm định mới thực hiện được việc này."))
    return seat


def sheet_state(sheet: Scoresheet | None) -> dict:
    if sheet is None:
        return {}
    scores = {str(score.criterion_id): (str(score.points) if score.points is not None else None) for score in sheet.scores.all()}
    return {"status": sheet.status, "version": sheet.version, "scores": scores, "comment": sheet.comment}


def date_time(value: datetime.datetime | None) -> str:
    return formats.date_format(timezone.localtime(value), "H:i d/m/Y") if value else "–"
