"""Catalogue pages for units and the district. Each view reads through a selector,
checks a named rule and calls a service; the rules themselves live in rules.py."""

import rules
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, ListView

from accounts.collation import by_name
from accounts.errors import run_action

from . import services
from .exceptions import DomainError
from .forms import CatalogueFilter, DvkModelForm
from .models import DvkModel
from .selectors import models_visible_to, units_visible_to


class ModelListView(LoginRequiredMixin, ListView):
    template_name = "models/list.html"
    context_object_name = "dvk_models"
    paginate_by = 20

    def get_queryset(self):
        self.filterset = CatalogueFilter(
            self.request.GET or None,
            queryset=models_visible_to(self.request.user),
            units=units_visible_to(self.request.user),
        )
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["filter"] = self.filterset
        # A unit's own list needs no unit column or unit filter.
        context["shows_units"] = bool(user.reader_organiser_ids()) or len(user.heritage_unit_ids()) > 1
        context["can_create"] = rules.has_perm("models.create_model", user)
        return context


class ModelFormMixin(LoginRequiredMixin):
    form_class = DvkModelForm
    template_name = "models/form.html"

    def form_valid(self, form):
        try:
            model = self.save(form)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        except DomainError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        return redirect(model_url(model))


def model_url(model: DvkModel) -> str:
    return reverse("models:detail", kwargs={"pk": model.pk})


class ModelCreateView(ModelFormMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not rules.has_perm("models.create_model", request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        """``?from=<pk>``: a model inherited from a unit merged into the user's starts the
        new entry with its content, replicating it (the unit reports the replication)."""
        wanted = self.request.GET.get("from", "")
        if not wanted.isdigit():
            return {}
        inherited = models_visible_to(self.request.user).filter(pk=wanted, unit__successor__isnull=False).first()
        if inherited is None:
            return {}
        fields = ("name", "kind", "field", "address", "started_on", "description", "person_name", "person_birth_year")
        return {**{name: getattr(inherited, name) for name in fields}, "replicates": inherited.pk}

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        units = list(self.request.user.units(roles=("focal_point",)).order_by(by_name()))
        kwargs["units"] = units
        kwargs["instance"] = DvkModel(unit=units[0]) if len(units) == 1 else DvkModel()
        return kwargs

    def save(self, form):
        unit = form.cleaned_data.get("unit") or form.instance.unit
        model = services.create_model(unit, by=self.request.user, **form.service_fields())
        messages.success(self.request, _("Đã thêm “%(name)s” vào danh mục của đơn vị.") % {"name": model.name})
        return model


class ModelUpdateView(ModelFormMixin, FormView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = get_object_or_404(models_visible_to(request.user), pk=kwargs["pk"])
        if not rules.has_perm("models.edit_model", request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.object
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        return context

    def save(self, form):
        model = services.update_model(
            self.object,
            by=self.request.user,
            expected_updated_at=form.cleaned_data.get("version"),
            **form.service_fields(),
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return model


class ModelDetailView(LoginRequiredMixin, DetailView):
    template_name = "models/detail.html"
    context_object_name = "dvk_model"

    def get_queryset(self):
        return models_visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["can_edit"] = rules.has_perm("models.edit_model", user, self.object)
        context["can_publish"] = rules.has_perm("models.publish_model", user, self.object)
        context["replications"] = self.object.replications.select_related("unit").order_by(by_name("unit__name"), by_name())
        # A model of a unit merged into one of the user's: carry it on under the new unit.
        context["can_carry_on"] = self.object.unit.successor_id in user.focal_unit_ids()
        return context


class PublicationView(LoginRequiredMixin, View):
    """POST only: put a model on the public showcase or take it off."""

    http_method_names = ["post"]
    action = None  # a service function

    def post(self, request, pk):
        model = get_object_or_404(models_visible_to(request.user), pk=pk)
        if not rules.has_perm("models.publish_model", request.user, model):
            raise PermissionDenied
        return run_action(
            request, lambda: self.action(model, by=request.user), self.success_message % {"name": model.name}, model_url(model)
        )


class PublishView(PublicationView):
    action = staticmethod(services.publish_to_showcase)
    success_message = gettext_lazy("Đã công bố “%(name)s” lên trang giới thiệu mô hình tiêu biểu.")


class UnpublishView(PublicationView):
    action = staticmethod(services.unpublish_from_showcase)
    success_message = gettext_lazy("Đã gỡ “%(name)s” khỏi trang giới thiệu.")
