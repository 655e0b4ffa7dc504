"""Pages of the background exports (accounts.exports): the base of every "Xuất Excel"
URL, the page of one export (its progress, then its file) and the list of one's own."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import ListView

from . import exports
from .models import ExportFile
from .xlsx import XLSX_CONTENT_TYPE

# While an export is being made its page reloads itself this often (seconds); no script.
REFRESH_SECONDS = 2


class ExportRequestView(LoginRequiredMixin, View):
    """A "Xuất Excel" URL. Subclasses check who may export in ``dispatch`` (before
    either method) and say what: ``export_kind``, ``export_title()``,
    ``export_params()`` and ``export_back_url()``. A GET shows what will be exported and
    a button; the POST asks for the file and leads to its page at once."""

    export_kind: str
    template_name = "accounts/exports/request.html"

    def export_title(self) -> str:
        raise NotImplementedError

    def export_params(self) -> dict:
        return {}

    def export_back_url(self) -> str:
        return ""

    def get(self, request, *args, **kwargs):
        recent = exports.exports_of(request.user).filter(kind=self.export_kind)[:5]
        context = {"title": self.export_title(), "back_url": self.export_back_url(), "recent": recent}
        return render(request, self.template_name, context)

    def post(self, request, *args, **kwargs):
        row = exports.request_export(
            self.export_kind, self.export_params(), by=request.user, title=self.export_title(), back_url=self.export_back_url()
        )
        return HttpResponseRedirect(reverse("accounts:export_detail", args=[row.key]))


class OwnExportMixin(LoginRequiredMixin):
    """An export is its requester's alone: anyone else gets a 404."""

    def get_export(self, key) -> ExportFile:
        return get_object_or_404(ExportFile, key=key, requested_by=self.request.user)


class ExportDetailView(OwnExportMixin, View):
    """The export's progress, then its file. The page asks again every few seconds
    (htmx, or a plain reload without scripts) while the file is being made."""

    def get(self, request, key):
        row = self.get_export(key)
        back_url = row.back_url if url_has_allowed_host_and_scheme(row.back_url, allowed_hosts=None) else ""
        context = {"export": row, "back_url": back_url, "refresh_seconds": REFRESH_SECONDS if row.is_waiting else None}
        template = "accounts/exports/_status.html" if request.headers.get("HX-Request") else "accounts/exports/detail.html"
        return render(request, template, context)


class ExportRetryView(OwnExportMixin, View):
    def post(self, request, key):
        row = exports.retry_export(self.get_export(key), by=request.user)
        return HttpResponseRedirect(reverse("accounts:export_detail", args=[row.key]))


class ExportDownloadView(OwnExportMixin, View):
    def get(self, request, key):
        row = self.get_export(key)
        if not row.is_ready:
            raise Http404
        try:
            handle = row.file.open("rb")
        except FileNotFoundError as error:  # gone from the disk or the bucket: not a 500
            raise Http404 from error
        response = FileResponse(handle, as_attachment=True, filename=row.filename, content_type=XLSX_CONTENT_TYPE)
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class ExportListView(LoginRequiredMixin, ListView):
    template_name = "accounts/exports/list.html"
    context_object_name = "exports"
    paginate_by = 20

    def get_queryset(self):
        return exports.exports_of(self.request.user).only(
            "key", "title", "status", "requested_at", "generated_at", "size", "rows", "error", "file"
        )
