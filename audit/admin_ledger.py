"""Every change made through the Django admin goes into the ledger, with the fields it
changed (before and after). ``AuditedAdminSite`` mixes ``AuditedModelAdmin`` into every
ModelAdmin registered on the site, the project's and third-party apps' alike."""

from django.contrib import admin
from django.db.models.fields.files import FieldFile

from . import record

# Never copied into the ledger: only whether they are set.
SECRET_FIELDS = frozenset({"password", "key", "token"})  # passwords, TOTP keys, recovery codes
HIDDEN = "<ẩn>"


def field_values(obj) -> dict:
    values = {}
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if field.name in SECRET_FIELDS:
            value = HIDDEN if value else ""
        elif isinstance(value, FieldFile):
            value = value.name
        values[field.attname] = value
    return values


def _differences(before: dict, after: dict) -> tuple[dict, dict]:
    changed = [name for name, value in after.items() if before.get(name) != value]
    return {name: before.get(name) for name in changed}, {name: after[name] for name in changed}


class AuditedModelAdmin:
    """Reads the stored row before the admin saves over it, and records each addition,
    change and deletion the admin logs, in the admin's transaction."""

    def save_model(self, request, obj, form, change):
        if change and obj.pk is not None:
            stored = type(obj)._base_manager.filter(pk=obj.pk).first()
            if stored is not None:
                request.__dict__.setdefault("_audit_before", {})[(obj._meta.label, obj.pk)] = field_values(stored)
        super().save_model(request, obj, form, change)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        record(request.user, "admin.added", obj, after={"fields": field_values(obj), "message": message})
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        stored = request.__dict__.get("_audit_before", {}).pop((obj._meta.label, obj.pk), None)
        if stored is None:
            stored = field_values(obj)  # nothing saved on the object itself (inlines, password)
        before, after = _differences(stored, field_values(obj))
        record(request.user, "admin.changed", obj, before={"fields": before}, after={"fields": after, "message": message})
        return entry

    def log_deletions(self, request, queryset):
        entries = super().log_deletions(request, queryset)
        for obj in queryset:
            record(request.user, "admin.deleted", obj, before={"fields": field_values(obj)})
        return entries


class AuditedAdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, AuditedModelAdmin):
            admin_class = type(admin_class.__name__, (AuditedModelAdmin, admin_class), {"__module__": admin_class.__module__})
        super().register(model_or_iterable, admin_class, **options)
