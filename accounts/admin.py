from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction

from .credentials import ADMIN, record_password_change
from .models import Membership, Unit, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [MembershipInline]
    list_display = ("username", "full_name", "email", "is_active", "is_superuser")
    fieldsets = BaseUserAdmin.fieldsets + ((None, {"fields": ("full_name", "position", "phone")}),)

    def user_change_password(self, request, id, form_url=""):
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and response.status_code == 302:
                record_password_change(User.objects.get(pk=id), by=request.user, how=ADMIN)
        return response


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "parent", "is_ethnic_minority_area", "is_religious_area", "is_active")
    list_filter = ("kind", "is_ethnic_minority_area", "is_religious_area", "is_active")
    search_fields = ("name", "code")
