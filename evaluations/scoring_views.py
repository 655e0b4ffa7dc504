"""Views of the council members' work: their queue, the scoresheet, declaring a conflict,
reading evidence; and for staff and the chair, every sheet of a registration and
reopening one. Thin, as in views.py: a refusal is a 404."""

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from campaign.uploads import download_name
from registrations.models import CONTENT_FIELDS, Registration

from . import queue, scoring, selectors, services
from .forms import ReasonForm, ScoresheetForm
from .models import Council, Scoresheet
from .rules import may_see_others_scores
from .views import NotFoundFirstMixin, paged


def attach_points(assignment, criteria) -> list:
    """Set ``sheet`` and ``total`` (None while nothing is scored) on an assignment loaded
    with its scores, and return its points in the order of ``criteria``."""
    assignment.sheet = selectors.sheet_of(assignment)
    points = {score.criterion_id: score.points for score in assignment.sheet.scores.all()} if assignment.sheet else {}
    values = [value for value in points.values() if value is not None]
    assignment.total = sum(values) if values else None
    return [points.get(criterion.pk) for criterion in criteria]


# Members: queue, scoresheet, conflict, evidence -----------------------------------------


class QueueView(LoginRequiredMixin, TemplateView):
    """The member's registrations to score, what is still to do first, a page at a time,
    with progress; an empty state for anyone without a council seat."""

    template_name = "evaluations/queue.html"
    paginate_by = 25

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        seats = list(selectors.seats_of(self.request.user))
        context["seats"] = seats
        if not seats:
            return context
        wanted = self.request.GET.get("campaign")
        seat = next((s for s in seats if str(s.council.campaign_id) == wanted), seats[0])
        progress = queue.queue_progress(seat)
        paging = paged(self.request, queue.member_queue(seat), self.paginate_by, count=progress.total)
        page = paging["page_obj"]
        page.object_list = queue.with_points(page.object_list)
        criteria = selectors.criteria_by_kind(seat.council.campaign)
        for assignment in page.object_list:
            assignment.sheet = selectors.sheet_of(assignment)
            assignment.criteria_count = len(criteria.get(assignment.registration.model.kind, []))
        context.update(
            seat=seat,
            council=seat.council,
            campaign=seat.council.campaign,
            window=selectors.scoring_window(seat.council),
            active=page.object_list,
            **paging,
            recused=list(queue.recused_assignments(seat)),
            progress=progress,
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
        others_visible = may_see_others_scores(self.request.user, council, registration.pk)
        reports, evidence = selectors.registration_material(registration)
        others = [a for a in selectors.sheets_for_registration(council, registration) if a.pk != self.assignment.pk]
        for other in others:
            other.cells = list(zip(self.criteria, attach_points(other, self.criteria), strict=True))
        context.update(
            registration=registration,
            model=registration.model,
            council=council,
            campaign=council.campaign,
            window=window,
            sheet=sheet,
            reopen_reason=scoring.reopen_reason(sheet),
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
            filename=download_name(evidence.original_name, evidence.content_type),
            content_type=evidence.content_type or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


# Staff and chair: every sheet of a registration, reopening -------------------------------


class RegistrationSheetsView(NotFoundFirstMixin, TemplateView):
    """Every member's sheet for one registration: staff read them all; the chair sees
    them to reopen one. Scores stay hidden from anyone who still owes their own sheet on
    it, staff seated on the council included (``rules.may_see_others_scores``)."""

    template_name = "evaluations/sheets.html"

    resolve_first = "council"

    @cached_property
    def registration(self):
        return get_object_or_404(
            Registration.objects.filter(status__in=Registration.Status.IN_APPRAISAL).select_related("model", "unit", "campaign"),
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
        staff = user.has_perm("evaluations.manage_council", council)
        scores_visible = may_see_others_scores(user, council, self.registration.pk)
        criteria = selectors.criteria_by_kind(council.campaign).get(self.registration.model.kind, [])
        for assignment in assignments:
            assignment.cells = attach_points(assignment, criteria)
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
