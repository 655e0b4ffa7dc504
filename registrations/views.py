"""Registration pages: the unit's own work (create, edit, submit, withdraw), the
district's review (list, return, accept, bulk accept, export) and the detail page both
share. Objects come through the selectors, so another unit's is a 404."""

import rules
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import TemplateView
from django_filters.views import FilterView

from accounts.collation import by_name
from accounts.errors import run_action
from accounts.export_views import ExportRequestView
from campaign.models import Deadline

from . import dashboard, exports, lifecycle, services
from .exceptions import IncompleteRegistration, RegistrationError, StaleEdit
from .filters import RegistrationFilter, filtered_registrations
from .forms import EvidenceUploadForm, NewRegistrationForm, RegistrationForm, ReturnForm
from .models import CONTENT_FIELDS, ProgressReport, Registration, Status
from .selectors import (
    LIST_LEAVES_OUT,
    as_shown,
    history_of,
    open_campaign_for,
    own_models,
    registration_detail,
    registration_list,
    registrations_visible_to,
    results_withheld,
    reviewable_by,
    status_counts,
    unit_registrations,
)


def require(user, perm: str, obj=None) -> None:
    """Named permission or 403. Rules only: a superuser gets no bypass of the workflow."""
    if not rules.has_perm(perm, user, obj):
        raise PermissionDenied


def registration_for(request, pk) -> Registration:
    return get_object_or_404(registrations_visible_to(request.user), pk=pk)


# The district's list and export ------------------------------------------------------


class FilteredRegistrationsMixin:
    filterset_class = RegistrationFilter

    def get_queryset(self):
        return registration_list(self.request.user).order_by(by_name("unit__name"), by_name("model__name"), "pk")

    def get_filterset(self, filterset_class):
        return filtered_registrations(self.request.user, self.request.GET, self.get_queryset())


class RegistrationListView(LoginRequiredMixin, FilteredRegistrationsMixin, FilterView):
    template_name = "registrations/list.html"
    paginate_by = 25
    context_object_name = "registrations"

    def get_queryset(self):
        return super().get_queryset().defer(*LIST_LEAVES_OUT)

    def get_paginator(self, queryset, per_page, **kwargs):
        # The rows counted once: the status summary's counts add up to the list's length.
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = sum(self.counts.values())
        return paginator

    def get_context_data(self, **kwargs):
        filterset = self.filterset
        self.counts = status_counts(filterset.qs) if filterset.is_valid() else {}
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query"] = query.urlencode()
        context["registrations"] = as_shown(context["registrations"])
        context["is_reviewer"] = self.request.user.is_organiser_staff
        context["campaign"] = filterset.form.cleaned_data.get("campaign") if filterset.is_valid() else None
        context["status_summary"] = [
            (value, label, self.counts[value]) for value, label in Status.choices if self.counts.get(value)
        ]
        return context


class RegistrationExportView(ExportRequestView):
    """The filtered list as an Excel workbook, one row per registration, made in the
    background (registrations.exports.workbook_for)."""

    export_kind = exports.KIND

    def export_title(self) -> str:
        return _("Danh sách đăng ký thi đua (Excel)")

    def export_params(self) -> dict:
        query = self.request.GET.copy()
        query.pop("page", None)
        return {"query": {key: query.getlist(key) for key in sorted(query)}}

    def export_back_url(self) -> str:
        query = self.request.GET.copy()
        query.pop("page", None)
        return f"{reverse('registrations:list')}?{query.urlencode()}" if query else reverse("registrations:list")


# The unit's home --------------------------------------------------------------------


class UnitHomeView(LoginRequiredMixin, TemplateView):
    """A focal point's registrations (returned ones first, with the reason) and what
    is due next."""

    template_name = "registrations/unit_home.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.focal_unit_ids():
            return redirect("registrations:list")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        units = list(user.units().filter(pk__in=user.focal_unit_ids()).order_by(by_name()))
        campaign = open_campaign_for(units[0]) if units else None
        registrations = as_shown(unit_registrations(user, campaign)) if campaign else []
        for registration in registrations:
            reports = {report.kind: report for report in registration.reports.all()}
            registration.interim_report = reports.get(ProgressReport.Kind.INTERIM)
            registration.final_report = reports.get(ProgressReport.Kind.FINAL)
        obligations = dashboard.obligations(user, campaign)
        pending = sorted((o for o in obligations if not o.done), key=lambda o: o.sort_key)
        context.update(
            units=units,
            campaign=campaign,
            returned=[r for r in registrations if r.status == Status.RETURNED],
            registrations=registrations,
            obligations=pending,
            done_obligations=[o for o in obligations if o.done],
            unregistered=list(own_models(user, unregistered_in=campaign)),
            today=timezone.localdate(),
        )
        return context


