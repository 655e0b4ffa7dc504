"""Fixtures shared by every test, and the rules for service-bound tests: a test marked
``postgres``, ``redis`` or ``browser`` is skipped, with the reason, when that service is
absent, unless REQUIRE_SERVICES=1 / REQUIRE_BROWSER=1 turn the absence into a failure."""

import importlib.util
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from tests.factories import MembershipFactory, UnitFactory, UserFactory

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER") == "1"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


def _redis_reachable() -> str | None:
    if not settings.CELERY_BROKER_URL:
        return "CELERY_BROKER_URL is not set"
    try:
        import redis

        redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=2).ping()
    except Exception as error:  # noqa: BLE001
        return f"Redis at CELERY_BROKER_URL does not answer ({error.__class__.__name__})"
    return None


def _browser_missing() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Playwright package is not installed"
    return None


def _missing(marker: str) -> str | None:
    if marker == "postgres":
        return None if connection.vendor == "postgresql" else "DATABASE_URL does not point at PostgreSQL"
    if marker == "redis":
        return _redis_reachable()
    if marker == "browser":
        return _browser_missing()
    if marker == "object_storage":
        return None if importlib.util.find_spec("moto") else "moto[server] is not installed (requirements-dev.txt)"
    return None


# The longest modules start first (measured with --durations), so that the rest of the
# suite fills the other worker around them instead of one worker finishing them alone at
# the end; `make test` runs xdist with --no-loadscope-reorder, which keeps this order.
LONGEST_FIRST = (
    "tests/e2e/test_pages_of_the_province.py",
    "tests/e2e/test_pages_of_the_district_2020.py",
    "tests/test_crawl_province.py",
    "tests/test_crawl_district_2020.py",
    "tests/notifications/test_outage.py",
    "tests/e2e/test_campaign_journey.py",
    "tests/e2e/test_registration_journey.py",
    "tests/e2e/test_province_journey.py",
    "tests/e2e/test_appraisal_journey.py",
    "tests/reports/test_demo_documents.py",
)


def pytest_collection_modifyitems(session, config, items):
    rank = {path: index for index, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


@pytest.fixture(autouse=True)
def _require_services(request):
    for marker, required in (
        ("postgres", REQUIRE_SERVICES),
        ("redis", REQUIRE_SERVICES),
        ("object_storage", REQUIRE_SERVICES),
        ("browser", REQUIRE_BROWSER),
    ):
        if request.node.get_closest_marker(marker) is None:
            continue
        reason = _missing(marker)
        if reason is None:
            continue
        if required:
            pytest.fail(f"{marker} required but unavailable: {reason}")
        pytest.skip(f"needs {marker}: {reason}")


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def district(db):
    return UnitFactory(
        kind="district",
        name="Huyện ủy Đơn Dương – Ban Dân vận",
        code="DD",
        issuer_parent_line="HUYỆN ỦY ĐƠN DƯƠNG",
        issuer_line="BAN DÂN VẬN",
        number_suffix="BDVHU",
        place_name="Đơn Dương",
        signer_behalf="T/M BAN DÂN VẬN",
        signer_title="TRƯỞNG BAN",
    )


@pytest.fixture
def other_district(db):
    return UnitFactory(
        kind="district",
        name="Huyện ủy Lạc Dương – Ban Dân vận",
        code="LDU",
        issuer_parent_line="HUYỆN ỦY LẠC DƯƠNG",
        issuer_line="BAN DÂN VẬN",
        number_suffix="BDVHU",
        place_name="Lạc Dương",
    )


@pytest.fixture
def unit(district):
    return UnitFactory(kind="commune", name="Xã Ka Đô", code="DD-KADO", parent=district, is_ethnic_minority_area=True)


@pytest.fixture
def other_unit(district):
    return UnitFactory(kind="town", name="Thị trấn Thạnh Mỹ", code="DD-THANHMY", parent=district)


@pytest.fixture
def staff_user(district):
    user = UserFactory(username="bdv", full_name="Nguyễn Thị Hồng")
    MembershipFactory(user=user, unit=district, role="district_staff")
    return user


@pytest.fixture
def board_head(district):
    user = UserFactory(username="truongban", full_name="Lê Đình Thủy")
    MembershipFactory(user=user, unit=district, role="board_head")
    return user


@pytest.fixture
def viewer_user(district):
    user = UserFactory(username="thuongtruc")
    MembershipFactory(user=user, unit=district, role="viewer")
    return user


@pytest.fixture
def focal_user(unit):
    user = UserFactory(username="kado", full_name="Khối Dân vận – Xã Ka Đô")
    MembershipFactory(user=user, unit=unit, role="focal_point")
    return user


@pytest.fixture
def other_focal_user(other_unit):
    user = UserFactory(username="thanhmy")
    MembershipFactory(user=user, unit=other_unit, role="focal_point")
    return user


def _client_for(user) -> Client:
    """A client of its own per user, so that one test can act as several people."""
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def staff_client(staff_user):
    return _client_for(staff_user)


@pytest.fixture
def focal_client(focal_user):
    return _client_for(focal_user)


@pytest.fixture
def other_focal_client(other_focal_user):
    return _client_for(other_focal_user)


@pytest.fixture
def viewer_client(viewer_user):
    return _client_for(viewer_user)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    path = Path(settings.BASE_DIR) / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


def pytest_sessionfinish(session, exitstatus):
    # Keep the artifacts folder only when something was saved in it; under xdist only
    # the controlling process tidies, once every worker has finished writing.
    if hasattr(session.config, "workerinput"):
        return
    path = Path(settings.BASE_DIR) / "test-artifacts"
    if path.exists() and not any(path.iterdir()):
        shutil.rmtree(path, ignore_errors=True)
