from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Unit
from campaign.models import Deadline


class Notification(models.Model):
    """One message in a user's in-app inbox (and, when they have an address, e-mail)."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Nhắc hạn")
        WORKFLOW = "workflow", _("Tiến trình hồ sơ")
        ANNOUNCEMENT = "announcement", _("Thông báo chung")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.WORKFLOW)
    title = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("đã gửi thư lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.title


class ReminderLog(models.Model):
    """A reminder already sent: the sweep never sends the same one twice."""

    deadline = models.ForeignKey(Deadline, verbose_name=_("thời hạn"), on_delete=models.CASCADE, related_name="reminder_logs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    offset_days = models.SmallIntegerField(_("số ngày trước hạn"))
    due_date = models.DateField(_("hạn áp dụng"))
    sent_at = models.DateTimeField(_("đã gửi lúc"), auto_now_add=True)
    notification = models.ForeignKey(Notification, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("nhật ký nhắc hạn")
        verbose_name_plural = _("nhật ký nhắc hạn")
        constraints = [
            models.UniqueConstraint(fields=["deadline", "user", "offset_days", "due_date"], name="reminder_once"),
        ]

    def __str__(self):
        return f"{self.deadline} → {self.user} ({self.offset_days})"
