"""Deadlines of a campaign and their extensions for single units (gia hạn)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts.errors import run_action

from .. import services
from ..deadlines import due_dates_for
from ..forms import DeadlineForm, ExtensionForm
from ..selectors import deadlines_of, deadlines_visible_to, extensions_visible_to
from .mixins import CampaignMixin, ObjectOfCampaignMixin, ServiceFormMixin


class DeadlineListView(CampaignMixin, TemplateView):
    template_name = "campaign/deadlines.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["deadlines"] = deadlines_of(self.campaign, reader=self.request.user)
        context["today"] = timezone.localdate()
        own_units = self.request.user.units(roles=("focal_point",)).filter(parent_id=self.campaign.owner_id)
        context["own_due_dates"] = [(unit, due_dates_for(self.campaign, unit)) for unit in own_units]
        context["tab"] = "deadlines"
        return context


class DeadlineCreateView(CampaignMixin, ServiceFormMixin, FormView):
    template_name = "campaign/form.html"
    form_class = DeadlineForm
    permission_required = "campaign.manage_campaign"
    success_message = gettext_lazy("Đã thêm thời hạn.")

    def perform(self, form):
        return services.set_deadline(self.campaign, by=self.request.user, **form.cleaned_data)

    def get_success_url(self):
        return reverse("campaign:deadlines", args=[self.campaign.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Thêm thời hạn")
        return context


class DeadlineMixin(ObjectOfCampaignMixin):
    def get_queryset(self):
        return deadlines_visible_to(self.request.user)


class DeadlineEditView(DeadlineMixin, ServiceFormMixin, FormView):
    template_name = "campaign/form.html"
    form_class = DeadlineForm
    permission_required = "campaign.manage_campaign"
    success_message = gettext_lazy("Đã lưu thời hạn.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"instance": self.object}

    def perform(self, form):
        return services.set_deadline(self.campaign, by=self.request.user, deadline=self.object, **form.cleaned_data)

    def get_success_url(self):
        return reverse("campaign:deadlines", args=[self.campaign.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Sửa thời hạn")
        return context


class DeadlineDeleteView(DeadlineMixin, View):
    permission_required = "campaign.manage_campaign"

    def post(self, request, pk):
        campaign_pk = self.campaign.pk
        return run_action(
            request,
            lambda: services.delete_deadline(self.object, by=request.user),
            _("Đã xóa thời hạn."),
            reverse("campaign:deadlines", args=[campaign_pk]),
        )


class ExtensionCreateView(DeadlineMixin, ServiceFormMixin, FormView):
    template_name = "campaign/form.html"
    form_class = ExtensionForm
    permission_required = "campaign.manage_campaign"
    success_message = gettext_lazy("Đã gia hạn cho đơn vị.")

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"deadline": self.object}

    def get_initial(self):
        return {"unit": self.request.GET.get("unit")}

    def perform(self, form):
        data = form.cleaned_data
        return services.grant_extension(
            self.object, data["unit"], by=self.request.user, due_date=data["due_date"], reason=data["reason"]
        )

    def get_success_url(self):
        return reverse("campaign:deadlines", args=[self.campaign.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Gia hạn “%(deadline)s” cho một đơn vị") % {"deadline": self.object}
        context["intro"] = _("Hạn chung: %(date)s. Hạn mới phải sau hạn chung.") % {
            "date": self.object.due_date.strftime("%d/%m/%Y")
        }
        return context


class ExtensionRevokeView(ObjectOfCampaignMixin, View):
    campaign_path = "deadline.campaign"
    permission_required = "campaign.manage_campaign"

    def get_queryset(self):
        return extensions_visible_to(self.request.user)

    def post(self, request, pk):
        campaign_pk = self.campaign.pk
        return run_action(
            request,
            lambda: services.revoke_extension(self.object, by=request.user),
            _("Đã thu hồi gia hạn."),
            reverse("campaign:deadlines", args=[campaign_pk]),
        )
