"""WCAG 2.1 AA by axe-core (vendored from the npm registry for the tests): no serious or
critical violation on the pages each demo role uses — its home, lists, details,
forms, the scoresheet and the results — reached by following links from home."""

from pathlib import Path

import pytest
from django.core.management import call_command

from tests.e2e.conftest import login
from tests.e2e.test_phones import walk
from tests.test_crawl import ROLES

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
PAGES_PER_ROLE = 16
DESKTOP = {"width": 1366, "height": 768}
RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""


@pytest.fixture
def seeded(transactional_db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo")


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


def test_no_serious_or_critical_axe_violation_on_the_pages_of_every_demo_role(seeded, open_page):
    found = {}
    kinds = set()
    for username in ROLES:
        page = open_page(viewport=DESKTOP, bypass_csp=True)  # axe is injected as an inline script
        login(page, username)
        for url, problems in walk(page, violations, limit=PAGES_PER_ROLE).items():
            kinds.add(url.split("?")[0].strip("/").split("/")[0])
            if problems:
                found[(username, url)] = problems
        page.context.close()
    # The walk reached every part: plans, registrations, models, appraisal, reports, showcase.
    assert {"", "campaign", "registrations", "models", "appraisal", "reports", "showcase"} <= kinds, kinds
    assert found == {}, "\n".join(f"{key}: {value}" for key, value in sorted(found.items()))
