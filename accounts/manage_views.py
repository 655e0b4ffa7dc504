"""District staff manage the units and accounts of their district. List and import
pages answer 403 to anyone else; an object outside the user's districts is a 404,
because the selectors never return it."""

from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView, ListView, TemplateView, View

from . import services
from .collation import by_name
from .exceptions import AccountError, ImportRejected
from .manage_forms import (
    AccountFilterForm,
    AccountUpdateForm,
    DeactivateForm,
    FocalPointCreateForm,
    ImportForm,
    SetPasswordForm,
    UnitFilterForm,
)
from .models import Unit
from .rules import is_organiser_staff
from .selectors import (
    account_history,
    accounts_of_unit,
    search_accounts,
    search_units,
    unit_reorganisations,
    units_manageable_by,
    units_with_account_counts,
    users_manageable_by,
)
from .unit_import import COLUMNS, KIND_LABELS, template_workbook
from .xlsx import workbook_response

PAGE_SIZE = 25
HISTORY_SIZE = 20
ACCOUNT_ACTIONS = {
    "account.created": gettext_lazy("Tạo tài khoản"),
    "account.updated": gettext_lazy("Sửa thông tin"),
    "account.deactivated": gettext_lazy("Khóa tài khoản"),
    "account.reactivated": gettext_lazy("Mở khóa tài khoản"),
    "account.password_set": gettext_lazy("Đặt mật khẩu mới"),
}
IMPORT_SUMMARY_KEY = "accounts_import_summary"


class DistrictStaffRequiredMixin(LoginRequiredMixin, UserPassesTestMixin):
    """Lists and the import: 403 (the friendly page) for anyone who is not staff of an organising body."""

    def test_func(self):
        return is_organiser_staff(self.request.user)


class ManagedAccountMixin(LoginRequiredMixin):
    """An account page: the account comes through the selector, so outside the user's
    districts (or for someone who manages none) it is a 404."""

    change_required = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.account = get_object_or_404(users_manageable_by(request.user), pk=kwargs["pk"])
        if self.change_required and not request.user.has_perm("accounts.change_account", self.account):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(account=self.account, **kwargs)

    def account_url(self) -> str:
        return reverse("accounts:user_detail", args=[self.account.pk])


class AccountListView(DistrictStaffRequiredMixin, ListView):
    template_name = "accounts/manage/account_list.html"
    context_object_name = "accounts"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.filter_form = AccountFilterForm(self.request.GET or None, user=self.request.user)
        accounts = users_manageable_by(self.request.user)
        if self.filter_form.is_bound and self.filter_form.is_valid():
            data = self.filter_form.cleaned_data
            accounts = search_accounts(accounts, unit=data["unit"], query=data["q"], status=data["status"])
        return accounts

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, querystring=_querystring(self.request), **kwargs)


class UnitListView(DistrictStaffRequiredMixin, ListView):
    template_name = "accounts/manage/unit_list.html"
    context_object_name = "units"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.filter_form = UnitFilterForm(self.request.GET or None)
        units = units_with_account_counts(self.request.user)
        if self.filter_form.is_bound and self.filter_form.is_valid():
            units = search_units(units, query=self.filter_form.cleaned_data["q"])
        return units

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, querystring=_querystring(self.request), **kwargs)


class UnitDetailView(LoginRequiredMixin, DetailView):
    template_name = "accounts/manage/unit_detail.html"
    context_object_name = "unit"

    def get_queryset(self):
        return units_manageable_by(self.request.user)

    def get_context_data(self, **kwargs):
        unit, user = self.object, self.request.user
        return super().get_context_data(
            accounts=accounts_of_unit(user, unit),
            predecessors=Unit.objects.filter(pk__in=unit.inherited_ids).order_by(by_name()),
            reorganisations=unit_reorganisations(unit),
            is_own_organiser=unit.pk in user.organiser_ids(),
            can_reorganise=unit.is_active and unit.pk not in user.organiser_ids(),
            **kwargs,
        )


