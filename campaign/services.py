"""Every write of the campaign app: one function per state change. Each runs in one
transaction, locks the row it changes, checks the change is allowed, and appends an
audit entry."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts.models import Unit
from accounts.rules import is_staff_of_organiser

from .exceptions import InvalidExtension, NotAllowed, StaleEdit, TransitionNotAllowed
from .models import Campaign, Deadline, DeadlineExtension, PlanItem, PlanItemUpdate, PlanPeriod
from .uploads import EXTENSIONS, check_upload

CAMPAIGN_FIELDS = (
    "year",
    "title",
    "number",
    "issued_on",
    "place",
    "legal_bases",
    "preamble",
    "purposes",
    "implementation",
    "recipients",
    "signer_title",
    "signer_name",
    "coverage_depth",
    "requires_evidence",
)
ITEM_FIELDS = ("period", "order", "title", "description", "lead_unit", "due_date")
PERIOD_FIELDS = ("name", "starts_on", "ends_on", "order")
DEADLINE_FIELDS = ("kind", "title", "due_date", "audience", "reminder_offsets")


def default_periods(year: int) -> list[tuple[str, datetime.date, datetime.date]]:
    """The stages of the seed plan: the first half year, then the third and fourth quarters."""
    return [
        ("Quý I và quý II", datetime.date(year, 1, 1), datetime.date(year, 6, 30)),
        ("Quý III", datetime.date(year, 7, 1), datetime.date(year, 9, 30)),
        ("Quý IV", datetime.date(year, 10, 1), datetime.date(year, 12, 31)),
    ]


def _snapshot(obj, fields) -> dict:
    values = {}
    for name in fields:
        value = getattr(obj, name)
        if hasattr(value, "pk"):
            value = value.pk
        values[name] = value
    return values


def _require_manager(campaign: Campaign, by) -> None:
    if not is_staff_of_organiser(by, campaign):
        raise NotAllowed(_("Chỉ chuyên viên của đơn vị ban hành kế hoạch mới được thay đổi kế hoạch này."))


def _require_open(campaign: Campaign) -> None:
    if campaign.status == Campaign.Status.CLOSED:
        raise TransitionNotAllowed(_("Kế hoạch đã kết thúc, không thể thay đổi."))


def _require_editable(campaign: Campaign, by) -> None:
    """Every change to a plan's content: made by its organiser's staff, while the plan is open."""
    _require_manager(campaign, by)
    _require_open(campaign)


def _assign(obj, fields: dict, allowed: tuple, what: str) -> None:
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(f"unknown {what} field: {name}")
        setattr(obj, name, value)


def _check_version(obj, version) -> None:
    if version is not None and int(version) != obj.version:
        raise StaleEdit(
            _("Nội dung này vừa được người khác lưu sau khi bạn mở biểu mẫu. Hãy tải lại trang để xem bản mới rồi sửa lại.")
        )


def _attach(upload, instance, field_name: str) -> None:
    """Check an upload by content and attach it under a name that says its real type."""
    content_type = check_upload(upload)
    instance.original_name = upload.name[:255]
    instance.content_type = content_type
    instance.size = upload.size
    upload.name = f"file{EXTENSIONS[content_type]}"
    setattr(instance, field_name, upload)


# Campaign ------------------------------------------------------------------------------


def create_campaign(*, owner: Unit, by, with_default_periods: bool = True, **fields) -> Campaign:
    """A new draft plan issued by ``owner`` (any organising body), with the seed plan's
    three periods."""
    if not is_staff_of_organiser(by, owner):
        raise NotAllowed(_("Chỉ chuyên viên của đơn vị mới được lập kế hoạch của đơn vị."))
    unknown = set(fields) - set(CAMPAIGN_FIELDS)
    if unknown:
        raise TypeError(f"unknown campaign fields: {sorted(unknown)}")
    with transaction.atomic():
        campaign = Campaign.objects.create(owner=owner, status=Campaign.Status.DRAFT, **fields)
        audit.record(by, "campaign.created", campaign, after=_snapshot(campaign, CAMPAIGN_FIELDS))
        if with_default_periods:
            for order, (name, starts_on, ends_on) in enumerate(default_periods(campaign.year), start=1):
                create_period(campaign, by=by, name=name, starts_on=starts_on, ends_on=ends_on, order=order)
    return campaign


def update_campaign(campaign: Campaign, *, by, version=None, **fields) -> Campaign:
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().select_related("owner").get(pk=campaign.pk)
        _require_editable(campaign, by)
        _check_version(campaign, version)
        before = _snapshot(campaign, CAMPAIGN_FIELDS)
        _assign(campaign, fields, CAMPAIGN_FIELDS, "campaign")
        campaign.version += 1
        campaign.save()
        audit.record(by, "campaign.updated", campaign, before=before, after=_snapshot(campaign, CAMPAIGN_FIELDS))
    return campaign


def publish_campaign(campaign: Campaign, *, by) -> Campaign:
    """Ban hành: units, council and viewers see the plan from now on."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().select_related("owner").get(pk=campaign.pk)
        _require_manager(campaign, by)
        if campaign.status != Campaign.Status.DRAFT:
            raise TransitionNotAllowed(_("Chỉ kế hoạch đang ở dạng dự thảo mới ban hành được."))
        if not PlanItem.objects.filter(period__campaign=campaign).exists():
            raise TransitionNotAllowed(_("Kế hoạch chưa có nhiệm vụ nào; hãy thêm nhiệm vụ trước khi ban hành."))
        if not campaign.number or not campaign.issued_on:
            raise TransitionNotAllowed(_("Hãy ghi số, ký hiệu và ngày ban hành của kế hoạch trước khi ban hành."))
        before = campaign.status
        campaign.status = Campaign.Status.PUBLISHED
        campaign.version += 1
        campaign.save(update_fields=["status", "version", "updated_at"])
        audit.record(by, "campaign.published", campaign, before=before, after=campaign.status)
    return campaign


