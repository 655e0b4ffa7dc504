"""Views of the appraisal set-up: the overview, council, criteria, nomination and
assignment, with the mixins every appraisal view uses.

Thin: each takes its object through a selector or the council of a campaign, checks a
named permission (a refusal is a 404: nobody learns what exists elsewhere), binds a form
and calls a service. Scoring: scoring_views.py; results: result_views.py; award
proposals and medals: award_views.py."""

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from campaign.models import Campaign
from models.models import DvkModel

from . import selectors, services
from .forms import (
    AssignmentForm,
    CouncilForm,
    CouncilMemberForm,
    CriteriaSetNameForm,
    CriterionFormSet,
    NominationForm,
)
from .models import Council, CouncilMember, CriteriaSet
from .rules import is_staff_of_campaign


def campaign_url(name: str, campaign) -> str:
    return reverse(f"evaluations:{name}", kwargs={"campaign_pk": campaign.pk})


def paged(request, rows, per_page: int, *, count: int | None = None) -> dict:
    """One page of ``rows`` for ``includes/pagination.html``, its links keeping the
    request's other parameters (the filters). ``count``, when the caller has counted the
    rows already, spares the paginator its own count query."""
    paginator = Paginator(rows, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is not computed
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "page_obj": page,
        "paginator": page.paginator,
        "is_paginated": page.has_other_pages(),
        "query_string": query.urlencode(),
    }


# Mixins -----------------------------------------------------------------------------


class NotFoundFirstMixin(LoginRequiredMixin):
    """Sends an anonymous visitor to sign in, then resolves the cached property named by
    ``resolve_first`` (which raises Http404) before any method check, so a refused
    object is a 404 whatever the method."""

    resolve_first: str

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        getattr(self, self.resolve_first)
        return super().dispatch(request, *args, **kwargs)


class CouncilNotStarted(Exception):
    def __init__(self, campaign: Campaign):
        self.campaign = campaign


def _start_page(request, campaign: Campaign, campaigns=()):
    """A campaign without a council: staff are offered to form it (a POST; a GET
    never creates one)."""
    context = {"campaign": campaign, "campaigns": campaigns, "next": request.get_full_path()}
    return TemplateResponse(request, "evaluations/start.html", context)


class CouncilMixin(NotFoundFirstMixin):
    """A page of one campaign's council, given by ``campaign_pk``. Staff of the district
    open it; before the council exists a GET offers to form it and a POST forms it with
    its defaults. Anyone without ``permission_required`` on the council gets a 404."""

    permission_required = "evaluations.manage_council"
    resolve_first = "council"
    # A POST to a campaign without a council forms it (the start page's button); a view
    # whose POST does something else sets this False and offers the start page instead.
    post_forms_council = True

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except CouncilNotStarted as missing:
            return _start_page(request, missing.campaign)

    @cached_property
    def council(self) -> Council:
        user = self.request.user
        campaign = get_object_or_404(Campaign.objects.select_related("owner"), pk=self.kwargs["campaign_pk"])
        council = Council.objects.select_related("campaign__owner", "finalised_by").filter(campaign=campaign).first()
        if council is None:
            if not is_staff_of_campaign(user, campaign):
                raise Http404
            if self.request.method != "POST" or not self.post_forms_council:
                raise CouncilNotStarted(campaign)
            council = services.ensure_council(campaign, by=user)
        if not user.has_perm(self.permission_required, council):
            raise Http404
        return council

    @property
    def campaign(self):
        return self.council.campaign

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            council=self.council,
            campaign=self.campaign,
            can_manage=user.has_perm("evaluations.manage_council", self.council),
            is_chair=selectors.is_chair(user, self.council),
            window=selectors.scoring_window(self.council),
        )
        return context


# Staff: overview, council, criteria, nomination, assignment ------------------------


class HomeView(LoginRequiredMixin, TemplateView):
    """Staff overview of the appraisal of one campaign (the newest by default)."""

    template_name = "evaluations/home.html"

    def get(self, request, *args, **kwargs):
        if not request.user.is_organiser_staff:
            return redirect("evaluations:queue")
        try:
            return super().get(request, *args, **kwargs)
        except CouncilNotStarted as missing:
            return _start_page(request, missing.campaign, selectors.campaigns_managed_by(request.user))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        campaigns = list(selectors.campaigns_managed_by(user))
        context["campaigns"] = campaigns
        if not campaigns:
            return context
        wanted = self.request.GET.get("campaign")
        campaign = next((c for c in campaigns if str(c.pk) == wanted), campaigns[0])
        council = Council.objects.filter(campaign=campaign).first()
        if council is None:
            raise CouncilNotStarted(campaign)
        criteria = selectors.criteria_by_kind(campaign)
        counts = selectors.nomination_counts(campaign)
        context.update(
            campaign=campaign,
            council=council,
            window=selectors.scoring_window(council),
            members=selectors.members_with_progress(council),
            criteria_summary=[
                (label, len(criteria.get(kind, [])), selectors.max_total(criteria.get(kind, [])))
                for kind, label in DvkModel.Kind.choices
            ],
            criteria_locked=selectors.criteria_locked(campaign),
            nominated_count=counts["nominated"],
            eligible_count=counts["eligible"],
            waiting_report_count=counts["waiting"],
        )
        return context


