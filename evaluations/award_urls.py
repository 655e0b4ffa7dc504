"""Award proposals, council votes and commemorative medals, under /appraisal/awards/.
Lists take the campaign as ``?campaign=<id>`` (default: the latest one the user sees)."""

from django.urls import path

from . import award_views as views

urlpatterns = [
    path("proposals/", views.ProposalListView.as_view(), name="proposals"),
    path(
        "campaign/<int:campaign_pk>/proposals/draft/",
        views.ProposalDraftFromResultsView.as_view(),
        name="proposal_draft_from_results",
    ),
    path(
        "campaign/<int:campaign_pk>/proposals/open-voting/",
        views.ProposalBulkActionView.as_view(action="open"),
        name="proposal_open_voting",
    ),
    path(
        "campaign/<int:campaign_pk>/proposals/close-voting/",
        views.ProposalBulkActionView.as_view(action="close"),
        name="proposal_close_voting",
    ),
    path("campaign/<int:campaign_pk>/proposals.xlsx", views.ExportProposalsView.as_view(), name="export_proposals"),
    path("proposals/<int:pk>/", views.ProposalVoteView.as_view(), name="proposal_vote"),
    path("proposals/<int:pk>/edit/", views.ProposalEditView.as_view(), name="proposal_edit"),
    path("proposals/<int:pk>/decision/", views.ProposalDecideView.as_view(), name="proposal_decide"),
    path("medals/", views.MedalListView.as_view(), name="medals"),
    path("campaign/<int:campaign_pk>/medals/new/", views.MedalCreateView.as_view(), name="medal_create"),
    path("campaign/<int:campaign_pk>/medals.xlsx", views.ExportMedalsView.as_view(), name="export_medals"),
    path("medals/<int:pk>/mark/", views.MedalMarkView.as_view(), name="medal_mark"),
]
