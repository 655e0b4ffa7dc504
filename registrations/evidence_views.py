"""Evidence files: upload, download, thumbnail, delete. Files live in private storage
and leave it only through these views, after the selector has found the evidence
among what the user may see (another unit's file is a 404)."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from accounts import once
from campaign.uploads import download_name

from . import services
from .evidence import thumbnail_content_type
from .exceptions import RegistrationError
from .forms import EvidenceUploadForm
from .models import ProgressReport
from .selectors import evidence_visible_to
from .views import registration_for, require


def _back_to_owner(registration_id: int, report_kind: str | None):
    if report_kind:
        return redirect("registrations:report_edit", registration_id, report_kind)
    return redirect("registrations:detail", registration_id)


class EvidenceUploadView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        registration = registration_for(request, pk)
        require(request.user, "registrations.act_for_unit", registration)
        form = EvidenceUploadForm(request.POST, request.FILES)
        kind = request.POST.get("report") or None
        if kind is not None and kind not in ProgressReport.Kind.values:
            raise Http404
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return _back_to_owner(registration.pk, kind)
        report = None
        if kind:
            report = ProgressReport.objects.filter(registration=registration, kind=kind).first()
            if report is None:
                messages.error(request, _("Hãy lưu báo cáo trước khi tải minh chứng lên."))
                return _back_to_owner(registration.pk, kind)
        upload = form.cleaned_data["file"]
        try:
            with transaction.atomic():
                if not once.claim(form.once_token, request.user):
                    messages.info(request, _("Tệp này vừa được tải lên từ cùng biểu mẫu; không lưu thêm bản nữa."))
                    return _back_to_owner(registration.pk, kind)
                evidence = services.add_evidence(
                    registration, upload, by=request.user, report=report, caption=form.cleaned_data["caption"]
                )
        except RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã tải lên minh chứng “%(name)s”.") % {"name": evidence.original_name})
        return _back_to_owner(registration.pk, kind)


def _private_headers(response):
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=0, no-store"
    return response


class EvidenceDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        evidence = get_object_or_404(evidence_visible_to(request.user), pk=pk)
        try:
            handle = evidence.file.open("rb")
        except (FileNotFoundError, ValueError):
            raise Http404 from None
        response = FileResponse(
            handle, as_attachment=True, filename=download_name(evidence.original_name, evidence.content_type), content_type=evidence.content_type
        )
        return _private_headers(response)


class EvidenceThumbnailView(LoginRequiredMixin, View):
    def get(self, request, pk):
        evidence = get_object_or_404(evidence_visible_to(request.user), pk=pk)
        if not evidence.is_image:
            raise Http404
        try:
            if not evidence.thumbnail:
                services.store_missing_thumbnail(evidence)
            with evidence.thumbnail.open("rb") as handle:
                data = handle.read()
        except (FileNotFoundError, OSError, ValueError, RegistrationError):
            raise Http404 from None
        response = HttpResponse(data, content_type=thumbnail_content_type(evidence.thumbnail.name))
        response["Content-Disposition"] = "inline"
        _private_headers(response)
        response["Cache-Control"] = "private, max-age=3600"
        return response


class EvidenceDeleteView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        evidence = get_object_or_404(evidence_visible_to(request.user), pk=pk)
        require(request.user, "registrations.act_for_unit", evidence.registration)
        kind = evidence.report.kind if evidence.report_id else None
        try:
            services.delete_evidence(evidence, by=request.user)
        except RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã xóa minh chứng “%(name)s”.") % {"name": evidence.original_name})
        return _back_to_owner(evidence.registration_id, kind)
