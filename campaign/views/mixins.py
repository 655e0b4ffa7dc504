"""What every campaign view shares: the campaign (or an object of it) taken through a
selector scoped to the user, so that what the user may not see is a 404, and a named
permission for what the user may change, so that a reader who tries is a 403."""

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from accounts import once

from ..exceptions import DomainError
from ..selectors import campaigns_visible_to


class CampaignMixin(LoginRequiredMixin):
    """A view of one campaign, given by ``campaign_pk`` (or ``pk``) in the URL."""

    campaign_kwarg = "pk"
    permission_required: str | None = None

    @cached_property
    def campaign(self):
        return get_object_or_404(campaigns_visible_to(self.request.user), pk=self.kwargs[self.campaign_kwarg])

    def permission_object(self):
        return self.campaign

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if self.permission_required and not request.user.has_perm(self.permission_required, self.permission_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def can_manage(self) -> bool:
        return self.request.user.has_perm("campaign.manage_campaign", self.campaign)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["campaign"] = self.campaign
        context["can_manage"] = self.can_manage
        return context


class ObjectOfCampaignMixin(CampaignMixin):
    """A view of one object that belongs to a campaign (period, item, deadline, document),
    taken from ``get_queryset()`` (a ``*_visible_to`` selector) by ``pk``."""

    campaign_path = "campaign"

    def get_queryset(self):
        raise NotImplementedError

    @cached_property
    def object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    @cached_property
    def campaign(self):
        target = self.object
        for attr in self.campaign_path.split("."):
            target = getattr(target, attr)
        return target

    def permission_object(self):
        return self.object

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        return context


class ServiceFormMixin:
    """A form view whose valid form is handed to a service; a refusal from the service
    becomes a form error, so what the user typed stays on the page."""

    success_message = ""

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            with transaction.atomic():
                if not once.claim(getattr(form, "once_token", ""), self.request.user):
                    messages.info(self.request, _("Biểu mẫu này đã được gửi trước đó; không lưu thêm lần nữa."))
                    return redirect(self.get_success_url())
                self.result = self.perform(form)
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())
