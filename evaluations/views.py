"""Views of the appraisal: council, criteria, nomination, assignment, scoring, results.

Thin: each takes its object through a selector or the council of a campaign, checks a
named permission (a refusal is a 404: nobody learns what exists elsewhere), binds a form
and calls a service. Award proposals and medals live in award_views.py."""

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.xlsx import build_workbook, workbook_response
from campaign.models import Campaign
from models.models import DvkModel
from registrations.models import Registration

from . import exports, selectors, services
from .forms import (
    AssignmentForm,
    ConfirmForm,
    CouncilForm,
    CouncilMemberForm,
    CriteriaSetNameForm,
    CriterionFormSet,
    NominationForm,
    ReasonForm,
    ScoresheetForm,
)
from .models import Council, CouncilMember, CriteriaSet, Scoresheet
from .rules import is_staff_of_campaign

# What the scoresheet page shows of a registration, in the registration form's order.
CONTENT_FIELDS = (
    "situation",
    "objectives",
    "content_and_method",
    "area_and_target",
    "lead_forces",
    "coordinating_forces",
    "participating_forces",
    "resources",
    "timeline",
    "expected_outputs",
    "sustainability",
)


def _campaign_url(name: str, campaign) -> str:
    return reverse(f"evaluations:{name}", kwargs={"campaign_pk": campaign.pk})


def _attach_points(assignment, criteria) -> list:
    """Set ``sheet`` and ``total`` (None while nothing is scored) on an assignment loaded
    with its scores, and return its points in the order of ``criteria``."""
    assignment.sheet = selectors.sheet_of(assignment)
    points = {score.criterion_id: score.points for score in assignment.sheet.scores.all()} if assignment.sheet else {}
    values = [value for value in points.values() if value is not None]
    assignment.total = sum(values) if values else None
    return [points.get(criterion.pk) for criterion in criteria]


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


class CouncilMixin(NotFoundFirstMixin):
    """A page of one campaign's council, given by ``campaign_pk``. Staff of the district
    open it (creating the council with its defaults the first time); anyone without
    ``permission_required`` on the council gets a 404."""

    permission_required = "evaluations.manage_council"
    resolve_first = "council"

    @cached_property
    def council(self) -> Council:
        user = self.request.user
        campaign = get_object_or_404(Campaign.objects.select_related("owner"), pk=self.kwargs["campaign_pk"])
        council = Council.objects.select_related("campaign__owner", "finalised_by").filter(campaign=campaign).first()
        if council is None:
            if not is_staff_of_campaign(user, campaign):
                raise Http404
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
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        campaigns = list(selectors.campaigns_managed_by(user))
        context["campaigns"] = campaigns
        if not campaigns:
            return context
        wanted = self.request.GET.get("campaign")
        campaign = next((c for c in campaigns if str(c.pk) == wanted), campaigns[0])
        council = services.ensure_council(campaign, by=user)
        criteria = selectors.criteria_by_kind(campaign)
        candidates = list(selectors.nomination_candidates(campaign))
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
            nominated_count=sum(1 for r in candidates if r.status != Registration.Status.ACCEPTED),
            eligible_count=sum(1 for r in candidates if r.status == Registration.Status.ACCEPTED and r.final_submitted),
            waiting_report_count=sum(1 for r in candidates if r.status == Registration.Status.ACCEPTED and not r.final_submitted),
        )
        return context


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
                return redirect(_campaign_url("council", self.campaign))
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
                return redirect(_campaign_url("council", self.campaign))
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
                return redirect(_campaign_url("council", self.member.council.campaign))
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
        return redirect(_campaign_url("council", campaign))


class CriteriaView(CouncilMixin, TemplateView):
    """Both criteria sets of the campaign; editable until the first score is saved."""

    template_name = "evaluations/criteria.html"

    def _sets(self) -> dict[str, CriteriaSet]:
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
                return redirect(_campaign_url("criteria", self.campaign))
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
        return redirect(_campaign_url("nominate", self.campaign))


