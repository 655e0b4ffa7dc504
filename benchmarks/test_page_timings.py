"""Page timings at province scale (DESIGN §5: one instance serves ~150 communes).

Not part of `make test`: run `make bench`. It loads the 2020 demo, grows the district to
150 more communes with three registrations each (accepted, with both reports), then
times the pages district staff open most, reporting the median of several requests
against a target. Query counts are asserted flat by the test suite; this measures time."""

import statistics
import time

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import Unit, User
from campaign.models import Campaign
from registrations.models import ProgressReport, Status
from tests.factories import DvkModelFactory, ProgressReportFactory, RegistrationFactory, UnitFactory

EXTRA_COMMUNES = 150
PER_COMMUNE = 3
REPEATS = 5
# Median targets, SQLite on the 2-core reference machine. The Excel export writes every
# registration of the campaign, so it is allowed more.
TARGET_MS = 800
EXPORT_TARGET_MS = 2500


@pytest.fixture
def province_scale(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo")
    district = Unit.objects.get(code="DD")
    campaign = Campaign.objects.get(owner=district, year=2020)
    for number in range(EXTRA_COMMUNES):
        unit = UnitFactory(kind="commune", parent=district, code=f"BENCH-{number:03d}", name=f"Xã đo tải {number:03d}")
        for _ in range(PER_COMMUNE):
            registration = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=Status.ACCEPTED)
            ProgressReportFactory(registration=registration, kind=ProgressReport.Kind.INTERIM, status="submitted")
            ProgressReportFactory(registration=registration, kind=ProgressReport.Kind.FINAL, status="submitted")
    return campaign


def _median_ms(client: Client, url: str) -> float:
    assert client.get(url).status_code == 200, url  # warm-up, and the page must work
    samples = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def test_district_pages_stay_under_target_at_province_scale(province_scale, capsys):
    campaign = province_scale
    staff = Client()
    staff.force_login(User.objects.get(username="bdv"))
    pages = {
        "dashboard": reverse("campaign:dashboard"),
        "plan board": reverse("campaign:board", args=[campaign.pk]),
        "registrations list": reverse("registrations:list"),
        "registrations list, filtered": reverse("registrations:list") + "?field=economy&q=h%E1%BB%99",
        "registrations export": reverse("registrations:export"),
        "appraisal results": reverse("evaluations:results", args=[campaign.pk]),
        "showcase": reverse("showcase:index"),
    }
    timings = {name: _median_ms(staff, url) for name, url in pages.items()}
    with capsys.disabled():
        print(f"\nMedian of {REPEATS} requests, {Unit.objects.filter(parent__code='DD').count()} units, "
              f"{campaign.registrations.count()} registrations:")
        for name, ms in timings.items():
            print(f"  {name:<32} {ms:8.1f} ms")
    targets = {name: EXPORT_TARGET_MS if "export" in name else TARGET_MS for name in pages}
    assert {name: ms for name, ms in timings.items() if ms > targets[name]} == {}
