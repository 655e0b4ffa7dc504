"""Council, criteria, nomination, assignment, scoring and results (namespace
``evaluations``, mounted at /appraisal/). Award proposals and medals: award_urls.py."""

from django.urls import path

from . import result_views, scoring_views, views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("queue/", scoring_views.QueueView.as_view(), name="queue"),
    path("my-results/", result_views.UnitResultsView.as_view(), name="unit_results"),
    path("campaign/<int:campaign_pk>/start/", views.CouncilStartView.as_view(), name="start"),
    path("campaign/<int:campaign_pk>/council/", views.CouncilView.as_view(), name="council"),
    path("members/<int:pk>/edit/", views.MemberEditView.as_view(), name="member_edit"),
    path("members/<int:pk>/remove/", views.MemberRemoveView.as_view(), name="member_remove"),
    path("campaign/<int:campaign_pk>/criteria/", views.CriteriaView.as_view(), name="criteria"),
    path("campaign/<int:campaign_pk>/nominate/", views.NominateView.as_view(), name="nominate"),
    path("campaign/<int:campaign_pk>/assignments/", views.AssignmentsView.as_view(), name="assignments"),
    path("campaign/<int:campaign_pk>/results/", result_views.ResultsView.as_view(), name="results"),
    path("campaign/<int:campaign_pk>/finalise/", result_views.FinaliseView.as_view(), name="finalise"),
    path("campaign/<int:campaign_pk>/publish/", result_views.PublishResultsView.as_view(), name="publish_results"),
    path("campaign/<int:campaign_pk>/export/score-matrix.xlsx", result_views.ExportMatrixView.as_view(), name="export_matrix"),
    path("campaign/<int:campaign_pk>/export/results.xlsx", result_views.ExportResultsView.as_view(), name="export_results"),
    path("score/<int:registration_pk>/", scoring_views.ScoresheetView.as_view(), name="scoresheet"),
    path("score/<int:registration_pk>/conflict/", scoring_views.DeclareConflictView.as_view(), name="declare_conflict"),
    path("registration/<int:registration_pk>/sheets/", scoring_views.RegistrationSheetsView.as_view(), name="sheets"),
    path("sheets/<int:scoresheet_pk>/reopen/", scoring_views.ReopenView.as_view(), name="reopen"),
    path("evidence/<int:evidence_pk>/", scoring_views.EvidenceDownloadView.as_view(), name="evidence"),
]