# Creating and editing ---------------------------------------------------------------


def _content(form) -> dict:
    return {name: form.cleaned_data.get(name, "") for name in CONTENT_FIELDS}


def _attach_evidence(request, registration, form) -> list[str]:
    """Store the files chosen on the form; the messages of any the service refused."""
    refused = []
    for upload in form.cleaned_data.get("evidence") or []:
        try:
            services.add_evidence(registration, upload, by=request.user)
        except RegistrationError as error:
            refused.append(error.message)
    return refused


def _after_save(request, registration, refused: list[str]) -> HttpResponseRedirect:
    """One message for a save, whether or not it also asked to send."""
    if refused:
        messages.error(request, " ".join([_("Đã lưu bản nháp nhưng chưa lưu được minh chứng:"), *refused]))
        return redirect("registrations:edit", registration.pk)
    if request.POST.get("action") == "submit":
        return _submit_and_redirect(request, registration, saved=True)
    messages.success(request, _("Đã lưu bản nháp."))
    return redirect("registrations:detail", registration.pk)


def mark_missing(form, missing: dict[str, str]) -> None:
    """Each item still missing before sending, marked on its own field."""
    for name in missing:
        if name == services.EVIDENCE_ITEM:
            form.add_error(name, _("Cần tải lên ít nhất một tệp minh chứng trước khi gửi."))
        elif name in form.fields:
            form.add_error(name, _("Cần điền mục này trước khi gửi."))


class RegistrationCreateView(LoginRequiredMixin, TemplateView):
    """Register one of the unit's models in the open campaign of its district."""

    template_name = "registrations/form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, "registrations.add_registration")
        self.model = None
        model_id = request.GET.get("model") or request.POST.get("model")
        if model_id:
            if not str(model_id).isdigit():
                raise PermissionDenied
            self.model = get_object_or_404(own_models(request.user), pk=model_id)
        first = self.model.unit if self.model else request.user.units().filter(pk__in=request.user.focal_unit_ids()).first()
        self.campaign = open_campaign_for(first) if first else None
        if self.campaign is None:
            messages.error(request, _("Chưa có kế hoạch thi đua nào đang nhận đăng ký của đơn vị."))
            return redirect("registrations:unit_home")
        if self.model is not None:
            existing = registrations_visible_to(request.user).filter(campaign=self.campaign, model=self.model).first()
            if existing is not None:
                messages.info(
                    request, _("Mô hình này đã được đăng ký trong kế hoạch năm %(year)s.") % {"year": self.campaign.year}
                )
                return redirect("registrations:detail", existing.pk)
        return super().dispatch(request, *args, **kwargs)

    def eligible_models(self):
        return own_models(self.request.user, unregistered_in=self.campaign)

    def get_form(self, data=None, files=None):
        form = NewRegistrationForm(
            data, files, models=self.eligible_models(), initial={"model": self.model}, requires_evidence=self.campaign.requires_evidence
        )
        if self.model is not None:
            form.fields["model"].widget = form.fields["model"].hidden_widget()
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        unit = self.model.unit if self.model else None
        due = self.campaign.deadline_for(Deadline.Kind.REGISTRATION, unit=unit) if unit else None
        context.update(campaign=self.campaign, chosen_model=self.model, creating=True, due=due)
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            registration = services.create_registration(
                campaign=self.campaign, model=form.cleaned_data["model"], by=request.user, data=_content(form)
            )
        except RegistrationError as error:
            form.add_error(None, error.message)
            return self.render_to_response(self.get_context_data(form=form))
        return _after_save(request, registration, _attach_evidence(request, registration, form))


