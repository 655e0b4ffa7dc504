"""Reorganisation of units by the staff of the organising body above them: merge
several units into a new one, rename one, or move one under another parent, each
effective on a date and audited; and the organiser's own letterhead. A unit outside the
user's trees is a 404."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from . import services
from .exceptions import AccountError
from .reorganise_forms import LetterheadForm, MergeForm, MoveForm, RenameForm
from .rules import is_organiser_staff
from .selectors import units_manageable_by


class _ReorganiseView(LoginRequiredMixin, FormView):
    template_name = "accounts/manage/reorganise.html"
    heading = ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_organiser_staff(request.user):
            raise Http404
        self.unit = None
        if "pk" in kwargs and request.user.is_authenticated:
            self.unit = get_object_or_404(units_manageable_by(request.user).filter(is_active=True), pk=kwargs["pk"])
            if self.unit.pk in request.user.organiser_ids():
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, unit=self.unit, **kwargs)

    def form_valid(self, form):
        try:
            unit, message = self.perform(form.cleaned_data)
        except AccountError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, message)
        return redirect("accounts:unit_detail", pk=unit.pk)


class MergeView(_ReorganiseView):
    form_class = MergeForm
    heading = gettext_lazy("Sáp nhập đơn vị")

    def perform(self, data):
        unit = services.merge_units(
            list(data["sources"]),
            by=self.request.user,
            effective_on=data["effective_on"],
            code=data["code"].strip(),
            name=data["name"].strip(),
            kind=data["kind"],
            parent=data["parent"],
            decision=data["decision"],
        )
        names = ", ".join(source.name for source in data["sources"])
        return unit, _("Đã sáp nhập %(sources)s thành %(unit)s; tài khoản của các đơn vị cũ đã chuyển sang đơn vị mới.") % {
            "sources": names,
            "unit": unit.name,
        }


class RenameView(_ReorganiseView):
    form_class = RenameForm
    heading = gettext_lazy("Đổi tên đơn vị")

    def get_initial(self):
        return {"name": self.unit.name}

    def perform(self, data):
        unit = services.rename_unit(
            self.unit, by=self.request.user, name=data["name"], effective_on=data["effective_on"], decision=data["decision"]
        )
        return unit, _("Đã đổi tên đơn vị thành “%(name)s”.") % {"name": unit.name}


class MoveView(_ReorganiseView):
    form_class = MoveForm
    heading = gettext_lazy("Chuyển đơn vị cấp trên")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "unit": self.unit}

    def perform(self, data):
        unit = services.move_unit(
            self.unit, by=self.request.user, parent=data["parent"], effective_on=data["effective_on"], decision=data["decision"]
        )
        return unit, _("Đã chuyển “%(unit)s” về trực thuộc “%(parent)s”.") % {"unit": unit.name, "parent": data["parent"].name}


class LetterheadView(LoginRequiredMixin, FormView):
    """The issuing-body lines, number suffix, place and signer lines an organising body
    prints on its plans and reports."""

    template_name = "accounts/manage/letterhead.html"
    form_class = LetterheadForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.organiser = get_object_or_404(request.user.organisers(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.organiser}

    def get_context_data(self, **kwargs):
        return super().get_context_data(organiser=self.organiser, **kwargs)

    def form_valid(self, form):
        fields = {name: form.cleaned_data[name] for name in services.LETTERHEAD_FIELDS}
        try:
            services.update_letterhead(self.organiser, by=self.request.user, **fields)
        except AccountError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu tiêu đề văn bản của %(unit)s.") % {"unit": self.organiser.name})
        return redirect("accounts:unit_detail", pk=self.organiser.pk)
