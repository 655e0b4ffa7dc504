from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from accounts import views as account_views

urlpatterns = [
    path("", account_views.HomeView.as_view(), name="home"),
    path("healthz", account_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("campaign/", include("campaign.urls")),
    path("models/", include("models.urls")),
    path("showcase/", include("models.showcase_urls")),
    path("registrations/", include("registrations.urls")),
    path("appraisal/", include("evaluations.urls")),
    path("notifications/", include("notifications.urls")),
    path("reports/", include("reports.urls")),
]

if settings.BENCH_VIEWS:
    urlpatterns += [
        path("bench/floor", account_views.bench_floor, name="bench_floor"),
        path("bench/floor-authenticated", account_views.bench_floor_authenticated, name="bench_floor_authenticated"),
    ]

handler403 = "accounts.views.permission_denied"
handler404 = "accounts.views.page_not_found"
handler500 = "accounts.views.server_error"
