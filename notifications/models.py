from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Unit
from campaign.models import Deadline


class Notification(models.Model):
    """One message in a user's in-app inbox and, when they have an address, its e-mail
    in the outbox: written in the transaction of the change that causes it, sent later
    by the delivery task (notifications/delivery.py)."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Nhắc hạn")
        WORKFLOW = "workflow", _("Tiến trình hồ sơ")
        ANNOUNCEMENT = "announcement", _("Thông báo chung")

    class EmailStatus(models.TextChoices):
        NONE = "", _("Không gửi thư")
        PENDING = "pending", _("Chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi không được")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.WORKFLOW)
    title = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("đã gửi thư lúc"), null=True, blank=True)
    organiser = models.ForeignKey(
        Unit, verbose_name=_("đơn vị gửi"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    email_status = models.CharField(
        _("thư điện tử"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.NONE, blank=True
    )
    email_attempts = models.PositiveSmallIntegerField(_("số lần gửi thư"), default=0)
    email_next_attempt_at = models.DateTimeField(_("gửi lại lúc"), null=True, blank=True)
    email_last_error = models.CharField(_("lỗi lần gửi gần nhất"), max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        indexes = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["email_status", "email_next_attempt_at"], name="notification_outbox"),
        ]

    def __str__(self):
        return self.title


class DeliveryAttempt(models.Model):
    """One try at e-mailing a notification, kept for the staff page of failed deliveries."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="delivery_attempts")
    attempted_at = models.DateTimeField(_("thời điểm"))
    succeeded = models.BooleanField(_("thành công"))
    error = models.CharField(_("lỗi"), max_length=500, blank=True)

    class Meta:
        ordering = ["attempted_at", "pk"]
        verbose_name = _("lần gửi thư")
        verbose_name_plural = _("lần gửi thư")

    def __str__(self):
        return f"{self.notification_id} @ {self.attempted_at:%d/%m/%Y %H:%M}"


class ReminderLog(models.Model):
    """A reminder already sent: the sweep never sends the same one twice."""

    deadline = models.ForeignKey(Deadline, verbose_name=_("thời hạn"), on_delete=models.CASCADE, related_name="reminder_logs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # What tells apart two things one person owes for one deadline: "unit:<id>" for a
    # unit's focal point (one per unit), "council:<id>" for a council member.
    subject = models.CharField(_("việc được nhắc"), max_length=50, default="")
    offset_days = models.SmallIntegerField(_("số ngày trước hạn"))
    due_date = models.DateField(_("hạn áp dụng"))
    sent_at = models.DateTimeField(_("đã gửi lúc"), auto_now_add=True)
    notification = models.ForeignKey(Notification, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("nhật ký nhắc hạn")
        verbose_name_plural = _("nhật ký nhắc hạn")
        constraints = [
            models.UniqueConstraint(fields=["deadline", "user", "subject", "offset_days", "due_date"], name="reminder_once_per_subject"),
        ]

    def __str__(self):
        return f"{self.deadline} → {self.user} ({self.offset_days})"
