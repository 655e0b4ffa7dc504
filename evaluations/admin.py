"""Read-mostly admin of the appraisal. Every change of state goes through the services
(and the audit ledger), so sheets, scores and results are shown here, not edited."""

from django.contrib import admin

from .models import Assignment, Council, CouncilMember, CriteriaSet, Criterion, Result, Score, Scoresheet


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, never added, changed or deleted here: the services own every write."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    """Rows listed under their parent, every field read-only."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False


class CouncilMemberInline(ReadOnlyInline):
    model = CouncilMember
    fields = ["user", "position", "represents", "unit"]


@admin.register(Council)
class CouncilAdmin(ReadOnlyAdmin):
    list_display = ["name", "campaign", "opens_at", "closes_at", "score_method", "finalised_at", "results_published_at"]
    list_select_related = ["campaign"]
    readonly_fields = ["campaign", "finalised_at", "finalised_by", "results_published_at"]
    inlines = [CouncilMemberInline]


class CriterionInline(ReadOnlyInline):
    model = Criterion
    fields = ["order", "name", "max_points", "guidance"]


@admin.register(CriteriaSet)
class CriteriaSetAdmin(ReadOnlyAdmin):
    list_display = ["name", "campaign", "kind"]
    list_filter = ["kind"]
    list_select_related = ["campaign"]
    inlines = [CriterionInline]


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ["member", "registration", "recusal", "created_at"]
    list_filter = ["recusal", "member__council"]
    list_select_related = ["member__user", "registration__model", "registration__campaign"]
    search_fields = ["registration__model__name", "member__user__username", "member__user__full_name"]


class ScoreInline(ReadOnlyInline):
    model = Score
    fields = ["criterion", "points", "comment"]


@admin.register(Scoresheet)
class ScoresheetAdmin(ReadOnlyAdmin):
    list_display = ["assignment", "status", "is_locked", "version", "submitted_at", "updated_at"]
    list_filter = ["status", "is_locked"]
    list_select_related = ["assignment__member__user", "assignment__registration__model", "assignment__registration__campaign"]
    inlines = [ScoreInline]


@admin.register(Result)
class ResultAdmin(ReadOnlyAdmin):
    list_display = ["registration", "council", "rank", "counted_score", "classification", "is_quorate", "needs_vote"]
    list_filter = ["classification", "council"]
    list_select_related = ["registration__model", "registration__campaign", "council__campaign"]