def _submit_and_redirect(request, registration, *, saved: bool = False) -> HttpResponseRedirect:
    """Send, then say in one message what happened; when something is missing, back to
    the form with each missing item marked."""
    saved_note = _("Đã lưu bản nháp nhưng chưa gửi.") + " " if saved else ""
    try:
        services.submit_registration(registration, by=request.user)
    except IncompleteRegistration as error:
        messages.error(request, saved_note + error.message)
        return HttpResponseRedirect(reverse("registrations:edit", args=[registration.pk]) + "?check=1")
    except RegistrationError as error:
        messages.error(request, saved_note + error.message)
        return redirect("registrations:detail", registration.pk)
    if saved:
        messages.success(request, _("Đã lưu và gửi đăng ký đến Ban Dân vận Huyện ủy."))
    else:
        messages.success(request, _("Đã gửi đăng ký đến Ban Dân vận Huyện ủy."))
    return redirect("registrations:detail", registration.pk)


class RegistrationEditView(LoginRequiredMixin, TemplateView):
    template_name = "registrations/form.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.registration = registration_for(request, kwargs["pk"])
        require(request.user, "registrations.act_for_unit", self.registration)
        if not self.registration.is_editable:
            messages.warning(
                request,
                _("Đăng ký đang ở trạng thái “%(status)s”, chỉ sửa được khi là nháp hoặc bị trả lại.")
                % {"status": self.registration.get_status_display()},
            )
            return redirect("registrations:detail", self.registration.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, data=None, files=None, instance=None):
        instance = instance or self.registration
        return RegistrationForm(data, files, instance=instance, requires_evidence=instance.campaign.requires_evidence)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        missing = services.missing_fields(self.registration)
        if "form" not in context:
            if self.request.GET.get("check") and missing:
                # Back from a refused send: the saved values, each missing item marked.
                data = {name: getattr(self.registration, name) for name in CONTENT_FIELDS}
                context["form"] = self.get_form({**data, "version": self.registration.version})
                context["form"].is_valid()
                mark_missing(context["form"], missing)
            else:
                context["form"] = self.get_form()
        context.update(
            registration=self.registration,
            campaign=self.registration.campaign,
            chosen_model=self.registration.model,
            evidence=list(self.registration.evidence.filter(report__isnull=True).order_by("uploaded_at", "pk")),
            missing=missing,
            due=self.registration.campaign.deadline_for(Deadline.Kind.REGISTRATION, unit=self.registration.unit),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES, instance=Registration.objects.get(pk=self.registration.pk))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            registration = services.update_registration(
                self.registration, by=request.user, data=_content(form), version=form.cleaned_data["version"]
            )
        except StaleEdit as error:
            form.add_error(None, error.message)
            return self.render_to_response(self.get_context_data(form=form, stale=True), status=409)
        except RegistrationError as error:
            messages.error(request, error.message)
            return redirect("registrations:detail", self.registration.pk)
        return _after_save(request, registration, _attach_evidence(request, registration, form))


# The detail page --------------------------------------------------------------------


class RegistrationDetailView(LoginRequiredMixin, TemplateView):
    template_name = "registrations/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        registration = get_object_or_404(registration_detail(user), pk=kwargs["pk"])
        history = history_of(registration)
        if results_withheld(registration):
            history = history.exclude(action="registration.appraised")
        as_shown([registration])
        reports = {report.kind: report for report in registration.reports.all()}
        for_unit = rules.has_perm("registrations.act_for_unit", user, registration)
        report_rows = []
        due_dates = registration.campaign.due_dates_by_kind(registration.unit)
        if registration.accepts_reports or reports:
            for kind, deadline_kind in (
                (ProgressReport.Kind.INTERIM, Deadline.Kind.INTERIM_REPORT),
                (ProgressReport.Kind.FINAL, Deadline.Kind.FINAL_REPORT),
            ):
                report_rows.append(
                    {
                        "kind": kind,
                        "label": ProgressReport.Kind(kind).label,
                        "report": reports.get(kind),
                        "due": due_dates.get(deadline_kind),
                        "can_file": for_unit
                        and registration.accepts_reports
                        and not (reports.get(kind) and reports[kind].is_submitted),
                    }
                )
        context.update(
            registration=registration,
            model=registration.model,
            content=[(Registration._meta.get_field(name).verbose_name, getattr(registration, name)) for name in CONTENT_FIELDS],
            report_rows=report_rows,
            evidence=registration.own_evidence,
            for_unit=for_unit,
            can_edit=rules.has_perm("registrations.change_registration", user, registration),
            can_withdraw=lifecycle.may_take(user, registration, "withdraw"),
            can_review=lifecycle.may_take(user, registration, "accept"),
            missing=services.missing_fields(registration) if registration.is_editable else {},
            due=due_dates.get(Deadline.Kind.REGISTRATION),
            history=list(history[:50]),
            upload_form=EvidenceUploadForm(),
            return_form=ReturnForm(),
        )
        return context


