"""Views of the results: the table, finalising (chair), publishing (staff), the Excel
exports, and a unit's own published results."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.export_views import ExportRequestView

from . import exports, result_tables, services
from .forms import ConfirmForm
from .results_overview import ResultsOverview, results_overview
from .views import CouncilMixin, campaign_url, paged

RESULTS_PER_PAGE = 50


def results_page(request, overview: ResultsOverview, *, attention: bool, kind: str | None = None) -> dict:
    """The context of a page of results: the summary, the chosen kind (``?kind=``), only
    the rows needing attention or all (``?attention=1``), one page of them (``?page=``)."""
    kind = overview.chosen_kind(kind or request.GET.get("kind"))
    paging = paged(request, overview.rows(kind, attention=attention), RESULTS_PER_PAGE)
    return {
        "overview": overview,
        "kind": kind,
        "kind_summary": overview.summary_of(kind),
        "attention": attention,
        "rows": list(paging["page_obj"]),
        **paging,
    }

# Results, finalise, publish, exports ---------------------------------------------------


class ResultsView(CouncilMixin, TemplateView):
    """The live results before finalising (staff and chair), the sealed ones after (also
    district leaders): the summary per kind and one kind's rows a page at a time; the
    whole table is the Excel export."""

    template_name = "evaluations/results.html"
    permission_required = "evaluations.view_results_table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        overview = results_overview(self.council, viewer=user)
        context.update(results_page(self.request, overview, attention=self.request.GET.get("attention") == "1"))
        context["can_finalise"] = user.has_perm("evaluations.finalise_results", self.council)
        context["can_publish"] = user.has_perm("evaluations.publish_results", self.council)
        context["can_export"] = user.has_perm("evaluations.export_appraisal", self.council)
        context["can_read_sheets"] = user.has_perm("evaluations.view_all_sheets", self.council)
        return context


class FinaliseView(CouncilMixin, TemplateView):
    template_name = "evaluations/finalise.html"
    permission_required = "evaluations.finalise_results"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ConfirmForm(label=_("Tôi đã xem bảng kết quả và chốt kết quả thẩm định.")))
        overview = results_overview(self.council, viewer=self.request.user)
        # The rows the chair must look at before sealing, of the first kind that has some.
        first = next((summary.kind for summary in overview.summaries if summary.attention), None)
        context.update(results_page(self.request, overview, attention=True, kind=self.request.GET.get("kind") or first))
        return context

    def post(self, request, *args, **kwargs):
        form = ConfirmForm(request.POST, label=_("Tôi đã xem bảng kết quả và chốt kết quả thẩm định."))
        if form.is_valid():
            try:
                services.finalise_results(self.council, by=request.user)
            except services.AppraisalError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã chốt kết quả thẩm định; mọi phiếu chấm đã được khóa."))
                return redirect(campaign_url("results", self.campaign))
        return self.render_to_response(self.get_context_data(form=form))


class PublishResultsView(CouncilMixin, View):
    permission_required = "evaluations.manage_council"

    def post(self, request, *args, **kwargs):
        try:
            services.publish_results(self.council, by=request.user)
        except services.AppraisalError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã công bố kết quả thẩm định tới các đơn vị."))
        return HttpResponseRedirect(campaign_url("results", self.campaign))


class AppraisalExportView(CouncilMixin, ExportRequestView):
    """An Excel file of the appraisal, made in the background (evaluations.exports)."""

    permission_required = "evaluations.export_appraisal"
    post_forms_council = False

    def export_params(self) -> dict:
        return {"campaign": self.campaign.pk}

    def export_back_url(self) -> str:
        return campaign_url("results", self.campaign)


class ExportMatrixView(AppraisalExportView):
    export_kind = exports.MATRIX

    def export_title(self) -> str:
        return _("Ma trận điểm thẩm định năm %(year)s (Excel)") % {"year": self.campaign.year}


class ExportResultsView(AppraisalExportView):
    export_kind = exports.RESULTS

    def export_title(self) -> str:
        return _("Kết quả thẩm định năm %(year)s (Excel)") % {"year": self.campaign.year}


class UnitResultsView(LoginRequiredMixin, TemplateView):
    """A focal point's own registrations' results, once published."""

    template_name = "evaluations/unit_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["results"] = result_tables.unit_results(self.request.user)
        return context
