from django.apps import apps
from django.core.management import call_command

from accounts.models import User
from tests.seeded import demo_seeded_once

# Seeded once for the module, from the empty database; each test runs in a savepoint.
demo_database = demo_seeded_once(copy=False)


def _row_counts() -> dict[str, int]:
    project_apps = {"audit", "accounts", "campaign", "models", "registrations", "evaluations", "notifications", "reports"}
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in project_apps
    }


def test_seed_demo_loads_everything_once_and_a_second_run_changes_nothing(db, demo_database):
    first = _row_counts()
    assert first["registrations.Registration"] >= 20
    assert first["evaluations.Scoresheet"] > 0
    assert set(User.objects.values_list("username", flat=True)) >= {
        "admin", "bdv", "truongban", "thanhmy", "kado", "chutich", "thamdinh1", "thamdinh2", "thamdinh3", "thamdinh4",
    }
    call_command("seed_demo")
    assert _row_counts() == first
    call_command("verify_audit")


def test_every_demo_account_uses_the_published_password(db, demo_database):
    for username in ("admin", "bdv", "truongban", "kado", "thanhmy", "chutich", "thamdinh4", "tutra", "mttq"):
        assert User.objects.get(username=username).check_password("danvankheo2020"), username
