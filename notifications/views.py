from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import ListView

from accounts.rules import is_organiser_staff

from .delivery import retry_delivery
from .models import Notification
from .services import mark_read


class InboxView(LoginRequiredMixin, ListView):
    template_name = "notifications/inbox.html"
    context_object_name = "notifications"
    paginate_by = 25

    def get_queryset(self):
        return Notification.objects.filter(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["unread_count"] = Notification.objects.filter(user=self.request.user, read_at__isnull=True).count()
        return context


class OpenNotificationView(LoginRequiredMixin, View):
    """Mark one of my notifications read and follow its link."""

    def post(self, request, pk):
        notification = get_object_or_404(Notification, pk=pk, user=request.user)
        mark_read(notification)
        target = notification.url
        if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            return redirect(target)
        return redirect("notifications:inbox")


class MarkAllReadView(LoginRequiredMixin, View):
    def post(self, request):
        count = Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
        messages.success(request, _("Đã đánh dấu %(count)d thông báo là đã đọc.") % {"count": count})
        return redirect("notifications:inbox")


def _deliveries_for(user):
    """Failed or retrying e-mails sent in the name of the organisers this user runs."""
    notifications = Notification.objects.exclude(email_status__in=[Notification.EmailStatus.NONE, Notification.EmailStatus.SENT])
    notifications = notifications.filter(Q(email_status=Notification.EmailStatus.FAILED) | Q(email_attempts__gt=0))
    if not user.is_superuser:
        notifications = notifications.filter(organiser_id__in=user.organiser_ids())
    return notifications.select_related("user", "organiser").order_by("-email_status", "-created_at", "-pk")


class FailedDeliveriesView(LoginRequiredMixin, UserPassesTestMixin, ListView):
    """Staff see the e-mails the mail server refused and put them back in the outbox."""

    template_name = "notifications/deliveries.html"
    context_object_name = "deliveries"
    paginate_by = 25

    def test_func(self):
        return self.request.user.is_superuser or is_organiser_staff(self.request.user)

    def get_queryset(self):
        return _deliveries_for(self.request.user)


class RetryDeliveryView(LoginRequiredMixin, UserPassesTestMixin, View):
    def test_func(self):
        return self.request.user.is_superuser or is_organiser_staff(self.request.user)

    def post(self, request, pk=None):
        failed = _deliveries_for(request.user).filter(email_status=Notification.EmailStatus.FAILED)
        targets = [get_object_or_404(failed, pk=pk)] if pk is not None else list(failed)
        for notification in targets:
            retry_delivery(notification, by=request.user)
        messages.success(
            request,
            ngettext(
                "Đã đưa %(count)d thư vào hàng đợi gửi lại; hệ thống gửi trong vòng một phút.",
                "Đã đưa %(count)d thư vào hàng đợi gửi lại; hệ thống gửi trong vòng một phút.",
                len(targets),
            )
            % {"count": len(targets)},
        )
        return redirect("notifications:deliveries")