def close_campaign(campaign: Campaign, *, by) -> Campaign:
    """Kết thúc: the year is over; the plan stays readable but no longer changes."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().select_related("owner").get(pk=campaign.pk)
        _require_manager(campaign, by)
        if campaign.status != Campaign.Status.PUBLISHED:
            raise TransitionNotAllowed(_("Chỉ kế hoạch đã ban hành mới kết thúc được."))
        before = campaign.status
        campaign.status = Campaign.Status.CLOSED
        campaign.version += 1
        campaign.save(update_fields=["status", "version", "updated_at"])
        audit.record(by, "campaign.closed", campaign, before=before, after=campaign.status)
    return campaign


# Periods -------------------------------------------------------------------------------


def _check_period_dates(starts_on, ends_on) -> None:
    if ends_on < starts_on:
        raise TransitionNotAllowed(_("Ngày kết thúc giai đoạn phải sau ngày bắt đầu."))


def create_period(campaign: Campaign, *, by, name: str, starts_on, ends_on, order: int | None = None) -> PlanPeriod:
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        _require_editable(campaign, by)
        _check_period_dates(starts_on, ends_on)
        if order is None:
            order = campaign.periods.count() + 1
        period = PlanPeriod.objects.create(campaign=campaign, name=name, starts_on=starts_on, ends_on=ends_on, order=order)
        audit.record(by, "plan_period.created", period, after=_snapshot(period, PERIOD_FIELDS))
    return period


def update_period(period: PlanPeriod, *, by, **fields) -> PlanPeriod:
    with transaction.atomic():
        period = PlanPeriod.objects.select_for_update().select_related("campaign").get(pk=period.pk)
        _require_editable(period.campaign, by)
        before = _snapshot(period, PERIOD_FIELDS)
        _assign(period, fields, PERIOD_FIELDS, "period")
        _check_period_dates(period.starts_on, period.ends_on)
        period.save()
        audit.record(by, "plan_period.updated", period, before=before, after=_snapshot(period, PERIOD_FIELDS))
    return period


def delete_period(period: PlanPeriod, *, by) -> None:
    with transaction.atomic():
        period = PlanPeriod.objects.select_for_update().select_related("campaign").get(pk=period.pk)
        _require_editable(period.campaign, by)
        if period.items.exists():
            raise TransitionNotAllowed(_("Giai đoạn còn nhiệm vụ; hãy chuyển hoặc xóa các nhiệm vụ trước."))
        audit.record(by, "plan_period.deleted", period, before=_snapshot(period, PERIOD_FIELDS))
        period.delete()


# Plan items ----------------------------------------------------------------------------


def _check_units_of_campaign(campaign: Campaign, units) -> None:
    for unit in units:
        if unit is not None and unit.pk != campaign.owner_id and not campaign.covers(unit):
            raise NotAllowed(_("Đơn vị “%(unit)s” không tham gia kế hoạch này.") % {"unit": unit})


def _item_snapshot(item: PlanItem) -> dict:
    values = _snapshot(item, ITEM_FIELDS + ("status",))
    values["coordinating_units"] = sorted(item.coordinating_units.values_list("pk", flat=True))
    return values


def create_plan_item(
    period: PlanPeriod,
    *,
    by,
    title: str,
    description: str = "",
    lead_unit: Unit | None = None,
    coordinating_units=(),
    due_date=None,
    order: int | None = None,
) -> PlanItem:
    with transaction.atomic():
        period = PlanPeriod.objects.select_for_update().select_related("campaign").get(pk=period.pk)
        _require_editable(period.campaign, by)
        _check_units_of_campaign(period.campaign, [lead_unit, *coordinating_units])
        if order is None:
            order = period.items.count() + 1
        item = PlanItem.objects.create(
            period=period, title=title, description=description, lead_unit=lead_unit, due_date=due_date, order=order
        )
        item.coordinating_units.set(coordinating_units)
        audit.record(by, "plan_item.created", item, after=_item_snapshot(item))
    return item


def update_plan_item(item: PlanItem, *, by, version=None, coordinating_units=None, **fields) -> PlanItem:
    with transaction.atomic():
        item = PlanItem.objects.select_for_update().select_related("period__campaign").get(pk=item.pk)
        campaign = item.period.campaign
        _require_editable(campaign, by)
        _check_version(item, version)
        before = _item_snapshot(item)
        _assign(item, fields, ITEM_FIELDS, "plan item")
        if item.period.campaign_id != campaign.pk:
            raise NotAllowed(_("Giai đoạn được chọn không thuộc kế hoạch này."))
        _check_units_of_campaign(campaign, [item.lead_unit, *(coordinating_units or [])])
        item.version += 1
        item.save()
        if coordinating_units is not None:
            item.coordinating_units.set(coordinating_units)
        audit.record(by, "plan_item.updated", item, before=before, after=_item_snapshot(item))
    return item


def _set_status(item: PlanItem, status: str, by, on: datetime.date) -> None:
    if status not in PlanItem.Status.values:
        raise TransitionNotAllowed(_("Trạng thái không hợp lệ."))
    if item.status == status:
        raise TransitionNotAllowed(_("Nhiệm vụ đã ở trạng thái “%(status)s”.") % {"status": PlanItem.Status(status).label})
    before = item.status
    item.status = status
    item.completed_on = on if status == PlanItem.Status.DONE else None
    item.version += 1
    item.save(update_fields=["status", "completed_on", "version", "updated_at"])
    audit.record(by, "plan_item.status_changed", item, before=before, after=status)


def set_plan_item_status(item: PlanItem, status: str, *, by, on: datetime.date | None = None, version=None) -> PlanItem:
    """Move a task between planned, in progress, done and cancelled; done records the day."""
    with transaction.atomic():
        item = PlanItem.objects.select_for_update().select_related("period__campaign").get(pk=item.pk)
        _require_editable(item.period.campaign, by)
        _check_version(item, version)
        _set_status(item, status, by, on or timezone.localdate())
    return item


def record_plan_item_update(
    item: PlanItem, *, by, date: datetime.date, text: str, evidence=None, new_status: str = ""
) -> PlanItemUpdate:
    """A dated progress note, with an optional evidence file (checked by content) and an
    optional change of the task's status in the same step."""
    with transaction.atomic():
        item = PlanItem.objects.select_for_update().select_related("period__campaign").get(pk=item.pk)
        campaign = item.period.campaign
        _require_editable(campaign, by)
        if date > timezone.localdate():
            raise TransitionNotAllowed(_("Ngày cập nhật không được sau ngày hôm nay."))
        if not text.strip():
            raise TransitionNotAllowed(_("Hãy ghi nội dung cập nhật."))
        update = PlanItemUpdate(item=item, date=date, text=text, author=by, status_after=new_status or "")
        if evidence is not None:
            _attach(evidence, update, "evidence")
        update.save()
        audit.record(
            by,
            "plan_item.update_recorded",
            item,
            after={"update": update.pk, "date": date, "text": text, "evidence": update.original_name, "status": new_status},
        )
        if new_status and new_status != item.status:
            _set_status(item, new_status, by, date)
    return update


