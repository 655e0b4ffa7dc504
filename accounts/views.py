from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from .collation import by_name
from .todo import todo_for


class HomeView(LoginRequiredMixin, TemplateView):
    """Everyone's landing page: what they must do ("Việc cần làm", most urgent first),
    then what their roles let them do, with links into the apps. A visitor who is not
    signed in sees the public showcase instead of a login form."""

    template_name = "home.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect("showcase:index")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["todo"] = todo_for(self.request.user)
        context["today"] = timezone.localdate()
        return context


class ProfileView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["memberships"] = self.request.user.memberships.select_related("unit").order_by(by_name("unit__name"))
        return context


def _database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure is reported, not raised
        return f"error: {error.__class__.__name__}"
    return "ok"


def _broker_status() -> str:
    if not settings.CELERY_BROKER_URL:
        return "disabled"
    from config.celery import app

    try:
        with app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as error:  # noqa: BLE001
        return f"error: {error.__class__.__name__}"
    return "ok"


@never_cache
def healthz(request):
    database = _database_status()
    broker = _broker_status()
    status = 200 if database == "ok" else 503
    return JsonResponse({"database": database, "broker": broker}, status=status)


@never_cache
def bench_floor(request):
    """The benchmark's floor: a small response through every middleware, no session
    read. Routed only when BENCH_VIEWS is on (``make bench``)."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def bench_floor_authenticated(request):
    """The floor with the session and the user loaded, as every signed-in page does."""
    if not request.user.is_authenticated:
        return HttpResponse("anonymous", content_type="text/plain", status=403)
    return HttpResponse(request.user.get_username(), content_type="text/plain")


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
