"""Read-only admin pages: every change goes through the services (and the audit ledger),
so the admin lets a superuser look, never edit."""

from django.contrib import admin

from .models import Evidence, ProgressReport, Registration


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyAdmin):
    list_display = ("model", "unit", "campaign", "status", "submitted_at", "reviewed_at")
    list_filter = ("status", "campaign", "model__field", "model__kind")
    search_fields = ("model__name", "unit__name")
    list_select_related = ("model", "unit", "campaign")


@admin.register(ProgressReport)
class ProgressReportAdmin(ReadOnlyAdmin):
    list_display = ("registration", "kind", "status", "submitted_at")
    list_filter = ("kind", "status")
    list_select_related = ("registration__model", "registration__campaign")


@admin.register(Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ("original_name", "registration", "report", "content_type", "size", "uploaded_at")
    list_filter = ("content_type",)
    list_select_related = ("registration__model", "registration__campaign", "report")
    exclude = ("file",)
