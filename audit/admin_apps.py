from django.contrib.admin.apps import AdminConfig


class AuditedAdminConfig(AdminConfig):
    """django.contrib.admin, with a default site whose every change reaches the ledger."""

    default_site = "audit.admin_ledger.AuditedAdminSite"
