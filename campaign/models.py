import datetime
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Unit


class Campaign(models.Model):
    """One year's "Dân vận khéo" plan (Kế hoạch) of an organising body: the province
    board for its communes, a commune's Party committee for its villages, or (history) a
    district board for its communes. It covers the units below its owner to
    ``coverage_depth`` levels."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        PUBLISHED = "published", _("Đã ban hành")
        CLOSED = "closed", _("Đã kết thúc")

    owner = models.ForeignKey(Unit, verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="campaigns")
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên kế hoạch"), max_length=300)
    number = models.CharField(_("số, ký hiệu"), max_length=50, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    legal_bases = models.JSONField(_("căn cứ"), default=list, blank=True)
    preamble = models.TextField(_("lời mở đầu"), blank=True)
    purposes = models.TextField(_("mục đích, yêu cầu"), blank=True)
    implementation = models.TextField(_("tổ chức thực hiện"), blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=100, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    place = models.CharField(
        _("địa danh"),
        max_length=100,
        blank=True,
        help_text=_("Dùng ở dòng “…, ngày … tháng … năm …”; để trống thì lấy địa danh của đơn vị ban hành."),
    )
    coverage_depth = models.PositiveSmallIntegerField(
        _("số cấp đơn vị tham gia"),
        default=1,
        help_text=_("1: các đơn vị trực thuộc (xã, phường, đoàn thể); 2: cả thôn, tổ dân phố của các đơn vị ấy."),
    )
    requires_evidence = models.BooleanField(
        _("bắt buộc có minh chứng khi gửi đăng ký"),
        default=True,
        help_text=_("Đơn vị phải tải lên ít nhất một tệp minh chứng thì mới gửi được đăng ký."),
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")

    def __str__(self):
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def number_line(self) -> str:
        """ "Số 12-KH/BDVHU", whether or not the number was typed with its "Số"."""
        if not self.number or self.number.lower().startswith("số"):
            return self.number
        return f"Số {self.number}"

    @property
    def letterhead(self) -> tuple[str, str]:
        """The two lines of the left header, from the organising body's letterhead."""
        return self.owner.letterhead

    @property
    def place_name(self) -> str:
        return self.place or self.owner.place_name

    @property
    def starts_on(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

    def covers(self, unit: Unit) -> bool:
        """Whether ``unit`` takes part: it lies below the organiser, no deeper than the
        campaign reaches, and still existed when the campaign's year began."""
        owner = self.owner
        return (
            unit.pk != owner.pk
            and unit.is_within(owner)
            and unit.depth - owner.depth <= self.coverage_depth
            and (unit.dissolved_on is None or unit.dissolved_on > self.starts_on)
        )

    def participants(self):
        """The units that take part in this campaign, in one query whatever the depth."""
        return (
            Unit.objects.below(self.owner, self.coverage_depth)
            .filter(models.Q(dissolved_on__isnull=True, is_active=True) | models.Q(dissolved_on__gt=self.starts_on))
        )

    def deadline_for(self, kind: str, unit: Unit | None = None) -> "DueDate | None":
        from .deadlines import deadline_for

        return deadline_for(self, kind, unit)

    def due_dates_by_kind(self, unit: Unit | None = None) -> "dict[str, DueDate]":
        from .deadlines import due_dates_by_kind

        return due_dates_by_kind(self, unit)


class Deadline(models.Model):
    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("Đăng ký thi đua")
        INTERIM_REPORT = "interim_report", _("Báo cáo sơ kết 6 tháng")
        FINAL_REPORT = "final_report", _("Báo cáo tự đánh giá cuối năm")
        SCORING = "scoring", _("Chấm điểm thẩm định")
        CUSTOM = "custom", _("Khác")

    class Audience(models.TextChoices):
        UNITS = "units", _("Các đơn vị")
        COUNCIL = "council", _("Hội đồng thẩm định")

    campaign = models.ForeignKey(Campaign, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(_("loại thời hạn"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("tên thời hạn"), max_length=200, blank=True)
    due_date = models.DateField(_("hạn cuối (hết ngày)"))
    audience = models.CharField(_("đối tượng"), max_length=20, choices=Audience.choices, default=Audience.UNITS)
    reminder_offsets = models.JSONField(
        _("nhắc trước (ngày)"),
        default=list,
        blank=True,
        help_text=_("Số ngày trước hạn để nhắc; số âm là sau hạn. Mặc định 7, 3, 1, ngày đến hạn (0) và -1."),
    )

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("thời hạn")
        verbose_name_plural = _("thời hạn")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "kind"],
                condition=~models.Q(kind="custom"),
                name="deadline_one_per_kind",
            )
        ]

    DEFAULT_REMINDER_OFFSETS = [7, 3, 1, 0, -1]

    def __str__(self):
        return self.title or self.get_kind_display()

    def save(self, *args, **kwargs):
        if not self.reminder_offsets:
            self.reminder_offsets = list(self.DEFAULT_REMINDER_OFFSETS)
        super().save(*args, **kwargs)


