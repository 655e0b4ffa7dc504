from django.urls import path

from . import views

app_name = "models"

urlpatterns = [
    path("", views.ModelListView.as_view(), name="list"),
    path("new/", views.ModelCreateView.as_view(), name="create"),
    path("<int:pk>/", views.ModelDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.ModelUpdateView.as_view(), name="edit"),
    path("<int:pk>/publish/", views.PublishView.as_view(), name="publish"),
    path("<int:pk>/unpublish/", views.UnpublishView.as_view(), name="unpublish"),
]
