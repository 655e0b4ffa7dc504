from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Thẩm định")

    def ready(self):
        from accounts import exports as background_exports
        from accounts import two_factor
        from campaign import dashboard
        from campaign import selectors as campaign_selectors
        from registrations import selectors as registration_selectors

        from . import awards, exports, selectors
        from . import dashboard as appraisal_dashboard
        from .awards import rules as award_rules

        award_rules.register()
        background_exports.register(exports.MATRIX, exports.matrix_workbook)
        background_exports.register(exports.RESULTS, exports.results_workbook)
        background_exports.register(awards.PROPOSALS, awards.proposals_workbook)
        background_exports.register(awards.MEDALS, awards.medals_workbook)

        # Council members read the registrations assigned to them once appraisal opens (DESIGN §6).
        registration_selectors.register_visibility_rule(selectors.registrations_open_to_members)
        campaign_selectors.register_campaign_visibility(selectors.campaigns_seating)
        dashboard.register_column(
            dashboard.Column(key="appraisal", label=_("Thẩm định"), compute=appraisal_dashboard.appraisal_cells, order=60)
        )
        dashboard.register_obligations(appraisal_dashboard.published_results_obligations)
        # Council members score: their sign-in needs two factors (accounts.two_factor).
        two_factor.register_requirement(selectors.has_council_seat)
