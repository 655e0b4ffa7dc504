import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Unit


class Campaign(models.Model):
    """One year's "Dân vận khéo" plan (Kế hoạch) of a district."""

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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")

    def __str__(self):
        return self.title

    def deadline_for(self, kind: str, unit: Unit | None = None) -> "DueDate | None":
        from .deadlines import deadline_for

        return deadline_for(self, kind, unit)


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
        help_text=_("Số ngày trước hạn để nhắc; số âm là sau hạn. Mặc định 7, 3, 1 và -1."),
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

    DEFAULT_REMINDER_OFFSETS = [7, 3, 1, -1]

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
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người gia hạn"), on_delete=models.PROTECT, related_name="+")
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