class AssignmentsView(CouncilMixin, TemplateView):
    """Registration × member grid: who scores what, recusals shown."""

    template_name = "evaluations/assignments.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registrations, members, cells = selectors.assignment_grid(self.council)
        context.update(
            members=members,
            grid=[
                (registration, [(member, cells.get((registration.pk, member.pk))) for member in members])
                for registration in registrations
            ],
        )
        return context

    def post(self, request, *args, **kwargs):
        registrations, members, _cells = selectors.assignment_grid(self.council)
        form = AssignmentForm(request.POST, registrations=registrations, members=members)
        if not form.is_valid():
            messages.error(request, _("Phân công không hợp lệ; hãy tải lại trang."))
            return redirect(_campaign_url("assignments", self.campaign))
        try:
            added, removed = services.set_assignments(self.council, form.wanted(), by=request.user)
        except services.AppraisalError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Đã lưu phân công: thêm %(added)s, bỏ %(removed)s.") % {"added": added, "removed": removed}
            )
        return redirect(_campaign_url("assignments", self.campaign))


# Members: queue, scoresheet, conflict, evidence -----------------------------------------


class QueueView(LoginRequiredMixin, TemplateView):
    """The member's registrations to score, with progress; an empty state for anyone
    without a council seat."""

    template_name = "evaluations/queue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        seats = list(selectors.seats_of(self.request.user))
        context["seats"] = seats
        if not seats:
            return context
        wanted = self.request.GET.get("campaign")
        seat = next((s for s in seats if str(s.council.campaign_id) == wanted), seats[0])
        assignments = selectors.member_queue(seat)
        criteria = selectors.criteria_by_kind(seat.council.campaign)
        for assignment in assignments:
            assignment.sheet = selectors.sheet_of(assignment)
            assignment.criteria_count = len(criteria.get(assignment.registration.model.kind, []))
        context.update(
            seat=seat,
            council=seat.council,
            campaign=seat.council.campaign,
            window=selectors.scoring_window(seat.council),
            active=[a for a in assignments if not a.is_recused],
            recused=[a for a in assignments if a.is_recused],
            progress=selectors.queue_progress(assignments),
            is_chair=seat.is_chair,
        )
        return context


class AssignmentMixin(NotFoundFirstMixin):
    """The user's own, non-recused assignment for ``registration_pk``; anything else,
    a focal point included, is a 404."""

    resolve_first = "assignment"

    @cached_property
    def assignment(self):
        assignment = selectors.assignment_for_scoring(self.request.user, self.kwargs["registration_pk"])
        if assignment is None:
            raise Http404
        return assignment

    @property
    def council(self) -> Council:
        return self.assignment.member.council


class ScoresheetView(AssignmentMixin, TemplateView):
    """The registration, its reports and evidence beside the member's own sheet."""

    template_name = "evaluations/scoresheet.html"

    @cached_property
    def sheet(self) -> Scoresheet | None:
        return selectors.own_sheet(self.assignment)

    @cached_property
    def criteria(self):
        return selectors.criteria_by_kind(self.council.campaign).get(self.assignment.registration.model.kind, [])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        registration = self.assignment.registration
        council = self.council
        window = selectors.scoring_window(council)
        sheet = self.sheet
        form = kwargs.get("form") or ScoresheetForm(criteria=self.criteria, sheet=sheet)
        submitted = sheet is not None and sheet.is_submitted
        readonly = submitted or council.is_finalised or (sheet is not None and sheet.is_locked) or not window.is_open()
        others_visible = submitted or council.results_published_at is not None
        reports, evidence = selectors.registration_material(registration)
        others = [a for a in selectors.sheets_for_registration(council, registration) if a.pk != self.assignment.pk]
        for other in others:
            other.cells = list(zip(self.criteria, _attach_points(other, self.criteria), strict=True))
        context.update(
            registration=registration,
            model=registration.model,
            council=council,
            campaign=council.campaign,
            window=window,
            sheet=sheet,
            reopen_reason=selectors.reopen_reason(sheet),
            form=form,
            readonly=readonly,
            submitted=submitted,
            total=form.typed_total(),
            max_total=selectors.max_total(self.criteria),
            criteria=self.criteria,
            content=[
                (Registration._meta.get_field(name).verbose_name, getattr(registration, name))
                for name in CONTENT_FIELDS
                if getattr(registration, name, "")
            ],
            reports=reports,
            evidence=evidence,
            others=others,
            others_visible=others_visible,
            is_chair=selectors.is_chair(self.request.user, council),
        )
        return context

    def post(self, request, *args, **kwargs):
        submitting = request.POST.get("action") == "submit"
        form = ScoresheetForm(request.POST, criteria=self.criteria, sheet=self.sheet, submitting=submitting)
        if not form.is_valid():
            messages.error(request, _("Phiếu chấm chưa lưu được; hãy xem các ô được đánh dấu."))
            return self.render_to_response(self.get_context_data(form=form))
        write = services.submit_scoresheet if submitting else services.save_draft
        try:
            write(
                self.assignment,
                points=form.points(),
                comments=form.comments(),
                comment=form.cleaned_data["comment"],
                version=form.cleaned_data["version"],
                by=request.user,
            )
        except services.InvalidScores as error:
            form.add_service_errors(error.errors)
            messages.error(request, error.message)
            return self.render_to_response(self.get_context_data(form=form))
        except services.AppraisalError as error:
            messages.error(request, error.message)
            return self.render_to_response(self.get_context_data(form=form))
        if submitting:
            messages.success(request, _("Đã nộp phiếu chấm. Bạn có thể xem điểm của các thành viên khác."))
        else:
            messages.success(request, _("Đã lưu bản nháp phiếu chấm."))
        return redirect("evaluations:scoresheet", registration_pk=self.assignment.registration_id)


