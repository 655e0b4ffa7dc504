from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.InboxView.as_view(), name="inbox"),
    path("<int:pk>/open/", views.OpenNotificationView.as_view(), name="open"),
    path("read-all/", views.MarkAllReadView.as_view(), name="mark_all_read"),
    path("deliveries/", views.FailedDeliveriesView.as_view(), name="deliveries"),
    path("deliveries/retry/", views.RetryDeliveryView.as_view(), name="retry_all"),
    path("deliveries/<int:pk>/retry/", views.RetryDeliveryView.as_view(), name="retry"),
]