class CouncilStartView(LoginRequiredMixin, View):
    """Form the campaign's council with its default settings and criteria."""

    http_method_names = ["post"]

    def post(self, request, campaign_pk):
        campaign = get_object_or_404(selectors.campaigns_managed_by(request.user), pk=campaign_pk)
        services.ensure_council(campaign, by=request.user)
        wanted = request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}) and wanted.startswith("/"):
            return redirect(wanted)
        return redirect(f"{reverse('evaluations:home')}?campaign={campaign.pk}")


class CouncilView(CouncilMixin, TemplateView):
    """Settings, window and members of the council."""

    template_name = "evaluations/council.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("settings_form", CouncilForm(instance=self.council, window=context["window"]))
        context.setdefault("member_form", CouncilMemberForm(council=self.council))
        context["members"] = selectors.members_with_progress(self.council)
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "add_member":
            return self._add_member(request)
        return self._save_settings(request)

    def _save_settings(self, request):
        window = selectors.scoring_window(self.council)
        form = CouncilForm(request.POST, instance=Council.objects.get(pk=self.council.pk), window=window)
        if form.is_valid():
            changes = {name: form.cleaned_data[name] for name in form.fields if not form.fields[name].disabled}
            try:
                services.update_council(self.council, by=request.user, changes=changes)
            except services.AppraisalError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Đã lưu thiết lập của Hội đồng."))
                return redirect(campaign_url("council", self.campaign))
        return self.render_to_response(self.get_context_data(settings_form=form))

    def _add_member(self, request):
        form = CouncilMemberForm(request.POST, council=self.council)
        if form.is_valid():
            try:
                member = services.add_member(
                    self.council,
                    user=form.cleaned_data["user"],
                    position=form.cleaned_data["position"],
                    represents=form.cleaned_data["represents"],
                    unit=form.cleaned_data["unit"],
                    by=request.user,
                )
            except services.AppraisalError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã thêm %(name)s vào Hội đồng.") % {"name": member.user.display_name})
                return redirect(campaign_url("council", self.campaign))
        return self.render_to_response(self.get_context_data(member_form=form))


class MemberMixin(NotFoundFirstMixin):
    resolve_first = "member"

    @cached_property
    def member(self) -> CouncilMember:
        member = get_object_or_404(
            CouncilMember.objects.select_related("council__campaign", "user", "unit"), pk=self.kwargs["pk"]
        )
        if not self.request.user.has_perm("evaluations.manage_council", member.council):
            raise Http404
        return member


class MemberEditView(MemberMixin, TemplateView):
    template_name = "evaluations/member_form.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CouncilMemberForm(instance=self.member, council=self.member.council))
        context.update(member=self.member, council=self.member.council, campaign=self.member.council.campaign)
        return context

    def post(self, request, *args, **kwargs):
        form = CouncilMemberForm(request.POST, instance=self.member, council=self.member.council)
        if form.is_valid():
            try:
                services.update_member(
                    self.member,
                    position=form.cleaned_data["position"],
                    represents=form.cleaned_data["represents"],
                    unit=form.cleaned_data["unit"],
                    by=request.user,
                )
            except services.AppraisalError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã cập nhật thành viên Hội đồng."))
                return redirect(campaign_url("council", self.member.council.campaign))
        return self.render_to_response(self.get_context_data(form=form))


class MemberRemoveView(MemberMixin, View):
    def post(self, request, *args, **kwargs):
        campaign = self.member.council.campaign
        try:
            services.remove_member(self.member, by=request.user)
        except services.AppraisalError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã rút thành viên khỏi Hội đồng."))
        return redirect(campaign_url("council", campaign))


