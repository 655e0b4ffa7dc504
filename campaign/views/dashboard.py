"""The organiser's dashboard and the unit home page."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import TemplateView

from accounts.models import Role

from .. import dashboard
from ..deadlines import due_dates_for
from ..models import Deadline, PlanItem
from ..selectors import (
    campaigns_visible_to,
    current_campaign,
    current_campaign_of_units,
    participating_units,
    plan_chart_data,
    plan_progress,
    upcoming_deadlines,
)


class DashboardView(LoginRequiredMixin, TemplateView):
    """For the current campaign of a body the user organises or follows: units × what each has done (one
    column per registered ``campaign.dashboard.Column``), plan progress by period, the
    next deadlines and a chart of tasks by status."""

    template_name = "campaign/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        organiser_ids = user.reader_organiser_ids()
        if not organiser_ids:
            raise PermissionDenied
        campaigns = campaigns_visible_to(user).filter(owner__in=organiser_ids)
        wanted = self.request.GET.get("campaign")
        if wanted and wanted.isdigit():
            campaign = get_object_or_404(campaigns, pk=wanted)
        else:
            campaign = current_campaign(user, organiser_ids)
        context["campaign"] = campaign
        context["campaigns"] = campaigns.order_by("-year", "-pk")
        if campaign is None:
            return context
        today = timezone.localdate()
        units = list(participating_units(campaign))
        columns = dashboard.columns()
        computed = [(column, column.compute(campaign, units)) for column in columns]
        context["columns"] = columns
        context["grid"] = [{"unit": unit, "cells": [cells.get(unit.pk) for _column, cells in computed]} for unit in units]
        progress = plan_progress(campaign, today)
        context["progress"] = progress
        context["totals"] = {
            "items": sum(row.total for row in progress),
            "done": sum(row.done for row in progress),
            "overdue": sum(row.overdue for row in progress),
            "units": len(units),
        }
        context["chart_data"] = plan_chart_data(progress)
        context["upcoming"] = upcoming_deadlines(campaign, today)
        context["today"] = today
        context["can_manage"] = user.has_perm("campaign.manage_campaign", campaign)
        return context


class UnitHomeView(LoginRequiredMixin, TemplateView):
    """What the user's unit owes next: the obligations every app registers, the
    documents still to disseminate, and the coming deadlines (extensions included)."""

    template_name = "campaign/unit_home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        campaign = current_campaign_of_units(user)
        context["campaign"] = campaign
        if campaign is None:
            return context
        today = timezone.localdate()
        obligations = dashboard.obligations_for(user, campaign)
        context["obligations"] = dashboard.ordered(obligations)
        units = [unit for unit in user.member_units((Role.FOCAL_POINT,)) if campaign.covers(unit)]
        units.sort(key=lambda unit: unit.name)
        # A deadline stays on the page until the day after it, when the last reminder goes out.
        context["unit_deadlines"] = [
            {
                "unit": unit,
                "due_dates": [
                    due for due in due_dates_for(campaign, unit, audience=Deadline.Audience.UNITS) if due.days_left(today) >= -1
                ],
            }
            for unit in (units or [None])
        ]
        context["tasks"] = (
            PlanItem.objects.filter(period__campaign=campaign)
            .filter(Q(lead_unit__in=units) | Q(coordinating_units__in=units))
            .exclude(status__in=PlanItem.CLOSED_STATUSES)
            .select_related("period", "lead_unit")
            .distinct()
            .order_by("due_date", "pk")
            if units
            else []
        )
        context["today"] = today
        return context
