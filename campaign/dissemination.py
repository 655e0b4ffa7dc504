"""Documents the units must disseminate (văn bản quán triệt) and the units' records that
they did: the writes, one function per change, locked and audited like the rest of the
campaign app's services (whose checks they share)."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts.models import Unit
from accounts.rules import is_staff_of_organiser

from .exceptions import AlreadyRecorded, NotAllowed, TransitionNotAllowed
from .models import Acknowledgement, Campaign, Document
from .services import _attach, _require_editable


def add_document(campaign: Campaign, *, by, number: str, date: datetime.date, title: str, file=None) -> Document:
    """A document the units must disseminate; the file is checked by content."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        _require_editable(campaign, by)
        document = Document(campaign=campaign, number=number, date=date, title=title, uploaded_by=by)
        if file is not None:
            _attach(file, document, "file")
        document.save()
        audit.record(
            by,
            "document.added",
            document,
            after={"number": number, "date": date, "title": title, "file": document.original_name},
        )
    return document


def delete_document(document: Document, *, by) -> None:
    with transaction.atomic():
        document = Document.objects.select_for_update().select_related("campaign").get(pk=document.pk)
        _require_editable(document.campaign, by)
        if document.acknowledgements.exists():
            raise TransitionNotAllowed(_("Đã có đơn vị ghi nhận quán triệt văn bản này nên không xóa được."))
        audit.record(by, "document.deleted", document, before={"number": document.number, "title": document.title})
        document.delete()


def record_acknowledgement(
    document: Document,
    unit: Unit,
    *,
    by,
    disseminated_on: datetime.date,
    form: str,
    participants: int,
    note: str = "",
) -> Acknowledgement:
    """A unit records that it has disseminated ``document``. A focal point records for
    its own unit only; the organiser's staff may record for any unit taking part."""
    with transaction.atomic():
        document = Document.objects.select_for_update().select_related("campaign").get(pk=document.pk)
        campaign = document.campaign
        if campaign.status != Campaign.Status.PUBLISHED:
            raise TransitionNotAllowed(_("Chỉ ghi nhận quán triệt văn bản của kế hoạch đang thực hiện."))
        if not campaign.covers(unit):
            raise NotAllowed(_("Đơn vị “%(unit)s” không tham gia kế hoạch này.") % {"unit": unit})
        if unit.pk not in by.focal_unit_ids() and not is_staff_of_organiser(by, campaign):
            raise NotAllowed(_("Bạn chỉ được ghi nhận quán triệt cho đơn vị của mình."))
        if disseminated_on > timezone.localdate():
            raise TransitionNotAllowed(_("Ngày quán triệt không được sau ngày hôm nay."))
        if disseminated_on < document.date:
            raise TransitionNotAllowed(
                _("Ngày quán triệt không được trước ngày văn bản (%(date)s).") % {"date": document.date.strftime("%d/%m/%Y")}
            )
        if Acknowledgement.objects.filter(document=document, unit=unit).exists():
            raise AlreadyRecorded(_("Đơn vị “%(unit)s” đã ghi nhận quán triệt văn bản này.") % {"unit": unit})
        try:
            with transaction.atomic():
                acknowledgement = Acknowledgement.objects.create(
                    document=document,
                    unit=unit,
                    disseminated_on=disseminated_on,
                    form=form,
                    participants=participants,
                    note=note,
                    recorded_by=by,
                )
        except IntegrityError as error:
            raise AlreadyRecorded(_("Đơn vị “%(unit)s” đã ghi nhận quán triệt văn bản này.") % {"unit": unit}) from error
        audit.record(
            by,
            "document.acknowledged",
            acknowledgement,
            after={
                "document": document.pk,
                "unit": unit.pk,
                "disseminated_on": disseminated_on,
                "form": form,
                "participants": participants,
            },
        )
    return acknowledgement