def delete_plan_item(item: PlanItem, *, by) -> None:
    """Remove a task entered by mistake. A task with progress updates is cancelled instead."""
    with transaction.atomic():
        item = PlanItem.objects.select_for_update().select_related("period__campaign").get(pk=item.pk)
        _require_editable(item.period.campaign, by)
        if item.updates.exists():
            raise TransitionNotAllowed(
                _("Nhiệm vụ đã có cập nhật tiến độ nên không xóa được; hãy chuyển sang “Không thực hiện”.")
            )
        audit.record(by, "plan_item.deleted", item, before=_item_snapshot(item))
        item.delete()


# Deadlines -----------------------------------------------------------------------------


def set_deadline(
    campaign: Campaign,
    *,
    by,
    kind: str,
    due_date: datetime.date,
    title: str = "",
    audience: str = Deadline.Audience.UNITS,
    reminder_offsets=None,
    deadline: Deadline | None = None,
) -> Deadline:
    """Create a deadline of ``campaign`` or change ``deadline``. One deadline per kind
    (custom ones excepted); an extension must stay later than the common date."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        _require_editable(campaign, by)
        if kind != Deadline.Kind.CUSTOM:
            clash = Deadline.objects.filter(campaign=campaign, kind=kind)
            if deadline is not None:
                clash = clash.exclude(pk=deadline.pk)
            if clash.exists():
                raise TransitionNotAllowed(
                    _("Kế hoạch đã có thời hạn “%(kind)s”; hãy sửa thời hạn đó.") % {"kind": Deadline.Kind(kind).label}
                )
        if kind == Deadline.Kind.CUSTOM and not title.strip():
            raise TransitionNotAllowed(_("Thời hạn loại “Khác” cần có tên."))
        if deadline is None:
            deadline = Deadline(campaign=campaign)
            before = None
            action = "deadline.created"
        else:
            deadline = Deadline.objects.select_for_update().get(pk=deadline.pk, campaign=campaign)
            before = _snapshot(deadline, DEADLINE_FIELDS)
            action = "deadline.updated"
            earlier = deadline.extensions.filter(due_date__lte=due_date).select_related("unit")
            if earlier:
                raise InvalidExtension(
                    _("Hạn mới không được muộn hơn hạn đã gia hạn cho %(units)s; hãy thu hồi hoặc sửa gia hạn trước.")
                    % {"units": ", ".join(str(ext.unit) for ext in earlier)}
                )
        deadline.kind = kind
        deadline.title = title
        deadline.due_date = due_date
        deadline.audience = audience
        deadline.reminder_offsets = list(reminder_offsets) if reminder_offsets else list(Deadline.DEFAULT_REMINDER_OFFSETS)
        deadline.save()
        audit.record(by, action, deadline, before=before, after=_snapshot(deadline, DEADLINE_FIELDS))
    return deadline


def delete_deadline(deadline: Deadline, *, by) -> None:
    with transaction.atomic():
        deadline = Deadline.objects.select_for_update().select_related("campaign").get(pk=deadline.pk)
        _require_editable(deadline.campaign, by)
        audit.record(by, "deadline.deleted", deadline, before=_snapshot(deadline, DEADLINE_FIELDS))
        deadline.delete()


def grant_extension(deadline: Deadline, unit: Unit, *, by, due_date: datetime.date, reason: str) -> DeadlineExtension:
    """Gia hạn for one unit: a date after the common one, with a reason. Granting again
    replaces the unit's earlier extension."""
    with transaction.atomic():
        deadline = Deadline.objects.select_for_update().select_related("campaign").get(pk=deadline.pk)
        _require_editable(deadline.campaign, by)
        if not deadline.campaign.covers(unit):
            raise InvalidExtension(_("Đơn vị “%(unit)s” không tham gia kế hoạch này.") % {"unit": unit})
        if due_date <= deadline.due_date:
            raise InvalidExtension(
                _("Hạn gia hạn phải sau hạn chung %(date)s.") % {"date": deadline.due_date.strftime("%d/%m/%Y")}
            )
        if not reason.strip():
            raise InvalidExtension(_("Hãy ghi lý do gia hạn."))
        extension = DeadlineExtension.objects.select_for_update().filter(deadline=deadline, unit=unit).first()
        before = None
        if extension is None:
            extension = DeadlineExtension(deadline=deadline, unit=unit)
        else:
            before = {"due_date": extension.due_date, "reason": extension.reason, "granted_by": extension.granted_by_id}
        extension.due_date = due_date
        extension.reason = reason
        extension.granted_by = by
        extension.save()
        audit.record(
            by,
            "deadline.extension_granted",
            extension,
            before=before,
            after={"deadline": deadline.pk, "unit": unit.pk, "due_date": due_date, "reason": reason, "granted_by": by.pk},
        )
    return extension


def revoke_extension(extension: DeadlineExtension, *, by) -> None:
    with transaction.atomic():
        extension = (
            DeadlineExtension.objects.select_for_update().select_related("deadline__campaign", "unit").get(pk=extension.pk)
        )
        _require_editable(extension.deadline.campaign, by)
        audit.record(
            by,
            "deadline.extension_revoked",
            extension,
            before={
                "deadline": extension.deadline_id,
                "unit": extension.unit_id,
                "due_date": extension.due_date,
                "reason": extension.reason,
            },
        )
        extension.delete()
