"""Load the demo: each app that has a ``demo`` module contributes its part, in the
order of INSTALLED_APPS (lower layers first). Idempotent."""

import importlib
import importlib.util

from django.apps import apps
from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Load the 2020 Đơn Dương demo campaign, its units and accounts (safe to run again)."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            module_name = f"{config.name}.demo"
            if importlib.util.find_spec(module_name) is None:
                continue
            importlib.import_module(module_name).seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(
            f"Demo accounts (password {DEMO_PASSWORD}): admin, bdv (district staff), truongban (board head), "
            "thuongtruc (viewer), thanhmy, kado, ... (unit focal points), chutich, thamdinh1–thamdinh4 (council)."
        )