class DeclareConflictView(AssignmentMixin, TemplateView):
    template_name = "evaluations/declare_conflict.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ReasonForm(label=_("Lý do xung đột lợi ích")))
        context.update(registration=self.assignment.registration, council=self.council)
        return context

    def post(self, request, *args, **kwargs):
        form = ReasonForm(request.POST, label=_("Lý do xung đột lợi ích"))
        if form.is_valid():
            try:
                services.declare_conflict(self.assignment, reason=form.cleaned_data["reason"], by=request.user)
            except services.AppraisalError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã ghi nhận: bạn tránh chấm hồ sơ này."))
                return redirect(f"{reverse('evaluations:queue')}?campaign={self.council.campaign_id}")
        return self.render_to_response(self.get_context_data(form=form))


class EvidenceDownloadView(LoginRequiredMixin, View):
    """An evidence file for a member it is assigned to, once appraisal opens; always
    as a download, never rendered by the browser."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.evidence = selectors.evidence_for_member(request.user, kwargs["evidence_pk"])
        if self.evidence is None or not self.evidence.file:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        evidence = self.evidence
        try:
            handle = evidence.file.open("rb")
        except (FileNotFoundError, OSError) as error:
            raise Http404 from error
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=evidence.original_name,
            content_type=evidence.content_type or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


# Staff and chair: every sheet of a registration, reopening -------------------------------


class RegistrationSheetsView(NotFoundFirstMixin, TemplateView):
    """Every member's sheet for one registration: staff read them all; the chair sees
    them to reopen one (scores hidden while the chair owes their own sheet)."""

    template_name = "evaluations/sheets.html"

    resolve_first = "council"

    @cached_property
    def registration(self):
        return get_object_or_404(
            Registration.objects.filter(status__in=selectors.APPRAISAL_STATUSES).select_related("model", "unit", "campaign"),
            pk=self.kwargs["registration_pk"],
        )

    @cached_property
    def council(self):
        council = Council.objects.filter(campaign_id=self.registration.campaign_id).select_related("campaign").first()
        if council is None or not self.request.user.has_perm("evaluations.view_all_sheets", council):
            raise Http404
        return council

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        council = self.council
        assignments = selectors.sheets_for_registration(council, self.registration)
        own = next((a for a in assignments if a.member.user_id == user.pk), None)
        own_sheet = selectors.sheet_of(own) if own else None
        staff = user.has_perm("evaluations.manage_council", council)
        scores_visible = (
            staff
            or council.results_published_at is not None
            or own is None
            or own.is_recused
            or (own_sheet is not None and own_sheet.is_submitted)
        )
        criteria = selectors.criteria_by_kind(council.campaign).get(self.registration.model.kind, [])
        for assignment in assignments:
            assignment.cells = _attach_points(assignment, criteria)
        context.update(
            registration=self.registration,
            council=council,
            campaign=council.campaign,
            criteria=criteria,
            assignments=assignments,
            scores_visible=scores_visible,
            can_reopen=user.has_perm("evaluations.reopen_scoresheet", council),
            can_manage=staff,
        )
        return context


class ReopenView(NotFoundFirstMixin, TemplateView):
    template_name = "evaluations/reopen.html"

    resolve_first = "sheet"

    @cached_property
    def sheet(self) -> Scoresheet:
        sheet = get_object_or_404(
            Scoresheet.objects.select_related(
                "assignment__member__council__campaign", "assignment__member__user", "assignment__registration__model"
            ),
            pk=self.kwargs["scoresheet_pk"],
        )
        if not self.request.user.has_perm("evaluations.reopen_scoresheet", sheet.assignment.member.council):
            raise Http404
        return sheet

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ReasonForm(label=_("Lý do mở lại phiếu")))
        context.update(sheet=self.sheet, registration=self.sheet.assignment.registration, member=self.sheet.assignment.member)
        return context

    def post(self, request, *args, **kwargs):
        form = ReasonForm(request.POST, label=_("Lý do mở lại phiếu"))
        if form.is_valid():
            try:
                services.reopen_scoresheet(self.sheet, reason=form.cleaned_data["reason"], by=request.user)
            except services.AppraisalError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Đã mở lại phiếu của %(name)s; thành viên có thể sửa và nộp lại.")
                    % {"name": self.sheet.assignment.member.user.display_name},
                )
                return redirect("evaluations:sheets", registration_pk=self.sheet.assignment.registration_id)
        return self.render_to_response(self.get_context_data(form=form))


# Results, finalise, publish, exports ---------------------------------------------------


class ResultsView(CouncilMixin, TemplateView):
    """The live results table before finalising (staff and chair), the sealed one after
    (also district leaders)."""

    template_name = "evaluations/results.html"
    permission_required = "evaluations.view_results_table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["table"] = selectors.results_table(self.council, viewer=user)
        context["can_finalise"] = user.has_perm("evaluations.finalise_results", self.council)
        context["can_publish"] = user.has_perm("evaluations.publish_results", self.council)
        context["can_export"] = user.has_perm("evaluations.export_appraisal", self.council)
        context["can_read_sheets"] = user.has_perm("evaluations.view_all_sheets", self.council)
        return context


class FinaliseView(CouncilMixin, TemplateView):
    template_name = "evaluations/finalise.html"
    permission_required = "evaluations.finalise_results"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ConfirmForm(label=_("Tôi đã xem bảng kết quả và chốt kết quả thẩm định.")))
        context["table"] = selectors.results_table(self.council, viewer=self.request.user)
        return context

    def post(self, request, *args, **kwargs):
        form = ConfirmForm(request.POST, label=_("Tôi đã xem bảng kết quả và chốt kết quả thẩm định."))
        if form.is_valid():
            try:
                services.finalise_results(self.council, by=request.user)
            except services.AppraisalError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã chốt kết quả thẩm định; mọi phiếu chấm đã được khóa."))
                return redirect(_campaign_url("results", self.campaign))
        return self.render_to_response(self.get_context_data(form=form))


class PublishResultsView(CouncilMixin, View):
    permission_required = "evaluations.manage_council"

    def post(self, request, *args, **kwargs):
        try:
            services.publish_results(self.council, by=request.user)
        except services.AppraisalError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Đã công bố kết quả thẩm định tới các đơn vị."))
        return HttpResponseRedirect(_campaign_url("results", self.campaign))


class ExportMatrixView(CouncilMixin, View):
    permission_required = "evaluations.export_appraisal"

    def get(self, request, *args, **kwargs):
        workbook = build_workbook(exports.matrix_sheets(selectors.score_matrix(self.council)))
        return workbook_response(workbook, f"ma-tran-diem-tham-dinh-{self.campaign.year}.xlsx")


class ExportResultsView(CouncilMixin, View):
    permission_required = "evaluations.export_appraisal"

    def get(self, request, *args, **kwargs):
        workbook = build_workbook(exports.results_sheets(selectors.results_table(self.council)))
        return workbook_response(workbook, f"ket-qua-tham-dinh-{self.campaign.year}.xlsx")


class UnitResultsView(LoginRequiredMixin, TemplateView):
    """A focal point's own registrations' results, once published."""

    template_name = "evaluations/unit_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["results"] = selectors.unit_results(self.request.user)
        return context
