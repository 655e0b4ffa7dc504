from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignConfig(AppConfig):
    name = "campaign"
    verbose_name = _("Kế hoạch")

    def ready(self):
        from . import dashboard
        from .columns import DOCUMENTS_COLUMN, documents_to_disseminate

        dashboard.register_column(DOCUMENTS_COLUMN)
        dashboard.register_obligations(documents_to_disseminate)
