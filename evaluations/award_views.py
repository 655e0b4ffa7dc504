"""Pages of award proposals (with council votes) and commemorative medal nominations.

Every object is fetched through a selector scoped to the user, so another district's
campaign or proposal is a 404; a role that can see the page but not act on it gets 403."""

from functools import cached_property

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.collation import by_name
from accounts.export_views import ExportRequestView

from . import awards
from .award_forms import (
    DecisionForm,
    DraftFromResultsForm,
    MedalMarkForm,
    MedalNominationForm,
    ProposalForm,
    ProposalSelectionForm,
    VoteForm,
)
from .models import AwardProposal, Council


def proposals_url(campaign) -> str:
    return f"{reverse('evaluations:proposals')}?campaign={campaign.pk}"


def medals_url(campaign) -> str:
    return f"{reverse('evaluations:medals')}?campaign={campaign.pk}"


class CampaignMixin(LoginRequiredMixin):
    """Resolves the campaign (from the URL, else ``?campaign=``, else the latest one the
    user may see) through the award selector: an invisible campaign is a 404."""

    def visible_campaigns(self):
        return awards.award_campaigns_visible_to(self.request.user).order_by("-year", "-pk")

    def get_campaign(self):
        campaigns = self.visible_campaigns()
        pk = self.kwargs.get("campaign_pk") or self.request.GET.get("campaign")
        if pk:
            if not str(pk).isdigit():
                raise Http404
            return get_object_or_404(campaigns, pk=pk)
        campaign = campaigns.first()
        if campaign is None:
            raise Http404
        return campaign

    def list_context(self, campaign) -> dict:
        """What both award lists show around their rows: the campaign switch and what
        the user may do in the campaign."""
        user = self.request.user
        return {
            "campaign": campaign,
            "campaigns": self.visible_campaigns(),
            "can_manage": awards.manages_awards(user, campaign),
            "reads_all": awards.reads_district_awards(user, campaign),
        }

    def require_manager(self, campaign):
        if not awards.manages_awards(self.request.user, campaign):
            raise PermissionDenied(_("Chỉ chuyên viên của đơn vị tổ chức kế hoạch mới thực hiện được việc này."))


class ManagedCampaignMixin(CampaignMixin):
    """A page that changes the campaign's awards: ``self.campaign`` is resolved before
    any method check, and only its managers get past (403 for the rest)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.campaign = self.get_campaign()
        self.require_manager(self.campaign)
        return super().dispatch(request, *args, **kwargs)


class ProposalListView(CampaignMixin, TemplateView):
    template_name = "evaluations/awards/proposal_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        campaign = self.get_campaign()
        council = Council.objects.filter(campaign=campaign).first()
        status = self.request.GET.get("status", "")
        if status not in AwardProposal.Status.values:
            status = ""
        seat = awards.council_seat(user, campaign)
        member_count = council.members.count() if council else 0
        context.update(
            self.list_context(campaign),
            council=council,
            proposals=awards.proposal_rows(user, campaign, council, seat=seat, member_count=member_count, status=status),
            status=status,
            statuses=AwardProposal.Status.choices,
            seat=seat,
            sample_tally=awards.Tally.for_council(council, members=member_count) if council else None,
        )
        return context


class ProposalDraftFromResultsView(ManagedCampaignMixin, TemplateView):
    template_name = "evaluations/awards/draft_from_results.html"

    @cached_property
    def council(self) -> Council | None:
        return Council.objects.filter(campaign=self.campaign).first()

    def get_results(self):
        results = list(awards.finalised_results(self.campaign))
        proposed = set(AwardProposal.objects.filter(campaign=self.campaign).values_list("registration_id", flat=True))
        for result in results:
            result.has_proposal = result.registration_id in proposed
        return results

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            campaign=self.campaign,
            council=self.council,
            is_finalised=bool(self.council and self.council.is_finalised),
            form=form or DraftFromResultsForm(results=self.get_results()),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = DraftFromResultsForm(request.POST, results=self.get_results())
        if form.is_valid():
            try:
                created = awards.draft_proposals_from_results(self.campaign, by=request.user, levels=form.levels())
            except awards.AwardError as error:
                form.add_error(None, error.message)
            else:
                if created:
                    messages.success(request, _("Đã lập %(count)s đề nghị khen thưởng (dự thảo).") % {"count": len(created)})
                else:
                    messages.info(request, _("Không có đề nghị mới nào được lập."))
                return HttpResponseRedirect(proposals_url(self.campaign))
        return self.render_to_response(self.get_context_data(form=form))


class ProposalMixin(LoginRequiredMixin):
    def get_proposal(self) -> AwardProposal:
        return get_object_or_404(awards.proposals_visible_to(self.request.user), pk=self.kwargs["pk"])


class ManagedProposalMixin(ProposalMixin):
    """A page that changes one proposal: ``self.proposal`` is resolved before any method
    check (404 when invisible), and only the campaign's managers get past (403)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.proposal = self.get_proposal()
        if not awards.manages_awards(request.user, self.proposal.campaign):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProposalEditView(ManagedProposalMixin, TemplateView):
    template_name = "evaluations/awards/proposal_form.html"

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(proposal=self.proposal, campaign=self.proposal.campaign, form=form or ProposalForm(instance=self.proposal))
        return context

    def post(self, request, *args, **kwargs):
        form = ProposalForm(request.POST, instance=AwardProposal.objects.get(pk=self.proposal.pk))
        if form.is_valid():
            try:
                awards.update_proposal(
                    self.proposal,
                    by=request.user,
                    level=form.cleaned_data["level"],
                    nominee=form.cleaned_data["nominee"],
                    achievement=form.cleaned_data["achievement"],
                    fingerprint=form.cleaned_data["fingerprint"],
                )
            except awards.AwardError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã lưu đề nghị khen thưởng."))
                return HttpResponseRedirect(proposals_url(self.proposal.campaign))
        return self.render_to_response(self.get_context_data(form=form))


