"""The plan: its periods, its tasks, and the dated progress updates on each task."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts.errors import run_action

from .. import services
from ..forms import PeriodForm, PlanItemForm, ProgressUpdateForm, StatusForm
from ..models import PlanItem
from ..selectors import periods_visible_to, plan_items_visible_to, plan_updates_visible_to, updates_of
from ..uploads import download_name
from .mixins import CampaignMixin, ObjectOfCampaignMixin, ServiceFormMixin


def private_file_response(field, original_name: str, content_type: str):
    """Stream a private file as a download, never rendered in the browser's context."""
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, as_attachment=True, filename=download_name(original_name or field.name.rsplit("/", 1)[-1], content_type))
    response["Content-Type"] = content_type or "application/octet-stream"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# Periods -------------------------------------------------------------------------------


class PeriodCreateView(CampaignMixin, ServiceFormMixin, FormView):
    template_name = "campaign/form.html"
    form_class = PeriodForm
    permission_required = "campaign.manage_campaign"
    success_message = gettext_lazy("Đã thêm giai đoạn.")

    def perform(self, form):
        return services.create_period(self.campaign, by=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return reverse("campaign:board", args=[self.campaign.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Thêm giai đoạn")
        return context


class PeriodUpdateView(ObjectOfCampaignMixin, ServiceFormMixin, FormView):
    template_name = "campaign/form.html"
    form_class = PeriodForm
    permission_required = "campaign.manage_campaign"
    success_message = gettext_lazy("Đã lưu giai đoạn.")

    def get_queryset(self):
        return periods_visible_to(self.request.user)

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"instance": self.object}

    def perform(self, form):
        return services.update_period(self.object, by=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return reverse("campaign:board", args=[self.campaign.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Sửa giai đoạn “%(name)s”") % {"name": self.object.name}
        return context


class PeriodDeleteView(ObjectOfCampaignMixin, View):
    permission_required = "campaign.manage_campaign"

    def get_queryset(self):
        return periods_visible_to(self.request.user)

    def post(self, request, pk):
        return run_action(
            request,
            lambda: services.delete_period(self.object, by=request.user),
            _("Đã xóa giai đoạn."),
            reverse("campaign:board", args=[self.campaign.pk]),
        )


# Plan items ----------------------------------------------------------------------------


class PlanItemCreateView(CampaignMixin, ServiceFormMixin, FormView):
    template_name = "campaign/form.html"
    form_class = PlanItemForm
    permission_required = "campaign.manage_campaign"
    success_message = gettext_lazy("Đã thêm nhiệm vụ.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"campaign": self.campaign}

    def get_initial(self):
        initial = {}
        wanted = self.request.GET.get("period", "")
        period = self.campaign.periods.filter(pk=wanted).first() if wanted.isdigit() else None
        if period is not None:
            initial["period"] = period
            initial["due_date"] = period.ends_on
        return initial

    def perform(self, form):
        data = dict(form.cleaned_data)
        data.pop("version", None)
        period = data.pop("period")
        return services.create_plan_item(period, by=self.request.user, **data)

    def get_success_url(self):
        return reverse("campaign:board", args=[self.campaign.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Thêm nhiệm vụ")
        return context


class PlanItemMixin(ObjectOfCampaignMixin):
    campaign_path = "period.campaign"

    def get_queryset(self):
        return plan_items_visible_to(self.request.user)


class PlanItemDetailView(PlanItemMixin, TemplateView):
    """A task with its progress updates; staff record an update or change its status here."""

    template_name = "campaign/item_detail.html"
    update_form = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.object
        context["item"] = item
        context["updates"] = updates_of(item)
        context["coordinating_units"] = item.coordinating_units.all()
        if self.can_manage:
            context["update_form"] = self.update_form or ProgressUpdateForm(initial={"date": timezone.localdate()})
            context["status_choices"] = [choice for choice in PlanItem.Status.choices if choice[0] != item.status]
        return context


class PlanItemEditView(PlanItemMixin, ServiceFormMixin, FormView):
    template_name = "campaign/form.html"
    form_class = PlanItemForm
    permission_required = "campaign.manage_campaign"
    success_message = gettext_lazy("Đã lưu nhiệm vụ.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"campaign": self.campaign, "instance": self.object}

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        coordinating_units = list(data.pop("coordinating_units"))
        if data.get("order") is None:
            data.pop("order")
        return services.update_plan_item(
            self.object, by=self.request.user, version=version, coordinating_units=coordinating_units, **data
        )

    def get_success_url(self):
        return reverse("campaign:item", args=[self.object.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Sửa nhiệm vụ")
        return context


class PlanItemStatusView(PlanItemMixin, View):
    permission_required = "campaign.manage_campaign"

    def post(self, request, pk):
        form = StatusForm(request.POST)
        target = reverse("campaign:item", args=[pk])
        if not form.is_valid():
            messages.error(request, _("Trạng thái không hợp lệ."))
            return redirect(target)
        status = form.cleaned_data["status"]
        return run_action(
            request,
            lambda: services.set_plan_item_status(self.object, status, by=request.user, version=form.cleaned_data["version"]),
            _("Đã chuyển nhiệm vụ sang “%(status)s”.") % {"status": PlanItem.Status(status).label},
            target,
        )


class PlanItemDeleteView(PlanItemMixin, View):
    permission_required = "campaign.manage_campaign"

    def post(self, request, pk):
        campaign_pk = self.campaign.pk
        return run_action(
            request,
            lambda: services.delete_plan_item(self.object, by=request.user),
            _("Đã xóa nhiệm vụ."),
            reverse("campaign:board", args=[campaign_pk]),
        )


class ProgressUpdateCreateView(PlanItemMixin, ServiceFormMixin, FormView):
    """Record a progress update; on an error the task page comes back with what was typed."""

    form_class = ProgressUpdateForm
    permission_required = "campaign.manage_campaign"
    success_message = gettext_lazy("Đã ghi cập nhật tiến độ.")

    def get(self, request, *args, **kwargs):
        return PlanItemDetailView.as_view()(request, *args, **kwargs)

    def perform(self, form):
        data = form.cleaned_data
        return services.record_plan_item_update(
            self.object,
            by=self.request.user,
            date=data["date"],
            text=data["text"],
            evidence=data.get("evidence") or None,
            new_status=data.get("new_status") or "",
        )

    def form_invalid(self, form):
        view = PlanItemDetailView(update_form=form)
        view.setup(self.request, *self.args, **self.kwargs)
        return view.render_to_response(view.get_context_data())

    def get_success_url(self):
        return reverse("campaign:item", args=[self.object.pk])


class ProgressEvidenceView(ObjectOfCampaignMixin, View):
    """Download an update's evidence file: only for those who may read the plan."""

    campaign_path = "item.period.campaign"

    def get_queryset(self):
        return plan_updates_visible_to(self.request.user)

    def get(self, request, pk):
        update = self.object
        return private_file_response(update.evidence, update.original_name, update.content_type)
