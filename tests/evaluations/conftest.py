"""An appraisal ready to score: the 2020 campaign of the Đơn Dương district with its
council (chutich as chair, thamdinh1–thamdinh4), the default criteria, and helpers to
nominate registrations and fill scoresheets."""

from decimal import Decimal

import pytest
from django.core.cache import cache

from evaluations import services
from evaluations.models import CouncilMember, Criterion, Scoresheet
from registrations.models import ProgressReport, Status
from tests.factories import (
    CampaignFactory,
    CouncilMemberFactory,
    DvkModelFactory,
    ExemplarFactory,
    ProgressReportFactory,
    RegistrationFactory,
    UnitFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The live results are cached per council; each test starts with none kept.
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Every test seats several accounts; Argon2 would make each take seconds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def campaign(district):
    return CampaignFactory(owner=district, year=2020)


@pytest.fixture
def council(campaign, staff_user):
    return services.ensure_council(campaign, by=staff_user)


@pytest.fixture
def mttq(district):
    return UnitFactory(kind="organisation", name="Ủy ban MTTQ Việt Nam huyện", code="DD-MTTQ", parent=district)


def seat(council, username, position=CouncilMember.Position.MEMBER, unit=None, represents=""):
    user = UserFactory(username=username, full_name=username.capitalize())
    return CouncilMemberFactory(council=council, user=user, position=position, unit=unit, represents=represents)


@pytest.fixture
def chair(council):
    return seat(council, "chutich", CouncilMember.Position.CHAIR, represents="UBND huyện")


@pytest.fixture
def members(council, chair):
    """thamdinh1..thamdinh4, in that order (the chair is a member too)."""
    return [seat(council, f"thamdinh{number}") for number in range(1, 5)]


def accepted_registration(campaign, unit, *, kind="model", final_report=True, **extra):
    model = (ExemplarFactory if kind == "exemplar" else DvkModelFactory)(unit=unit)
    registration = RegistrationFactory(campaign=campaign, model=model, status=Status.ACCEPTED, **extra)
    if final_report:
        ProgressReportFactory(
            registration=registration, kind=ProgressReport.Kind.FINAL, status=ProgressReport.ReportStatus.SUBMITTED
        )
    return registration


@pytest.fixture
def make_nominated(campaign, staff_user, unit):
    """make_nominated(unit=None, kind="model") → a registration nominated through the
    service, so that every current council member is assigned."""

    def make(registration_unit=None, kind="model"):
        registration = accepted_registration(campaign, registration_unit or unit, kind=kind)
        outcome = services.nominate(campaign, [registration], by=staff_user)
        assert outcome.nominated == [registration], outcome.refused
        registration.refresh_from_db()
        return registration

    return make


def criteria_of(registration) -> list[Criterion]:
    return list(
        Criterion.objects.filter(
            criteria_set__campaign=registration.campaign, criteria_set__kind=registration.model.kind
        ).order_by("order")
    )


def points_for(registration, values) -> dict[int, Decimal | None]:
    return {c.pk: (None if v is None else Decimal(str(v))) for c, v in zip(criteria_of(registration), values, strict=True)}


def fill(member: CouncilMember, registration, values, *, submit=True):
    """Save (and by default submit) the member's sheet with ``values`` in criteria order."""
    assignment = member.assignments.get(registration=registration)
    sheet = Scoresheet.objects.filter(assignment=assignment).first()
    version = sheet.version if sheet else 0
    write = services.submit_scoresheet if submit else services.save_draft
    return write(assignment, points=points_for(registration, values), version=version, by=member.user)


# Default model criteria maxima: 20, 20, 25, 15, 20 (100).
FULL_MODEL = [20, 20, 25, 15, 20]
GOOD_MODEL = [17, 17, 21, 12.5, 17.5]  # 85