class ProposalBulkActionView(CampaignMixin, View):
    """Open or close the vote on the ticked proposals."""

    action = None  # "open" or "close"

    def post(self, request, *args, **kwargs):
        campaign = self.get_campaign()
        self.require_manager(campaign)
        form = ProposalSelectionForm(request.POST, campaign=campaign)
        if not form.is_valid():
            messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
            return HttpResponseRedirect(proposals_url(campaign))
        ids = [proposal.pk for proposal in form.cleaned_data["proposal"]]
        service = awards.open_voting if self.action == "open" else awards.close_voting
        try:
            proposals = service(campaign, ids, by=request.user)
        except awards.AwardError as error:
            messages.error(request, error.message)
        else:
            if self.action == "open":
                messages.success(request, _("Đã mở biểu quyết %(count)s đề nghị.") % {"count": len(proposals)})
            else:
                passed = sum(1 for proposal in proposals if proposal.status == AwardProposal.Status.PASSED)
                messages.success(
                    request,
                    _("Đã kết thúc biểu quyết %(count)s đề nghị: %(passed)s được thông qua, %(rejected)s không được thông qua.")
                    % {"count": len(proposals), "passed": passed, "rejected": len(proposals) - passed},
                )
        return HttpResponseRedirect(proposals_url(campaign))


