from django.contrib import admin

from .models import Acknowledgement, Campaign, Deadline, DeadlineExtension, Document, PlanItem, PlanItemUpdate, PlanPeriod


class PlanPeriodInline(admin.TabularInline):
    model = PlanPeriod
    extra = 0


class DeadlineInline(admin.TabularInline):
    model = Deadline
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("title", "year", "number", "owner", "status")
    list_filter = ("status", "year")
    search_fields = ("title", "number")
    inlines = [PlanPeriodInline, DeadlineInline]


@admin.register(PlanItem)
class PlanItemAdmin(admin.ModelAdmin):
    list_display = ("title", "period", "status", "due_date", "lead_unit")
    list_filter = ("status", "period__campaign")
    search_fields = ("title", "description")
    autocomplete_fields = ["lead_unit", "coordinating_units"]


@admin.register(PlanItemUpdate)
class PlanItemUpdateAdmin(admin.ModelAdmin):
    list_display = ("item", "date", "author", "original_name")
    readonly_fields = ("original_name", "content_type", "size")


@admin.register(DeadlineExtension)
class DeadlineExtensionAdmin(admin.ModelAdmin):
    list_display = ("deadline", "unit", "due_date", "granted_by", "granted_at")


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("number", "date", "title", "campaign")
    readonly_fields = ("original_name", "content_type", "size")


@admin.register(Acknowledgement)
class AcknowledgementAdmin(admin.ModelAdmin):
    list_display = ("document", "unit", "disseminated_on", "form", "participants")
    list_filter = ("form",)
