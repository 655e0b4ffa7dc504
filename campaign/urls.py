from django.urls import path

from .views import campaigns, dashboard, deadlines, documents, plan

app_name = "campaign"

urlpatterns = [
    path("", campaigns.CampaignListView.as_view(), name="list"),
    path("new/", campaigns.CampaignCreateView.as_view(), name="create"),
    path("dashboard/", dashboard.DashboardView.as_view(), name="dashboard"),
    path("home/", dashboard.UnitHomeView.as_view(), name="unit_home"),
    path("<int:pk>/", campaigns.CampaignDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", campaigns.CampaignUpdateView.as_view(), name="update"),
    path("<int:pk>/publish/", campaigns.CampaignPublishView.as_view(), name="publish"),
    path("<int:pk>/close/", campaigns.CampaignCloseView.as_view(), name="close"),
    path("<int:pk>/board/", campaigns.PlanBoardView.as_view(), name="board"),
    path("<int:pk>/print/", campaigns.PlanPrintView.as_view(), name="print"),
    # Plan: periods, tasks, progress updates
    path("<int:pk>/periods/new/", plan.PeriodCreateView.as_view(), name="period_create"),
    path("periods/<int:pk>/edit/", plan.PeriodUpdateView.as_view(), name="period_update"),
    path("periods/<int:pk>/delete/", plan.PeriodDeleteView.as_view(), name="period_delete"),
    path("<int:pk>/items/new/", plan.PlanItemCreateView.as_view(), name="item_create"),
    path("items/<int:pk>/", plan.PlanItemDetailView.as_view(), name="item"),
    path("items/<int:pk>/edit/", plan.PlanItemEditView.as_view(), name="item_edit"),
    path("items/<int:pk>/status/", plan.PlanItemStatusView.as_view(), name="item_status"),
    path("items/<int:pk>/delete/", plan.PlanItemDeleteView.as_view(), name="item_delete"),
    path("items/<int:pk>/updates/", plan.ProgressUpdateCreateView.as_view(), name="progress_create"),
    path("updates/<int:pk>/evidence/", plan.ProgressEvidenceView.as_view(), name="progress_evidence"),
    # Deadlines and extensions
    path("<int:pk>/deadlines/", deadlines.DeadlineListView.as_view(), name="deadlines"),
    path("<int:pk>/deadlines/new/", deadlines.DeadlineCreateView.as_view(), name="deadline_create"),
    path("deadlines/<int:pk>/edit/", deadlines.DeadlineEditView.as_view(), name="deadline_edit"),
    path("deadlines/<int:pk>/delete/", deadlines.DeadlineDeleteView.as_view(), name="deadline_delete"),
    path("deadlines/<int:pk>/extensions/new/", deadlines.ExtensionCreateView.as_view(), name="extension_create"),
    path("extensions/<int:pk>/revoke/", deadlines.ExtensionRevokeView.as_view(), name="extension_revoke"),
    # Documents to disseminate
    path("<int:pk>/documents/", documents.DocumentListView.as_view(), name="documents"),
    path("<int:pk>/documents/new/", documents.DocumentCreateView.as_view(), name="document_create"),
    path("documents/<int:pk>/file/", documents.DocumentFileView.as_view(), name="document_file"),
    path("documents/<int:pk>/delete/", documents.DocumentDeleteView.as_view(), name="document_delete"),
    path("documents/<int:pk>/acknowledge/", documents.AcknowledgeView.as_view(), name="acknowledge"),
]