class ProposalVoteView(ProposalMixin, TemplateView):
    """The proposal with its votes; council members cast or change their vote here."""

    template_name = "evaluations/awards/proposal_detail.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.proposal = self.get_proposal()
        self.campaign = self.proposal.campaign
        self.seat = awards.council_seat(request.user, self.campaign)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        council = Council.objects.filter(campaign=self.campaign).first()
        votes = awards.proposal_votes(self.proposal) if council else []
        my_vote = next((vote for member, vote in votes if self.seat and member.pk == self.seat.pk and vote), None)
        reads_all = awards.reads_district_awards(self.request.user, self.campaign)
        can_vote = self.seat is not None and self.proposal.status == AwardProposal.Status.VOTING
        context.update(
            proposal=self.proposal,
            campaign=self.campaign,
            seat=self.seat,
            my_vote=my_vote,
            can_vote=can_vote,
            can_manage=awards.manages_awards(self.request.user, self.campaign),
            tally=awards.Tally.from_votes(council, votes) if council else None,
            tally_visible=council is not None
            and awards.may_see_tally(self.proposal, reads_all=reads_all, seat=self.seat, my_vote=my_vote and my_vote.choice),
            votes=votes,
            show_votes=reads_all or self.seat is not None,
            form=form or (VoteForm(initial={"choice": my_vote.choice if my_vote else None}) if can_vote else None),
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.seat is None:
            raise PermissionDenied(_("Chỉ thành viên Hội đồng thẩm định mới được biểu quyết."))
        form = VoteForm(request.POST)
        if form.is_valid():
            try:
                awards.cast_vote(self.proposal, by=request.user, choice=form.cleaned_data["choice"])
            except awards.AwardError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Đã ghi nhận biểu quyết của bạn."))
            return HttpResponseRedirect(request.path)
        return self.render_to_response(self.get_context_data(form=form))


class ProposalDecideView(ManagedProposalMixin, TemplateView):
    template_name = "evaluations/awards/proposal_decide.html"

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(proposal=self.proposal, campaign=self.proposal.campaign, form=form or DecisionForm())
        return context

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                awards.record_decision(
                    self.proposal,
                    by=request.user,
                    decision_number=form.cleaned_data["decision_number"],
                    decision_date=form.cleaned_data["decision_date"],
                )
            except awards.AwardError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã ghi quyết định khen thưởng."))
                return HttpResponseRedirect(proposals_url(self.proposal.campaign))
        return self.render_to_response(self.get_context_data(form=form))


class MedalListView(CampaignMixin, TemplateView):
    template_name = "evaluations/medals/medal_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        campaign = self.get_campaign()
        context.update(
            self.list_context(campaign),
            nominations=awards.medal_nominations_visible_to(user).filter(campaign=campaign).order_by(by_name("unit__name"), by_name("full_name")),
        )
        return context


class MedalCreateView(ManagedCampaignMixin, TemplateView):
    template_name = "evaluations/medals/medal_form.html"

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(campaign=self.campaign, form=form or MedalNominationForm(units=awards.medal_units(self.campaign)))
        return context

    def post(self, request, *args, **kwargs):
        form = MedalNominationForm(request.POST, units=awards.medal_units(self.campaign))
        if form.is_valid():
            try:
                nomination = awards.nominate_for_medal(self.campaign, by=request.user, **form.cleaned_data)
            except awards.AwardError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã lập đề nghị tặng Kỷ niệm chương cho %(name)s.") % {"name": nomination.full_name})
                return HttpResponseRedirect(medals_url(self.campaign))
        return self.render_to_response(self.get_context_data(form=form))


class MedalMarkView(LoginRequiredMixin, View):
    def post(self, request, pk):
        nomination = get_object_or_404(awards.medal_nominations_visible_to(request.user), pk=pk)
        if not awards.manages_awards(request.user, nomination.campaign):
            raise PermissionDenied
        form = MedalMarkForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Trạng thái không hợp lệ."))
        else:
            try:
                awards.mark_medal_nomination(nomination, by=request.user, status=form.cleaned_data["status"])
            except awards.AwardError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Đã cập nhật đề nghị của %(name)s.") % {"name": nomination.full_name})
        return HttpResponseRedirect(medals_url(nomination.campaign))


class AwardExportView(CampaignMixin, ExportRequestView):
    """An award workbook, made in the background (evaluations.awards.exports): for
    those who read every proposal and nomination of the campaign, else 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.campaign = self.get_campaign()
        if not awards.reads_district_awards(request.user, self.campaign):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def export_params(self) -> dict:
        return {"campaign": self.campaign.pk}


class ExportProposalsView(AwardExportView):
    export_kind = awards.PROPOSALS

    def export_title(self) -> str:
        return _("Đề nghị khen thưởng năm %(year)s, kèm phiếu biểu quyết (Excel)") % {"year": self.campaign.year}

    def export_back_url(self) -> str:
        return proposals_url(self.campaign)


class ExportMedalsView(AwardExportView):
    export_kind = awards.MEDALS

    def export_title(self) -> str:
        return _("Đề nghị Kỷ niệm chương năm %(year)s (Excel)") % {"year": self.campaign.year}

    def export_back_url(self) -> str:
        return medals_url(self.campaign)
