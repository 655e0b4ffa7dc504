from django.contrib import admin

from .models import Notification, ReminderLog


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("title", "user", "kind", "created_at", "read_at", "email_status", "email_attempts", "emailed_at")
    list_filter = ("kind", "email_status")
    search_fields = ("title", "user__username")


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ("deadline", "user", "unit", "offset_days", "due_date", "sent_at")
