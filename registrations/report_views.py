"""Progress reports (sơ kết, tự đánh giá) of an accepted registration."""

import rules
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from . import services
from .exceptions import IncompleteRegistration, InvalidReport, RegistrationError, StaleEdit
from .forms import EvidenceUploadForm, ProgressReportForm
from .models import REPORT_FIELDS, Evidence, ProgressReport
from .views import registration_for, require


class ReportMixin:
    """Finds the registration (through the selector) and its report of the URL's kind."""

    def load(self, request, pk, kind):
        if kind not in ProgressReport.Kind.values:
            raise Http404
        self.kind = kind
        self.registration = registration_for(request, pk)
        self.report = ProgressReport.objects.filter(registration=self.registration, kind=kind).first()
        if self.report is not None:
            self.report.registration = self.registration


class ReportEditView(LoginRequiredMixin, ReportMixin, TemplateView):
    template_name = "registrations/report_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.load(request, kwargs["pk"], kwargs["kind"])
        return super().dispatch(request, *args, **kwargs)

    def can_edit(self) -> bool:
        user, report = self.request.user, self.report
        if report is None:
            return rules.has_perm("registrations.file_report", user, self.registration)
        return rules.has_perm("registrations.change_report", user, report)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_edit = self.can_edit()
        if can_edit:
            context.setdefault("form", ProgressReportForm(instance=self.report or ProgressReport(registration=self.registration)))
        evidence = list(Evidence.objects.filter(report=self.report).select_related("uploaded_by")) if self.report else []
        context.update(
            registration=self.registration,
            report=self.report,
            kind=self.kind,
            kind_label=ProgressReport.Kind(self.kind).label,
            can_edit=can_edit,
            due=self.registration.campaign.deadline_for(
                ProgressReport(kind=self.kind).deadline_kind, unit=self.registration.unit
            ),
            evidence=evidence,
            can_delete_evidence=can_edit and self.report is not None,
            upload_form=EvidenceUploadForm(initial={"report": self.kind}),
        )
        return context

    def post(self, request, *args, **kwargs):
        require(request.user, "registrations.act_for_unit", self.registration)
        form = ProgressReportForm(request.POST, instance=ProgressReport(registration=self.registration, kind=self.kind))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = {name: form.cleaned_data[name] for name in REPORT_FIELDS}
        try:
            if self.report is None:
                if form.cleaned_data["version"] != 0:
                    raise StaleEdit(_("Báo cáo này đã bị xóa hoặc chưa từng được lưu; hãy mở lại trang."))
                report = services.create_progress_report(self.registration, kind=self.kind, by=request.user, data=data)
            else:
                report = services.update_progress_report(
                    self.report, by=request.user, data=data, version=form.cleaned_data["version"]
                )
        except StaleEdit as error:
            form.add_error(None, error.message)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        except InvalidReport as error:
            form.add_error(None, error.message)
            return self.render_to_response(self.get_context_data(form=form))
        except RegistrationError as error:
            messages.error(request, error.message)
            return redirect("registrations:detail", self.registration.pk)
        if request.POST.get("action") == "submit":
            return submit_and_redirect(request, report)
        messages.success(request, _("Đã lưu bản nháp báo cáo. Có thể bổ sung minh chứng rồi bấm “Gửi báo cáo”."))
        return redirect("registrations:report_edit", self.registration.pk, self.kind)


def submit_and_redirect(request, report):
    try:
        services.submit_progress_report(report, by=request.user)
    except IncompleteRegistration as error:
        messages.error(request, error.message)
        return redirect("registrations:report_edit", report.registration_id, report.kind)
    except RegistrationError as error:
        messages.error(request, error.message)
        return redirect("registrations:report_edit", report.registration_id, report.kind)
    messages.success(request, _("Đã gửi %(report)s đến Ban Dân vận Huyện ủy.") % {"report": report.get_kind_display().lower()})
    return redirect("registrations:detail", report.registration_id)


class ReportSubmitView(LoginRequiredMixin, ReportMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk, kind):
        self.load(request, pk, kind)
        require(request.user, "registrations.act_for_unit", self.registration)
        if self.report is None:
            messages.error(request, _("Chưa có báo cáo để gửi; hãy nhập nội dung và lưu trước."))
            return redirect("registrations:report_edit", pk, kind)
        return submit_and_redirect(request, self.report)
