"""Load the demo: each app that has a ``demo`` module contributes its part, in the
order of INSTALLED_APPS (lower layers first). Idempotent."""

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the 2020 Đơn Dương replay and the current campaigns of the Lâm Đồng province board (safe to run again)."

    def handle(self, *args, **options):
        modules = []
        for config in apps.get_app_configs():
            module_name = f"{config.name}.demo"
            if importlib.util.find_spec(module_name) is not None:
                modules.append(importlib.import_module(module_name))
        # First the 2020 Đơn Dương replay (history), then the province of today, dated
        # from the day the command runs (DESIGN §0).
        for module in modules:
            module.seed(stdout=self.stdout)
        for module in modules:
            if hasattr(module, "seed_present"):
                module.seed_present(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(
            f"Demo accounts (password {DEMO_PASSWORD}): today: tinh (province board staff), tinhtruongban (its head), "
            "xakado, xadonduong, ... (commune focal points), dangkado (Ka Đô commune staff), kadomoi (village), "
            "hdtinh, hdtinh1, hdtinh2 (council); 2020: admin, bdv, truongban, thuongtruc, thanhmy, kado, ..., "
            "chutich, thamdinh1–thamdinh4."
        )
