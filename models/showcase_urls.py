from django.urls import path

from . import showcase_views

app_name = "showcase"

urlpatterns = [
    path("", showcase_views.ShowcaseIndexView.as_view(), name="index"),
    path("<int:pk>/", showcase_views.ShowcaseDetailView.as_view(), name="detail"),
]
