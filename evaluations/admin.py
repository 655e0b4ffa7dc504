"""Read-mostly admin of the appraisal. Every change of state goes through the services
(and the audit ledger), so sheets, scores and results are shown here, not edited."""

from django.contrib import admin

from .models import Assignment, Council, CouncilMember, CriteriaSet, Criterion, Result, Score, Scoresheet


class CouncilMemberInline(admin.TabularInline):
    model = CouncilMember
    extra = 0
    fields = ["user", "position", "represents", "unit"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "campaign", "opens_at", "closes_at", "score_method", "finalised_at", "results_published_at"]
    list_select_related = ["campaign"]
    readonly_fields = ["campaign", "finalised_at", "finalised_by", "results_published_at"]
    inlines = [CouncilMemberInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["order", "name", "max_points", "guidance"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(CriteriaSet)
class CriteriaSetAdmin(admin.ModelAdmin):
    list_display = ["name", "campaign", "kind"]
    list_filter = ["kind"]
    list_select_related = ["campaign"]
    inlines = [CriterionInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["member", "registration", "recusal", "created_at"]
    list_filter = ["recusal", "member__council"]
    list_select_related = ["member__user", "registration__model", "registration__campaign"]
    search_fields = ["registration__model__name", "member__user__username", "member__user__full_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    fields = ["criterion", "points", "comment"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Scoresheet)
class ScoresheetAdmin(admin.ModelAdmin):
    list_display = ["assignment", "status", "is_locked", "version", "submitted_at", "updated_at"]
    list_filter = ["status", "is_locked"]
    list_select_related = ["assignment__member__user", "assignment__registration__model", "assignment__registration__campaign"]
    inlines = [ScoreInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    list_display = ["registration", "council", "rank", "counted_score", "classification", "is_quorate", "needs_vote"]
    list_filter = ["classification", "council"]
    list_select_related = ["registration__model", "registration__campaign", "council__campaign"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
