"""Report pages. Every view takes its report through ``reports_visible_to``, so a
report outside the user's districts, and every report for a user who is neither staff
nor viewer of a district, is a 404; the named rules then decide the action."""

import rules
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.errors import run_action
from registrations.selectors import registrations_visible_to

from . import services
from .document import build_document
from .exceptions import DomainError
from .forms import NewReportForm, SummaryReportForm
from .models import ReportFile
from .pdf import render_pdf_once
from .registration_form import build_registration_form
from .selectors import (
    campaigns_for_new_report,
    content_for_rendering,
    document_content,
    file_rows,
    report_list,
    reports_visible_to,
)
from .signing import checklist


class ReportAccessMixin(LoginRequiredMixin):
    """Only staff and viewers of a district have report pages at all."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.reader_organiser_ids():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_report(self, pk):
        return get_object_or_404(reports_visible_to(self.request.user), pk=pk)


def edit_url(report) -> str:
    return reverse("reports:edit", kwargs={"pk": report.pk})


def files_context(report, user) -> dict:
    rows = file_rows(report)
    made = [row for _fmt, _label, row in rows if row is not None and row.is_ready and row.source_fingerprint]
    if made:
        # Outdated when what the file shows has changed since: figures as well as text.
        current = services.content_fingerprint(report)
        for row in made:
            row.content_changed = row.source_fingerprint != current
    return {
        "report": report,
        "file_rows": rows,
        "files_pending": any(row is not None and row.is_waiting for _fmt, _label, row in rows),
        "can_render": rules.has_perm("reports.render_report", user, report),
    }


class ReportIndexView(ReportAccessMixin, TemplateView):
    template_name = "reports/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["reports"] = list(report_list(user))
        if rules.has_perm("reports.create_report", user):
            context["form"] = kwargs.get("form") or NewReportForm(campaigns=campaigns_for_new_report(user))
        return context

    def post(self, request):
        if not rules.has_perm("reports.create_report", request.user):
            raise PermissionDenied
        form = NewReportForm(request.POST, campaigns=campaigns_for_new_report(request.user))
        if form.is_valid():
            try:
                report = services.create_report(form.cleaned_data["campaign"], form.cleaned_data["kind"], by=request.user)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã tạo dự thảo báo cáo. Hãy nhập phần đánh giá và phương hướng."))
                return redirect(edit_url(report))
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ReportEditView(ReportAccessMixin, View):
    """The report's page: the form for staff while it is a draft, otherwise the
    read-only summary; both with the files and the signing panel."""

    template_name = "reports/edit.html"

    def _render(self, report, form=None, status=200):
        user = self.request.user
        can_edit = rules.has_perm("reports.change_report", user, report)
        if can_edit and form is None:
            form = SummaryReportForm(instance=report)
        can_sign = rules.has_perm("reports.sign_report", user, report)
        context = {
            **files_context(report, user),
            "form": form if can_edit else None,
            "can_sign": can_sign,
            "checklist": checklist(report, document_content(report)) if can_sign else [],
            "sealed_file": report.sealed_file,
        }
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        return self._render(self.get_report(pk))

    def post(self, request, pk):
        report = self.get_report(pk)
        if not rules.has_perm("reports.change_report", request.user, report):
            if report.is_signed and rules.has_perm("reports.render_report", request.user, report):
                messages.error(request, _("Báo cáo đã ký ban hành, không thể sửa."))
                return redirect(edit_url(report))
            raise PermissionDenied
        form = SummaryReportForm(request.POST, instance=report)
        if form.is_valid():
            try:
                services.update_report(report, by=request.user, version=form.cleaned_data["version"], **form.service_fields())
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã lưu báo cáo."))
                return redirect(edit_url(report))
        return self._render(report, form=form, status=400)


class SignReportView(ReportAccessMixin, View):
    def post(self, request, pk):
        report = self.get_report(pk)
        if not rules.has_perm("reports.sign_report", request.user, report):
            raise PermissionDenied
        return run_action(
            request,
            lambda: services.sign_report(report, by=request.user, confirmed=request.POST.getlist("confirm")),
            _("Đã ký ban hành báo cáo. Tệp PDF và DOCX được tạo lại theo số liệu lúc ký."),
            edit_url(report),
        )


class RenderReportView(ReportAccessMixin, View):
    """ "Tạo PDF" / "Tạo DOCX": queue the file; with no broker it is made at once."""

    def post(self, request, pk, fmt):
        report = self.get_report(pk)
        if fmt not in ReportFile.Format.values:
            raise Http404
        if not rules.has_perm("reports.render_report", request.user, report):
            raise PermissionDenied
        row = services.request_file(report, fmt, by=request.user)
        row.refresh_from_db()
        if row.is_ready:
            messages.success(request, _("Đã tạo tệp %(format)s.") % {"format": row.get_format_display()})
        elif row.status == ReportFile.Status.FAILED:
            messages.error(
                request,
                _("Không tạo được tệp %(format)s. Hãy thử lại hoặc báo quản trị hệ thống.")
                % {"format": row.get_format_display()},
            )
        elif row.queued_at is None:
            messages.warning(
                request,
                _("Máy chủ xử lý tạm thời chưa nhận yêu cầu; yêu cầu tạo tệp %(format)s đã được lưu và hệ thống sẽ tự thử lại.")
                % {"format": row.get_format_display()},
            )
        else:
            messages.info(
                request, _("Đang tạo tệp %(format)s; trang sẽ hiện nút tải về khi xong.") % {"format": row.get_format_display()}
            )
        return redirect(edit_url(report))


class ReportFilesView(ReportAccessMixin, View):
    """The files panel alone, polled by htmx while a file is being made."""

    def get(self, request, pk):
        report = self.get_report(pk)
        return render(request, "reports/_files.html", files_context(report, request.user))


class DownloadReportView(ReportAccessMixin, View):
    def get(self, request, pk, fmt):
        report = self.get_report(pk)
        row = ReportFile.objects.filter(report=report, format=fmt, status=ReportFile.Status.READY).first()
        if row is None or not row.file:
            raise Http404
        try:
            handle = row.file.open("rb")
        except FileNotFoundError as error:  # gone from the disk or the bucket: not a 500
            raise Http404 from error
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=services.file_name(report, fmt),
            content_type=row.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class RegistrationFormView(LoginRequiredMixin, View):
    """The registration form (phiếu đăng ký) as a PDF, for whoever may see the
    registration: another unit's is a 404 through the registrations selector."""

    def get(self, request, pk):
        registration = get_object_or_404(
            registrations_visible_to(request.user).select_related("created_by", "unit__parent"), pk=pk
        )
        document = build_registration_form(registration)
        response = HttpResponse(render_pdf_once(document), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{document.filename_stem}.pdf"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class PreviewReportView(ReportAccessMixin, View):
    """The document as HTML, from the same template and blocks as the PDF."""

    def get(self, request, pk):
        report = self.get_report(pk)
        document = build_document(report, content_for_rendering(report))
        return render(request, "reports/preview.html", {"report": report, "doc": document})
