from django.contrib.auth import views as auth_views
from django.urls import path

from . import credential_views, export_views, manage_views, reorganise_views, two_factor_views, views
from .forms import LoginForm

app_name = "accounts"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(authentication_form=LoginForm, redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", credential_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/change/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", credential_views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/done/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("reset/<uidb64>/<token>/", credential_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("2fa/", two_factor_views.VerifyView.as_view(), name="two_factor_verify"),
    path("2fa/setup/", two_factor_views.SetupView.as_view(), name="two_factor_setup"),
    path("2fa/setup/codes/", two_factor_views.RecoveryCodesView.as_view(), name="two_factor_codes"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    # Excel exports one asked for, made in the background.
    path("exports/", export_views.ExportListView.as_view(), name="exports"),
    path("exports/<uuid:key>/", export_views.ExportDetailView.as_view(), name="export_detail"),
    path("exports/<uuid:key>/retry/", export_views.ExportRetryView.as_view(), name="export_retry"),
    path("exports/<uuid:key>/download/", export_views.ExportDownloadView.as_view(), name="export_download"),
    # Units and accounts of the district, for district staff.
    path("manage/users/", manage_views.AccountListView.as_view(), name="manage_users"),
    path("manage/users/new/", manage_views.AccountCreateView.as_view(), name="user_create"),
    path("manage/users/<int:pk>/", manage_views.AccountDetailView.as_view(), name="user_detail"),
    path("manage/users/<int:pk>/edit/", manage_views.AccountUpdateView.as_view(), name="user_update"),
    path("manage/users/<int:pk>/deactivate/", manage_views.AccountDeactivateView.as_view(), name="user_deactivate"),
    path("manage/users/<int:pk>/reactivate/", manage_views.AccountReactivateView.as_view(), name="user_reactivate"),
    path("manage/users/<int:pk>/password/", manage_views.AccountSetPasswordView.as_view(), name="user_set_password"),
    path("manage/units/", manage_views.UnitListView.as_view(), name="manage_units"),
    path("manage/units/<int:pk>/", manage_views.UnitDetailView.as_view(), name="unit_detail"),
    path("manage/units/merge/", reorganise_views.MergeView.as_view(), name="unit_merge"),
    path("manage/units/<int:pk>/rename/", reorganise_views.RenameView.as_view(), name="unit_rename"),
    path("manage/units/<int:pk>/move/", reorganise_views.MoveView.as_view(), name="unit_move"),
    path("manage/units/<int:pk>/letterhead/", reorganise_views.LetterheadView.as_view(), name="unit_letterhead"),
    path("manage/import/", manage_views.ImportView.as_view(), name="import"),
    path("manage/import/template.xlsx", manage_views.ImportTemplateView.as_view(), name="import_template"),
]
