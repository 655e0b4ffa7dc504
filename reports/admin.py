from django.contrib import admin

from .models import ReportFile, SummaryReport


class ReadOnlyAdmin(admin.ModelAdmin):
    """Reports change only through their pages (services audit every change)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SummaryReport)
class SummaryReportAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "campaign", "number", "date", "status", "signed_at")
    list_filter = ("kind", "status", "campaign__year")
    list_select_related = ("campaign",)


@admin.register(ReportFile)
class ReportFileAdmin(ReadOnlyAdmin):
    list_display = ("report", "format", "status", "size", "generated_at")
    list_filter = ("format", "status")
    list_select_related = ("report__campaign",)
