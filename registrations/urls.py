from django.urls import path

from . import evidence_views, report_views, views

app_name = "registrations"

urlpatterns = [
    path("", views.RegistrationListView.as_view(), name="list"),
    path("export/", views.RegistrationExportView.as_view(), name="export"),
    path("bulk-accept/", views.BulkAcceptView.as_view(), name="bulk_accept"),
    path("my-unit/", views.UnitHomeView.as_view(), name="unit_home"),
    path("new/", views.RegistrationCreateView.as_view(), name="create"),
    path("<int:pk>/", views.RegistrationDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.RegistrationEditView.as_view(), name="edit"),
    path("<int:pk>/submit/", views.SubmitRegistrationView.as_view(), name="submit"),
    path("<int:pk>/withdraw/", views.WithdrawRegistrationView.as_view(), name="withdraw"),
    path("<int:pk>/return/", views.ReturnRegistrationView.as_view(), name="return"),
    path("<int:pk>/accept/", views.AcceptRegistrationView.as_view(), name="accept"),
    path("<int:pk>/reports/<slug:kind>/", report_views.ReportEditView.as_view(), name="report_edit"),
    path("<int:pk>/reports/<slug:kind>/submit/", report_views.ReportSubmitView.as_view(), name="report_submit"),
    path("<int:pk>/evidence/", evidence_views.EvidenceUploadView.as_view(), name="evidence_upload"),
    path("evidence/<int:pk>/", evidence_views.EvidenceDownloadView.as_view(), name="evidence_download"),
    path("evidence/<int:pk>/thumbnail/", evidence_views.EvidenceThumbnailView.as_view(), name="evidence_thumbnail"),
    path("evidence/<int:pk>/delete/", evidence_views.EvidenceDeleteView.as_view(), name="evidence_delete"),
]