class DeadlineExtension(models.Model):
    """Gia hạn: a later due date for one unit."""

    deadline = models.ForeignKey(Deadline, verbose_name=_("thời hạn"), on_delete=models.CASCADE, related_name="extensions")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="deadline_extensions")
    due_date = models.DateField(_("hạn mới"))
    reason = models.TextField(_("lý do gia hạn"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người gia hạn"), on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(_("thời điểm gia hạn"), auto_now_add=True)

    class Meta:
        verbose_name = _("gia hạn")
        verbose_name_plural = _("gia hạn")
        constraints = [models.UniqueConstraint(fields=["deadline", "unit"], name="extension_one_per_unit")]

    def __str__(self):
        return f"{self.deadline} – {self.unit}: {self.due_date:%d/%m/%Y}"


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The first instant after ``day`` in Vietnam time: a deadline is met until then."""
    tz = timezone.get_default_timezone()
    return datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)


@dataclass(frozen=True)
class DueDate:
    """When one unit is due for one deadline, extensions included."""

    deadline: Deadline
    due_date: datetime.date
    extension: DeadlineExtension | None = None

    @property
    def closes_at(self) -> datetime.datetime:
        return end_of_day(self.due_date)

    @property
    def is_extended(self) -> bool:
        return self.extension is not None

    def is_past(self, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    def days_left(self, today: datetime.date | None = None) -> int:
        today = today or timezone.localdate()
        return (self.due_date - today).days


def _private_upload_path(folder: str, filename: str) -> str:
    """Stored under a random name: the original name is kept in the row, never in the path."""
    suffix = Path(filename).suffix.lower()[:10]
    today = timezone.localdate()
    return f"{folder}/{today:%Y/%m}/{uuid.uuid4().hex}{suffix}"


def plan_update_upload_to(instance, filename):
    return _private_upload_path("plan-updates", filename)


def document_upload_to(instance, filename):
    return _private_upload_path("documents", filename)


class PlanPeriod(models.Model):
    """A stage of the plan: "Quý I và quý II", "Quý III", "Quý IV"."""

    campaign = models.ForeignKey(Campaign, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="periods")
    name = models.CharField(_("tên giai đoạn"), max_length=100)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)

    class Meta:
        ordering = ["order", "starts_on", "pk"]
        verbose_name = _("giai đoạn")
        verbose_name_plural = _("giai đoạn")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="period_ends_after_start"),
        ]

    def __str__(self):
        return self.name


class PlanItem(models.Model):
    """A task of the plan (nhiệm vụ) in one period."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")
        CANCELLED = "cancelled", _("Không thực hiện")

    CLOSED_STATUSES = (Status.DONE, Status.CANCELLED)

    period = models.ForeignKey(PlanPeriod, verbose_name=_("giai đoạn"), on_delete=models.PROTECT, related_name="items")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    description = models.TextField(_("nội dung"), blank=True)
    lead_unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị chủ trì"), on_delete=models.SET_NULL, null=True, blank=True, related_name="led_plan_items"
    )
    coordinating_units = models.ManyToManyField(
        Unit, verbose_name=_("đơn vị phối hợp"), blank=True, related_name="coordinated_plan_items"
    )
    due_date = models.DateField(_("thời hạn hoàn thành"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PLANNED, db_index=True)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["period__order", "period__starts_on", "period_id", "order", "pk"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self):
        return self.title

    @property
    def text(self) -> str:
        """What the plan document prints for this task: its full content, or the title."""
        return self.description or self.title

    def is_overdue_on(self, today: datetime.date) -> bool:
        return self.due_date is not None and self.due_date < today and self.status not in self.CLOSED_STATUSES

    @property
    def is_overdue(self) -> bool:
        """Due date passed (in Vietnam time) and the task is neither done nor cancelled."""
        return self.is_overdue_on(timezone.localdate())

    @property
    def status_level(self) -> str:
        if self.is_overdue:
            return "danger"
        return {
            self.Status.PLANNED: "secondary",
            self.Status.IN_PROGRESS: "primary",
            self.Status.DONE: "success",
            self.Status.CANCELLED: "dark",
        }[self.status]


class PrivateFile(models.Model):
    """A file kept in private storage and streamed only by a permission-checked view."""

    original_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    content_type = models.CharField(_("định dạng"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0)

    class Meta:
        abstract = True


class PlanItemUpdate(PrivateFile):
    """A dated progress note on a task, with an optional evidence file."""

    item = models.ForeignKey(PlanItem, verbose_name=_("nhiệm vụ"), on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("ngày"))
    text = models.TextField(_("nội dung cập nhật"))
    status_after = models.CharField(_("trạng thái sau cập nhật"), max_length=20, choices=PlanItem.Status.choices, blank=True)
    evidence = models.FileField(_("tệp minh chứng"), upload_to=plan_update_upload_to, max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người cập nhật"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")

    def __str__(self):
        return f"{self.item} – {self.date:%d/%m/%Y}"


class Document(PrivateFile):
    """A document the units must disseminate (văn bản quán triệt)."""

    campaign = models.ForeignKey(Campaign, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="documents")
    number = models.CharField(_("số, ký hiệu"), max_length=100)
    date = models.DateField(_("ngày văn bản"))
    title = models.CharField(_("trích yếu"), max_length=500)
    file = models.FileField(_("tệp văn bản"), upload_to=document_upload_to, max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tải lên"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("văn bản quán triệt")
        verbose_name_plural = _("văn bản quán triệt")

    def __str__(self):
        return f"{self.number} – {self.title}"


class Acknowledgement(models.Model):
    """A unit's record that it has disseminated a document to its cadres."""

    class Form(models.TextChoices):
        CONFERENCE = "conference", _("Hội nghị quán triệt")
        PARTY_CELL = "party_cell", _("Lồng ghép sinh hoạt chi bộ")
        MASS_ORGANISATION = "mass_organisation", _("Lồng ghép sinh hoạt đoàn thể")
        WRITTEN = "written", _("Sao gửi văn bản")
        OTHER = "other", _("Hình thức khác")

    document = models.ForeignKey(Document, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="acknowledgements")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="acknowledgements")
    disseminated_on = models.DateField(_("ngày quán triệt"))
    form = models.CharField(_("hình thức"), max_length=30, choices=Form.choices, default=Form.CONFERENCE)
    participants = models.PositiveIntegerField(_("số người tham dự"), default=0)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ghi nhận"), on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["disseminated_on", "pk"]
        verbose_name = _("kết quả quán triệt")
        verbose_name_plural = _("kết quả quán triệt")
        constraints = [models.UniqueConstraint(fields=["document", "unit"], name="acknowledgement_one_per_unit")]

    def __str__(self):
        return f"{self.unit} – {self.document.number}"
