from django.contrib import admin

from .models import DvkModel


@admin.register(DvkModel)
class DvkModelAdmin(admin.ModelAdmin):
    """For looking things up. Recognition and publication change only through the
    services (audited), so they are read-only here."""

    list_display = ["name", "kind", "field", "unit", "recognised_in_year", "is_published"]
    list_filter = ["kind", "field", "is_published", "unit"]
    search_fields = ["name", "person_name", "address", "unit__name"]
    list_select_related = ["unit"]
    raw_id_fields = ["replicates", "created_by"]
    readonly_fields = ["recognised_in_year", "is_published", "published_at", "created_by", "created_at", "updated_at"]
