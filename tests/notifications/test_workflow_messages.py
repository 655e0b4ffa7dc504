import datetime

import pytest

from campaign.models import Campaign, Deadline
from notifications.models import Notification
from registrations import services
from tests.factories import CampaignFactory, DeadlineFactory, DvkModelFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration(district, unit):
    campaign = CampaignFactory(owner=district, status=Campaign.Status.PUBLISHED, year=2026)
    DeadlineFactory(campaign=campaign, kind=Deadline.Kind.REGISTRATION, due_date=datetime.date(2099, 12, 31))
    model = DvkModelFactory(unit=unit, name="Chi hội phụ nữ giúp nhau phát triển kinh tế")
    return RegistrationFactory(campaign=campaign, model=model, unit=unit)


def test_submitting_tells_the_district_staff(registration, focal_user, staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_registration(registration, by=focal_user)
    message = Notification.objects.get(user=staff_user)
    assert message.title == "Xã Ka Đô đã gửi đăng ký “Chi hội phụ nữ giúp nhau phát triển kinh tế”"
    assert message.url == f"/registrations/{registration.pk}/"
    assert not Notification.objects.filter(user=focal_user).exists()


def test_returning_tells_the_unit_why_and_accepting_tells_it_too(
    registration, focal_user, other_focal_user, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_registration(registration, by=focal_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.return_registration(registration, by=staff_user, reason="Bổ sung số hộ tham gia.")
    returned = Notification.objects.get(user=focal_user)
    assert returned.title == "Đăng ký “Chi hội phụ nữ giúp nhau phát triển kinh tế” được trả lại để bổ sung"
    assert returned.body == "Lý do: Bổ sung số hộ tham gia."
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_registration(registration, by=focal_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_registration(registration, by=staff_user)
    assert Notification.objects.filter(user=focal_user).latest("pk").title.endswith("đã được tiếp nhận")
    assert not Notification.objects.filter(user=other_focal_user).exists()


def test_a_refused_submission_sends_nothing(registration, focal_user, staff_user, django_capture_on_commit_callbacks):
    registration.situation = ""
    registration.save()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.IncompleteRegistration):
        services.submit_registration(registration, by=focal_user)
    assert Notification.objects.count() == 0
