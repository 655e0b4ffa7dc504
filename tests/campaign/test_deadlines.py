"""``deadline_for`` answers "when is this unit due", extensions included,
at the exact boundary of the due day in Vietnam time; and the deadline services."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from campaign.deadlines import deadline_for, due_dates_for
from campaign.exceptions import InvalidExtension, NotAllowed, TransitionNotAllowed
from campaign.models import Deadline, DeadlineExtension
from campaign.services import grant_extension, revoke_extension, set_deadline
from tests.factories import DeadlineExtensionFactory, DeadlineFactory, UnitFactory

pytestmark = pytest.mark.django_db

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
MINUTE = datetime.timedelta(minutes=1)
END_OF_30_APRIL = datetime.datetime(2020, 5, 1, 0, 0, tzinfo=VN)
END_OF_15_MAY = datetime.datetime(2020, 5, 16, 0, 0, tzinfo=VN)


@pytest.fixture
def registration(campaign):
    return DeadlineFactory(campaign=campaign, kind=Deadline.Kind.REGISTRATION, due_date=datetime.date(2020, 4, 30))


@pytest.fixture
def extension(registration, unit, staff_user):
    return grant_extension(registration, unit, by=staff_user, due_date=datetime.date(2020, 5, 15), reason="Xã vùng sâu")


def test_unit_without_extension_is_on_time_one_minute_before_the_end_of_the_due_day(registration, other_unit):
    due = deadline_for(registration.campaign, Deadline.Kind.REGISTRATION, other_unit)
    assert due.due_date == datetime.date(2020, 4, 30)
    assert due.is_extended is False
    assert due.closes_at == END_OF_30_APRIL
    assert due.is_past(END_OF_30_APRIL - MINUTE) is False


def test_unit_without_extension_is_late_one_minute_after_the_end_of_the_due_day(registration, other_unit):
    due = registration.campaign.deadline_for(Deadline.Kind.REGISTRATION, other_unit)
    assert due.is_past(END_OF_30_APRIL + MINUTE) is True


def test_the_boundary_is_vietnam_midnight_not_utc_midnight(registration, other_unit):
    due = deadline_for(registration.campaign, Deadline.Kind.REGISTRATION, other_unit)
    # 17:01 UTC on 30/4 is already 00:01 on 1/5 in Vietnam (UTC+7).
    assert due.is_past(datetime.datetime(2020, 4, 30, 16, 59, tzinfo=datetime.UTC)) is False
    assert due.is_past(datetime.datetime(2020, 4, 30, 17, 1, tzinfo=datetime.UTC)) is True


def test_unit_with_extension_gets_the_extended_date_and_is_on_time_after_the_common_end(extension, unit):
    due = deadline_for(extension.deadline.campaign, Deadline.Kind.REGISTRATION, unit)
    assert due.due_date == datetime.date(2020, 5, 15)
    assert due.is_extended is True
    assert due.extension == extension
    assert due.is_past(END_OF_30_APRIL + MINUTE) is False
    assert due.is_past(END_OF_15_MAY - MINUTE) is False


def test_unit_with_extension_is_late_one_minute_after_the_end_of_the_extended_day(extension, unit):
    due = deadline_for(extension.deadline.campaign, Deadline.Kind.REGISTRATION, unit)
    assert due.is_past(END_OF_15_MAY + MINUTE) is True


def test_other_units_keep_the_common_date_when_one_unit_is_extended(extension, other_unit):
    due = deadline_for(extension.deadline.campaign, Deadline.Kind.REGISTRATION, other_unit)
    assert due.due_date == datetime.date(2020, 4, 30)
    assert due.is_past(END_OF_30_APRIL + MINUTE) is True


def test_without_a_unit_the_common_date_is_returned(extension):
    due = deadline_for(extension.deadline.campaign, Deadline.Kind.REGISTRATION)
    assert (due.due_date, due.is_extended) == (datetime.date(2020, 4, 30), False)


def test_a_kind_the_campaign_does_not_set_has_no_deadline(campaign, unit):
    assert deadline_for(campaign, Deadline.Kind.SCORING, unit) is None
    assert deadline_for(campaign, Deadline.Kind.CUSTOM, unit) is None


def test_due_dates_for_agrees_with_deadline_for_for_every_kind(campaign, extension, unit, other_unit):
    DeadlineFactory(campaign=campaign, kind=Deadline.Kind.INTERIM_REPORT, due_date=datetime.date(2020, 6, 15))
    for who in (unit, other_unit, None):
        listed = {due.deadline.kind: due.due_date for due in due_dates_for(campaign, who)}
        assert listed == {kind: deadline_for(campaign, kind, who).due_date for kind in listed}
    assert [due.due_date for due in due_dates_for(campaign, unit)] == [datetime.date(2020, 5, 15), datetime.date(2020, 6, 15)]


def test_due_dates_by_kind_answers_as_deadline_for_for_every_kind_in_two_queries(
    campaign, extension, unit, other_unit, django_assert_num_queries
):
    DeadlineFactory(campaign=campaign, kind=Deadline.Kind.FINAL_REPORT, due_date=datetime.date(2020, 11, 30))
    DeadlineFactory(campaign=campaign, kind=Deadline.Kind.CUSTOM, due_date=datetime.date(2020, 7, 1))
    for who in (unit, other_unit, None):
        with django_assert_num_queries(2 if who is not None else 1):
            by_kind = campaign.due_dates_by_kind(who)
        expected = {kind: deadline_for(campaign, kind, who) for kind in Deadline.Kind.values}
        assert {kind: (due.deadline, due.due_date, due.extension) for kind, due in by_kind.items()} == {
            kind: (due.deadline, due.due_date, due.extension) for kind, due in expected.items() if due is not None
        }
    assert set(campaign.due_dates_by_kind(unit)) == {Deadline.Kind.REGISTRATION, Deadline.Kind.FINAL_REPORT}
    assert campaign.due_dates_by_kind(unit)[Deadline.Kind.REGISTRATION].due_date == datetime.date(2020, 5, 15)


def test_days_left_counts_calendar_days_in_vietnam(registration, other_unit):
    due = deadline_for(registration.campaign, Deadline.Kind.REGISTRATION, other_unit)
    assert due.days_left(datetime.date(2020, 4, 23)) == 7
    assert due.days_left(datetime.date(2020, 5, 1)) == -1


# Services ------------------------------------------------------------------------------


def test_extension_to_a_date_before_the_common_date_is_refused(registration, unit, staff_user):
    with pytest.raises(InvalidExtension) as error:
        grant_extension(registration, unit, by=staff_user, due_date=datetime.date(2020, 4, 20), reason="Lý do")
    assert error.value.message == "Hạn gia hạn phải sau hạn chung 30/04/2020."
    assert DeadlineExtension.objects.count() == 0


def test_extension_to_the_common_date_itself_is_refused(registration, unit, staff_user):
    with pytest.raises(InvalidExtension):
        grant_extension(registration, unit, by=staff_user, due_date=datetime.date(2020, 4, 30), reason="Lý do")


def test_extension_for_a_unit_of_another_district_is_refused(registration, other_district, staff_user):
    stranger = UnitFactory(parent=other_district, kind="commune")
    with pytest.raises(InvalidExtension):
        grant_extension(registration, stranger, by=staff_user, due_date=datetime.date(2020, 5, 15), reason="Lý do")


def test_extension_by_a_focal_point_is_refused(registration, unit, focal_user):
    with pytest.raises(NotAllowed):
        grant_extension(registration, unit, by=focal_user, due_date=datetime.date(2020, 5, 15), reason="Lý do")


def test_granting_again_replaces_the_extension_and_audits_before_and_after(extension, unit, staff_user):
    grant_extension(extension.deadline, unit, by=staff_user, due_date=datetime.date(2020, 5, 20), reason="Mưa lũ")
    assert DeadlineExtension.objects.get().due_date == datetime.date(2020, 5, 20)
    entry = AuditEntry.objects.filter(action="deadline.extension_granted").order_by("-sequence").first()
    assert entry.before["due_date"] == "2020-05-15"
    assert entry.after["due_date"] == "2020-05-20"
    assert entry.after["reason"] == "Mưa lũ"
    assert entry.actor == staff_user


def test_revoking_an_extension_brings_back_the_common_date_and_is_audited(extension, unit, staff_user):
    revoke_extension(extension, by=staff_user)
    assert deadline_for(extension.deadline.campaign, Deadline.Kind.REGISTRATION, unit).due_date == datetime.date(2020, 4, 30)
    entry = AuditEntry.objects.get(action="deadline.extension_revoked")
    assert entry.before["due_date"] == "2020-05-15"


def test_new_deadline_gets_the_default_reminders_and_is_audited(campaign, staff_user):
    deadline = set_deadline(campaign, by=staff_user, kind=Deadline.Kind.FINAL_REPORT, due_date=datetime.date(2020, 10, 31))
    assert deadline.reminder_offsets == [7, 3, 1, 0, -1]
    assert AuditEntry.objects.get(action="deadline.created").after["due_date"] == "2020-10-31"


def test_a_second_deadline_of_the_same_kind_is_refused(registration, staff_user):
    with pytest.raises(TransitionNotAllowed):
        set_deadline(registration.campaign, by=staff_user, kind=Deadline.Kind.REGISTRATION, due_date=datetime.date(2020, 5, 1))
    assert Deadline.objects.count() == 1


def test_moving_the_common_date_past_an_extension_is_refused(extension, staff_user):
    deadline = extension.deadline
    with pytest.raises(InvalidExtension):
        set_deadline(deadline.campaign, by=staff_user, deadline=deadline, kind=deadline.kind, due_date=datetime.date(2020, 5, 20))
    deadline.refresh_from_db()
    assert deadline.due_date == datetime.date(2020, 4, 30)


def test_changing_a_deadline_records_before_and_after(registration, staff_user):
    set_deadline(
        registration.campaign,
        by=staff_user,
        deadline=registration,
        kind=registration.kind,
        due_date=datetime.date(2020, 5, 5),
        reminder_offsets=[5, 1],
    )
    entry = AuditEntry.objects.get(action="deadline.updated")
    assert (entry.before["due_date"], entry.after["due_date"]) == ("2020-04-30", "2020-05-05")
    assert entry.after["reminder_offsets"] == [5, 1]


# Views ---------------------------------------------------------------------------------


def test_extension_form_with_an_earlier_date_shows_a_vietnamese_error_and_keeps_the_reason(staff_client, registration, unit):
    response = staff_client.post(
        reverse("campaign:extension_create", args=[registration.pk]),
        {"unit": unit.pk, "due_date": "2020-04-25", "reason": "Đường sá khó khăn"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Hạn gia hạn phải sau hạn chung 30/04/2020." in body
    assert "Đường sá khó khăn" in body
    assert DeadlineExtension.objects.count() == 0


def test_staff_grants_an_extension_through_the_form(staff_client, registration, unit):
    response = staff_client.post(
        reverse("campaign:extension_create", args=[registration.pk]),
        {"unit": unit.pk, "due_date": "15/05/2020", "reason": "Đường sá khó khăn"},
    )
    assert response.status_code == 302
    assert DeadlineExtension.objects.get().due_date == datetime.date(2020, 5, 15)


def test_focal_point_cannot_grant_an_extension(focal_client, registration, unit):
    response = focal_client.post(
        reverse("campaign:extension_create", args=[registration.pk]),
        {"unit": unit.pk, "due_date": "2020-05-15", "reason": "Xin gia hạn"},
    )
    assert response.status_code == 403
    assert DeadlineExtension.objects.count() == 0


def test_deadline_form_refuses_reminders_that_are_not_numbers(staff_client, campaign):
    response = staff_client.post(
        reverse("campaign:deadline_create", args=[campaign.pk]),
        {"kind": "interim_report", "title": "", "due_date": "2020-06-15", "audience": "units", "reminder_offsets": "7, ba"},
    )
    assert response.status_code == 200
    assert "“ba” không phải là số ngày." in response.content.decode()
    assert Deadline.objects.count() == 0


def test_focal_point_sees_its_own_extended_date_on_the_deadline_page(focal_client, extension):
    response = focal_client.get(reverse("campaign:deadlines", args=[extension.deadline.campaign_id]))
    assert response.status_code == 200
    assert "15/05/2020" in response.content.decode()


def test_extension_of_another_district_cannot_be_revoked(other_district_staff, client, extension):
    client.force_login(other_district_staff)
    response = client.post(reverse("campaign:extension_revoke", args=[extension.pk]))
    assert response.status_code == 404
    assert DeadlineExtension.objects.count() == 1


def test_extension_factory_still_builds_a_later_date():
    extension = DeadlineExtensionFactory()
    assert extension.due_date == extension.deadline.due_date + datetime.timedelta(days=10)
