"""Read-only admin pages: reports change only through their pages (services audit every change)."""

from django.contrib import admin

from registrations.admin import ReadOnlyAdmin

from .models import ReportFile, SummaryReport


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