class AccountCreateView(DistrictStaffRequiredMixin, FormView):
    template_name = "accounts/manage/account_create.html"
    form_class = FocalPointCreateForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        unit_id = self.request.GET.get("unit", "")
        return {"unit": int(unit_id)} if unit_id.isdigit() else {}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            account = services.create_focal_point(
                by=self.request.user,
                unit=data["unit"],
                username=data["username"],
                password=data["password1"],
                full_name=data["full_name"],
                email=data["email"],
                phone=data["phone"],
                position=data["position"],
            )
        except AccountError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Đã tạo tài khoản “%(username)s” cho %(unit)s. Hãy báo tên đăng nhập và mật khẩu ban đầu cho người dùng.")
            % {"username": account.username, "unit": data["unit"].name},
        )
        return redirect("accounts:user_detail", pk=account.pk)


class AccountDetailView(ManagedAccountMixin, TemplateView):
    template_name = "accounts/manage/account_detail.html"
    change_required = False

    def get_context_data(self, **kwargs):
        entries = account_history(self.account)[:HISTORY_SIZE]
        history = [(entry, ACCOUNT_ACTIONS.get(entry.action, entry.action)) for entry in entries]
        return super().get_context_data(
            history=history,
            can_change=self.request.user.has_perm("accounts.change_account", self.account),
            **kwargs,
        )


class AccountUpdateView(ManagedAccountMixin, FormView):
    template_name = "accounts/manage/account_form.html"
    form_class = AccountUpdateForm

    def get_initial(self):
        return {name: getattr(self.account, name) for name in services.PROFILE_FIELDS}

    def form_valid(self, form):
        services.update_account(self.account, by=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Đã lưu thông tin tài khoản “%(username)s”.") % {"username": self.account.username})
        return HttpResponseRedirect(self.account_url())


class AccountSetPasswordView(ManagedAccountMixin, FormView):
    template_name = "accounts/manage/account_set_password.html"
    form_class = SetPasswordForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "account": self.account}

    def form_valid(self, form):
        try:
            services.set_password_for(self.account, by=self.request.user, password=form.cleaned_data["password1"])
        except AccountError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Đã đặt mật khẩu mới cho “%(username)s”. Hãy báo mật khẩu cho người dùng qua kênh an toàn.")
            % {"username": self.account.username},
        )
        return HttpResponseRedirect(self.account_url())


class AccountDeactivateView(ManagedAccountMixin, FormView):
    template_name = "accounts/manage/account_status.html"
    form_class = DeactivateForm
    extra_context = {"deactivating": True}

    def form_valid(self, form):
        try:
            services.deactivate_user(self.account, by=self.request.user, reason=form.cleaned_data["reason"])
        except AccountError as error:
            messages.error(self.request, str(error))
        else:
            messages.success(self.request, _("Đã khóa tài khoản “%(username)s”.") % {"username": self.account.username})
        return HttpResponseRedirect(self.account_url())


class AccountReactivateView(ManagedAccountMixin, TemplateView):
    template_name = "accounts/manage/account_status.html"
    extra_context = {"deactivating": False}

    def post(self, request, *args, **kwargs):
        try:
            services.reactivate_user(self.account, by=request.user)
        except AccountError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Đã mở khóa tài khoản “%(username)s”.") % {"username": self.account.username})
        return HttpResponseRedirect(self.account_url())


class ImportView(DistrictStaffRequiredMixin, FormView):
    template_name = "accounts/manage/import.html"
    form_class = ImportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            columns=COLUMNS,
            kind_labels=[label for _kind, label in KIND_LABELS],
            summary=self.request.session.pop(IMPORT_SUMMARY_KEY, None) if self.request.method == "GET" else None,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            summary = services.import_units_and_accounts(
                form.cleaned_data["file"], by=self.request.user, organiser=form.cleaned_data["district"]
            )
        except ImportRejected as rejection:
            return self.render_to_response(self.get_context_data(form=form, rejection=rejection))
        except AccountError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        self.request.session[IMPORT_SUMMARY_KEY] = asdict(summary)
        messages.success(
            self.request,
            _("Đã nhập xong: %(units)d đơn vị mới, %(updated)d đơn vị được cập nhật, %(accounts)d tài khoản mới.")
            % {
                "units": len(summary.units_created),
                "updated": len(summary.units_updated),
                "accounts": len(summary.accounts_created),
            },
        )
        return redirect("accounts:import")


class ImportTemplateView(DistrictStaffRequiredMixin, View):
    def get(self, request):
        return workbook_response(template_workbook(), "mau-nhap-don-vi-tai-khoan.xlsx")


def _querystring(request) -> str:
    """The current filters, for pagination links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
