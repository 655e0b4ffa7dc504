"""Django's password views, each recording the change in the ledger, and the reset form
rate-limited. The reset page answers the same whether or not an e-mail was sent."""

from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy

from .client import client_address
from .credentials import OWN, RESET, record_password_change, reset_email_allowed


class PasswordChangeView(auth_views.PasswordChangeView):
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            record_password_change(form.user, by=self.request.user, how=OWN)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    success_url = reverse_lazy("accounts:password_reset_done")
    email_template_name = "registration/password_reset_email.txt"

    def form_valid(self, form):
        if reset_email_allowed(form.cleaned_data["email"], client_address(self.request) or ""):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            record_password_change(form.user, by=form.user, how=RESET)
        return response
