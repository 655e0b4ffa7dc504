"""How the code is laid out, checked so that it stays so: modules short enough to read
at a sitting, and one owner of the registration lifecycle."""

import re
from pathlib import Path

import rules
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ("accounts", "audit", "campaign", "config", "evaluations", "models", "notifications", "registrations", "reports")
# Long by nature: the text of the 2020 demo registrations.
DEMO_CONTENT = {"registrations/demo_content.py"}
MAX_LINES = 500


def _sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" not in relative:
                yield relative, path.read_text(encoding="utf-8")


def test_no_module_is_longer_than_five_hundred_lines():
    long = {name: text.count("\n") for name, text in _sources() if name not in DEMO_CONTENT and text.count("\n") > MAX_LINES}
    assert long == {}


def test_only_registrations_writes_a_registration_status():
    # An assignment or an update of ``status`` next to a registration, outside its app.
    writes = re.compile(r"registration\w*\.status\s*=[^=]|Registration\.objects[^\n]*\.update\([^)]*\bstatus=")
    found = [name for name, text in _sources() if not name.startswith("registrations/") and writes.search(text)]
    assert found == []


def test_no_app_spells_out_its_own_group_of_registration_statuses():
    group = re.compile(r"[(\[{]\s*(?:Registration\.)?Status\.[A-Z_]+\s*,\s*(?:Registration\.)?Status\.[A-Z_]+")
    found = []
    for name, text in _sources():
        if name.startswith("registrations/") or "from registrations.models import" not in text:
            continue
        if "Status" in text and group.search(text):
            found.append(name)
    assert found == []


def test_award_permissions_are_added_by_the_app_not_by_importing_a_module():
    import importlib

    from evaluations.awards import rules as award_rules

    rules.remove_perm("evaluations.manage_awards")
    try:
        importlib.reload(award_rules)
        assert not rules.perm_exists("evaluations.manage_awards")
    finally:
        award_rules.register()
    assert rules.perm_exists("evaluations.manage_awards")


def test_every_module_the_suite_starts_with_exists():
    from tests.conftest import LONGEST_FIRST

    assert [path for path in LONGEST_FIRST if not (ROOT / path).is_file()] == []
