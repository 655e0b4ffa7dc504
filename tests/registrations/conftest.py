import datetime

import factory
import pytest
from django.utils import timezone

from registrations.models import Status
from tests.factories import (
    CampaignFactory,
    DeadlineFactory,
    DvkModelFactory,
    EvidenceFactory,
    ProgressReportFactory,
    RegistrationFactory,
)
from tests.registrations.files import image_bytes


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def campaign(district, today):
    return CampaignFactory(owner=district, year=today.year, status="published")


@pytest.fixture
def registration_deadline(campaign, today):
    return DeadlineFactory(campaign=campaign, kind="registration", due_date=today + datetime.timedelta(days=20))


@pytest.fixture
def report_deadlines(campaign, today):
    return (
        DeadlineFactory(campaign=campaign, kind="interim_report", due_date=today + datetime.timedelta(days=40)),
        DeadlineFactory(campaign=campaign, kind="final_report", due_date=today + datetime.timedelta(days=90)),
    )


@pytest.fixture
def model(unit):
    return DvkModelFactory(unit=unit, name="Vận động hiến đất mở rộng đường giao thông thôn Ka Đô Mới")


@pytest.fixture
def other_model(other_unit):
    return DvkModelFactory(unit=other_unit, name="Tổ tự quản an ninh trật tự khu phố 3", field="defence_security")


@pytest.fixture
def registration(campaign, model, registration_deadline):
    return RegistrationFactory(campaign=campaign, model=model)


@pytest.fixture
def other_registration(campaign, other_model, registration_deadline):
    return RegistrationFactory(campaign=campaign, model=other_model, status=Status.ACCEPTED)


@pytest.fixture
def accepted_registration(campaign, model, registration_deadline, report_deadlines):
    return RegistrationFactory(campaign=campaign, model=model, status=Status.ACCEPTED)


@pytest.fixture
def other_report(other_registration, report_deadlines):
    return ProgressReportFactory(registration=other_registration, kind="interim")


@pytest.fixture
def other_evidence(other_registration):
    return EvidenceFactory(
        registration=other_registration,
        file=factory.django.FileField(filename="anh.png", data=image_bytes()),
        original_name="ảnh hiện trường.png",
        content_type="image/png",
    )