class CriteriaView(CouncilMixin, TemplateView):
    """Both criteria sets of the campaign; editable until the first score is saved."""

    template_name = "evaluations/criteria.html"

    def _sets(self) -> dict[str, CriteriaSet]:
        if self.request.method == "POST":
            services.ensure_default_criteria(self.campaign, by=self.request.user)
        return {s.kind: s for s in CriteriaSet.objects.filter(campaign=self.campaign).prefetch_related("criteria")}

    def _forms_for(self, criteria_set: CriteriaSet, data=None):
        prefix = f"set-{criteria_set.kind}"
        name_form = CriteriaSetNameForm(data, initial={"name": criteria_set.name}, prefix=prefix)
        initial = [
            {"pk": c.pk, "order": c.order, "name": c.name, "guidance": c.guidance, "max_points": c.max_points}
            for c in criteria_set.criteria.all()
        ]
        formset = CriterionFormSet(data, initial=initial, prefix=f"{prefix}-criteria")
        return name_form, formset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        bound = kwargs.get("bound", {})
        sets = self._sets()
        editors = []
        for kind, label in DvkModel.Kind.choices:
            criteria_set = sets.get(kind)
            if criteria_set is None:
                continue
            name_form, formset = bound.get(kind) or self._forms_for(criteria_set)
            total = selectors.max_total(list(criteria_set.criteria.all()))
            editors.append(
                {"kind": kind, "label": label, "set": criteria_set, "name_form": name_form, "formset": formset, "total": total}
            )
        context["editors"] = editors
        context["locked"] = selectors.criteria_locked(self.campaign)
        return context

    def post(self, request, *args, **kwargs):
        kind = request.POST.get("kind")
        criteria_set = self._sets().get(kind)
        if criteria_set is None:
            raise Http404
        name_form, formset = self._forms_for(criteria_set, request.POST)
        if name_form.is_valid() and formset.is_valid():
            known = {c.pk for c in criteria_set.criteria.all()}
            rows = [
                services.CriterionRow(
                    pk=form.cleaned_data.get("pk") if form.cleaned_data.get("pk") in known else None,
                    order=form.cleaned_data["order"],
                    name=form.cleaned_data["name"].strip(),
                    guidance=form.cleaned_data.get("guidance", "").strip(),
                    max_points=form.cleaned_data["max_points"],
                    delete=bool(form.cleaned_data.get("DELETE")),
                )
                for form in formset.forms
                if form.cleaned_data and (form.cleaned_data.get("name") or form.cleaned_data.get("pk"))
            ]
            try:
                services.save_criteria(criteria_set, name=name_form.cleaned_data["name"].strip(), rows=rows, by=request.user)
            except services.AppraisalError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Đã lưu bộ tiêu chí."))
                return redirect(campaign_url("criteria", self.campaign))
        return self.render_to_response(self.get_context_data(bound={kind: (name_form, formset)}))


class NominateView(CouncilMixin, TemplateView):
    """Bulk: put accepted registrations whose final report is in forward for appraisal."""

    template_name = "evaluations/nominate.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        candidates = list(selectors.nomination_candidates(self.campaign))
        context["rows"] = [(r, services.nomination_refusal(r, r.final_submitted)) for r in candidates]
        context["eligible_count"] = sum(1 for _r, reason in context["rows"] if reason is None)
        context["selected"] = set(self.request.POST.getlist("registrations")) if self.request.method == "POST" else set()
        return context

    def post(self, request, *args, **kwargs):
        form = NominationForm(request.POST, candidates=selectors.nomination_candidates(self.campaign))
        if not form.is_valid():
            for error in form.errors.get("registrations", []):
                messages.error(request, error)
            return self.render_to_response(self.get_context_data(form=form))
        try:
            outcome = services.nominate(self.campaign, form.cleaned_data["registrations"], by=request.user)
        except services.AppraisalError as error:
            messages.error(request, error.message)
            return self.render_to_response(self.get_context_data(form=form))
        if outcome.nominated:
            messages.success(
                request, _("Đã đưa %(count)s hồ sơ vào thẩm định và phân công cho Hội đồng.") % {"count": len(outcome.nominated)}
            )
        for registration, reason in outcome.refused:
            messages.warning(
                request, _("Không đưa vào thẩm định “%(name)s”: %(reason)s") % {"name": registration.model.name, "reason": reason}
            )
        return redirect(campaign_url("nominate", self.campaign))


class AssignmentsView(CouncilMixin, TemplateView):
    """Registration × member grid, a page of registrations at a time (of one kind when
    chosen): who scores what, recusals shown."""

    template_name = "evaluations/assignments.html"
    paginate_by = 25

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kind = self.request.GET.get("kind", "")
        kind = kind if kind in DvkModel.Kind.values else ""
        paging = paged(self.request, selectors.registrations_to_assign(self.council, kind), self.paginate_by)
        registrations = list(paging["page_obj"])
        members = list(selectors.council_members(self.council))
        cells = selectors.assignment_cells(self.council, [registration.pk for registration in registrations])
        context.update(
            members=members,
            grid=[
                (registration, [(member, cells.get((registration.pk, member.pk))) for member in members])
                for registration in registrations
            ],
            kinds=DvkModel.Kind.choices,
            kind=kind,
            **paging,
        )
        return context

    def post(self, request, *args, **kwargs):
        query = request.GET.urlencode()  # back to the page and kind the form was posted from
        back = campaign_url("assignments", self.campaign) + (f"?{query}" if query else "")
        form = AssignmentForm(
            request.POST,
            registration_ids=list(selectors.registrations_to_assign(self.council).order_by().values_list("pk", flat=True)),
            member_ids=list(self.council.members.values_list("pk", flat=True)),
        )
        if not form.is_valid():
            messages.error(request, _("Phân công không hợp lệ; hãy tải lại trang."))
            return redirect(back)
        try:
            added, removed = services.set_assignments(self.council, form.wanted(), within=form.registration_ids(), by=request.user)
        except services.AppraisalError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Đã lưu phân công: thêm %(added)s, bỏ %(removed)s.") % {"added": added, "removed": removed}
            )
        return redirect(back)
