from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.ReportIndexView.as_view(), name="index"),
    path("<int:pk>/", views.ReportEditView.as_view(), name="edit"),
    path("<int:pk>/sign/", views.SignReportView.as_view(), name="sign"),
    path("<int:pk>/render/<str:fmt>/", views.RenderReportView.as_view(), name="render"),
    path("<int:pk>/files/", views.ReportFilesView.as_view(), name="files"),
    path("<int:pk>/download/<str:fmt>/", views.DownloadReportView.as_view(), name="download"),
    path("<int:pk>/preview/", views.PreviewReportView.as_view(), name="preview"),
    path("registrations/<int:pk>/form.pdf", views.RegistrationFormView.as_view(), name="registration_form"),
]
