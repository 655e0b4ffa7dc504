"""Documents to disseminate (văn bản quán triệt) and the units' records of doing so."""

from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from accounts.collation import by_name
from accounts.errors import run_action
from accounts.models import Unit

from .. import dissemination
from ..forms import AcknowledgementForm, DocumentForm
from ..selectors import acknowledgements_of, documents_of, documents_visible_to, participating_units
from .mixins import CampaignMixin, ObjectOfCampaignMixin, ServiceFormMixin
from .plan import private_file_response


class DocumentListView(CampaignMixin, TemplateView):
    """The documents, and a table of which units have and have not disseminated each."""

    template_name = "campaign/documents.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        documents = list(documents_of(self.campaign))
        units = list(participating_units(self.campaign))
        acknowledgements = acknowledgements_of(self.campaign)
        own = self.request.user.focal_unit_ids()
        can_record = self.request.user.has_perm("campaign.record_acknowledgement", self.campaign)
        context["documents"] = documents
        context["rows"] = [
            {
                "unit": unit,
                "is_own": unit.pk in own,
                "cells": [
                    {
                        "document": document,
                        "acknowledgement": acknowledgements.get((document.pk, unit.pk)),
                        "can_record": can_record and (self.can_manage or unit.pk in own),
                    }
                    for document in documents
                ],
            }
            for unit in units
        ]
        context["unit_count"] = len(units)
        context["tab"] = "documents"
        return context


class DocumentCreateView(CampaignMixin, ServiceFormMixin, FormView):
    template_name = "campaign/form.html"
    form_class = DocumentForm
    permission_required = "campaign.manage_campaign"
    success_message = gettext_lazy("Đã thêm văn bản cần quán triệt.")

    def perform(self, form):
        data = form.cleaned_data
        return dissemination.add_document(
            self.campaign,
            by=self.request.user,
            number=data["number"],
            date=data["date"],
            title=data["title"],
            file=data.get("file") or None,
        )

    def get_success_url(self):
        return reverse("campaign:documents", args=[self.campaign.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Thêm văn bản cần quán triệt")
        context["multipart"] = True
        return context


class DocumentMixin(ObjectOfCampaignMixin):
    def get_queryset(self):
        return documents_visible_to(self.request.user)


class DocumentDeleteView(DocumentMixin, View):
    permission_required = "campaign.manage_campaign"

    def post(self, request, pk):
        campaign_pk = self.campaign.pk
        return run_action(
            request,
            lambda: dissemination.delete_document(self.object, by=request.user),
            _("Đã xóa văn bản."),
            reverse("campaign:documents", args=[campaign_pk]),
        )


class DocumentFileView(DocumentMixin, View):
    def get(self, request, pk):
        document = self.object
        return private_file_response(document.file, document.original_name, document.content_type)


class AcknowledgeView(DocumentMixin, ServiceFormMixin, FormView):
    """A focal point records that its unit has disseminated the document; district staff
    may record it for any unit of the district."""

    template_name = "campaign/form.html"
    form_class = AcknowledgementForm
    permission_required = "campaign.record_acknowledgement"
    success_message = gettext_lazy("Đã ghi nhận kết quả quán triệt.")

    @cached_property
    def units(self):
        units = Unit.objects.filter(parent_id=self.campaign.owner_id, is_active=True).order_by(by_name())
        if self.can_manage:
            return units
        return units.filter(pk__in=self.request.user.focal_unit_ids())

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"units": self.units}

    def get_initial(self):
        initial = {"disseminated_on": timezone.localdate()}
        wanted = self.request.GET.get("unit")
        if wanted and wanted.isdigit() and self.units.filter(pk=wanted).exists():
            initial["unit"] = int(wanted)
        return initial

    def get(self, request, *args, **kwargs):
        if not self.units.exists():
            raise PermissionDenied
        return super().get(request, *args, **kwargs)

    def perform(self, form):
        data = form.cleaned_data
        return dissemination.record_acknowledgement(
            self.object,
            data["unit"],
            by=self.request.user,
            disseminated_on=data["disseminated_on"],
            form=data["form"],
            participants=data["participants"],
            note=data.get("note", ""),
        )

    def get_success_url(self):
        return reverse("campaign:documents", args=[self.campaign.pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = _("Ghi nhận quán triệt văn bản %(number)s") % {"number": self.object.number}
        context["intro"] = self.object.title
        return context