# Workflow actions -------------------------------------------------------------------


class RegistrationActionView(LoginRequiredMixin, View):
    """POST-only step on one registration: get it, check the role, call the service,
    say what happened."""

    permission = ""
    http_method_names = ["post"]

    def post(self, request, pk):
        registration = registration_for(request, pk)
        require(request.user, self.permission, registration)
        return run_action(request, lambda: self.act(registration), None, reverse("registrations:detail", args=[registration.pk]))

    def act(self, registration) -> str:
        raise NotImplementedError


class SubmitRegistrationView(RegistrationActionView):
    permission = "registrations.act_for_unit"

    def post(self, request, pk):
        registration = registration_for(request, pk)
        require(request.user, self.permission, registration)
        return _submit_and_redirect(request, registration)


class WithdrawRegistrationView(RegistrationActionView):
    permission = "registrations.act_for_unit"

    def act(self, registration):
        services.withdraw_registration(registration, by=self.request.user)
        return _("Đã rút đăng ký “%(model)s”.") % {"model": registration.model.name}


class AcceptRegistrationView(RegistrationActionView):
    permission = "registrations.review"

    def act(self, registration):
        services.accept_registration(registration, by=self.request.user)
        return _("Đã tiếp nhận đăng ký “%(model)s” của %(unit)s.") % {"model": registration.model.name, "unit": registration.unit}


class ReturnRegistrationView(LoginRequiredMixin, TemplateView):
    template_name = "registrations/return.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.registration = registration_for(request, kwargs["pk"])
        require(request.user, "registrations.review", self.registration)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ReturnForm())
        context["registration"] = self.registration
        context["due"] = self.registration.campaign.deadline_for(Deadline.Kind.REGISTRATION, unit=self.registration.unit)
        return context

    def post(self, request, *args, **kwargs):
        form = ReturnForm(request.POST)
        if form.is_valid():
            try:
                services.return_registration(self.registration, by=request.user, reason=form.cleaned_data["reason"])
            except RegistrationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("Đã trả lại đăng ký “%(model)s” để đơn vị bổ sung.") % {"model": self.registration.model.name}
                )
                return redirect("registrations:detail", self.registration.pk)
        return self.render_to_response(self.get_context_data(form=form))


class BulkAcceptView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        require(request.user, "registrations.review_registrations")
        ids = [value for value in request.POST.getlist("registrations") if value.isdigit()]
        back = reverse("registrations:list")
        query = request.POST.get("query", "")
        if query:
            back = f"{back}?{query}"
        if not ids:
            messages.warning(request, _("Chưa chọn đăng ký nào để tiếp nhận."))
            return HttpResponseRedirect(back)
        chosen = list(reviewable_by(request.user).filter(pk__in=ids))
        result = services.bulk_accept(chosen, by=request.user)
        if result.accepted:
            messages.success(
                request,
                ngettext("Đã tiếp nhận %(count)s đăng ký.", "Đã tiếp nhận %(count)s đăng ký.", len(result.accepted))
                % {"count": len(result.accepted)},
            )
        skipped = len(result.skipped) + len(ids) - len(chosen)
        if skipped:
            messages.warning(
                request,
                ngettext(
                    "Bỏ qua %(count)s đăng ký không ở trạng thái “Đã gửi”.",
                    "Bỏ qua %(count)s đăng ký không ở trạng thái “Đã gửi”.",
                    skipped,
                )
                % {"count": skipped},
            )
        return HttpResponseRedirect(back)
