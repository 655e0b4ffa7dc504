from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Đăng ký thi đua")

    def ready(self):
        from accounts import exports as background_exports
        from campaign import dashboard as campaign_dashboard
        from models import services as model_services

        from . import dashboard, exports
        from .selectors import kind_frozen_reason

        for column in dashboard.COLUMNS:
            campaign_dashboard.register_column(column)
        campaign_dashboard.register_obligations(dashboard.obligations)
        model_services.register_scoring_freeze_rule(kind_frozen_reason)
        background_exports.register(exports.KIND, exports.workbook_for)
