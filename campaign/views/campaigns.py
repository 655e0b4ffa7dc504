"""The campaign itself: list, create, read, edit, publish, close, and the printable plan."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from accounts.collation import by_name
from accounts.errors import run_action

from .. import services
from ..forms import CampaignCreateForm, CampaignForm
from ..selectors import campaigns_visible_to, deadlines_of, documents_of, periods_with_items, plan_progress
from .mixins import CampaignMixin, ServiceFormMixin


class CampaignListView(LoginRequiredMixin, ListView):
    template_name = "campaign/list.html"
    context_object_name = "campaigns"
    paginate_by = 20

    def get_queryset(self):
        return campaigns_visible_to(self.request.user).order_by("-year", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_create"] = self.request.user.has_perm("campaign.create_campaign")
        return context


class CampaignCreateView(LoginRequiredMixin, ServiceFormMixin, FormView):
    template_name = "campaign/form.html"
    form_class = CampaignCreateForm
    success_message = gettext_lazy("Đã lập dự thảo kế hoạch với ba giai đoạn của năm. Hãy thêm nhiệm vụ cho từng giai đoạn.")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("campaign.create_campaign"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"year": timezone.localdate().year, "signer_title": "TRƯỞNG BAN"}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["organisers"] = self.request.user.organisers().order_by(by_name())
        return kwargs

    def perform(self, form):
        data = {key: value for key, value in form.cleaned_data.items() if key != "version"}
        owner = data.pop("owner")
        return services.create_campaign(owner=owner, by=self.request.user, **data)

    def get_success_url(self):
        return reverse("campaign:detail", args=[self.result.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Lập kế hoạch mới")
        return context


class CampaignDetailView(CampaignMixin, TemplateView):
    template_name = "campaign/detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = self.campaign
        context["progress"] = plan_progress(campaign)
        context["deadlines"] = deadlines_of(campaign, reader=self.request.user)
        context["documents"] = documents_of(campaign)
        context["tab"] = "detail"
        return context


class CampaignUpdateView(CampaignMixin, ServiceFormMixin, FormView):
    template_name = "campaign/form.html"
    form_class = CampaignForm
    permission_required = "campaign.manage_campaign"
    success_message = gettext_lazy("Đã lưu kế hoạch.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.campaign
        return kwargs

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        return services.update_campaign(self.campaign, by=self.request.user, version=version, **data)

    def get_success_url(self):
        return reverse("campaign:detail", args=[self.campaign.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Sửa kế hoạch")
        return context


class CampaignPublishView(CampaignMixin, View):
    permission_required = "campaign.manage_campaign"

    def post(self, request, pk):
        return run_action(
            request,
            lambda: services.publish_campaign(self.campaign, by=request.user),
            _("Đã ban hành kế hoạch. Các đơn vị, Hội đồng thẩm định và lãnh đạo đã xem được kế hoạch."),
            reverse("campaign:detail", args=[pk]),
        )


class CampaignCloseView(CampaignMixin, View):
    permission_required = "campaign.manage_campaign"

    def post(self, request, pk):
        return run_action(
            request,
            lambda: services.close_campaign(self.campaign, by=request.user),
            _("Đã kết thúc kế hoạch."),
            reverse("campaign:detail", args=[pk]),
        )


class PlanBoardView(CampaignMixin, TemplateView):
    """Periods as columns, each task with its status."""

    template_name = "campaign/board.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["periods"] = periods_with_items(self.campaign)
        context["tab"] = "board"
        return context


class PlanPrintView(CampaignMixin, TemplateView):
    """The whole plan laid out like the signed document, for printing on A4."""

    template_name = "campaign/print.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["periods"] = periods_with_items(self.campaign)
        context["preamble_blocks"] = paragraphs(self.campaign.preamble)
        context["purpose_blocks"] = paragraphs(self.campaign.purposes)
        context["implementation_blocks"] = paragraphs(self.campaign.implementation)
        return context


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
