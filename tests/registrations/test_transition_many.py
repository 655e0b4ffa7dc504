"""Many registrations moved at once (``lifecycle.transition_many``): the same checks,
entries and signals as ``transition``, in a number of queries that does not grow, and
all or nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import audit
from accounts.models import User
from audit.models import AuditEntry
from audit.services import verify_chain
from evaluations.models import CouncilMember
from notifications.models import Notification
from registrations import lifecycle, signals
from registrations.exceptions import NotPermitted, TransitionNotAllowed
from registrations.models import Registration, Status
from tests.factories import (
    CampaignFactory,
    CouncilFactory,
    CouncilMemberFactory,
    DvkModelFactory,
    MembershipFactory,
    RegistrationFactory,
    UserFactory,
)


@pytest.fixture
def submitted(campaign, unit):
    """submitted(count, status=SUBMITTED) → that many registrations of the campaign."""

    def make(count, status=Status.SUBMITTED):
        return [RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=status) for _ in range(count)]

    return make


def _statuses(registrations) -> dict[int, str]:
    return dict(Registration.objects.filter(pk__in=[r.pk for r in registrations]).values_list("pk", "status"))


def _nominated_counting(registrations, staff_user) -> int:
    # A fresh account each time: its memberships are read once and kept on the object.
    by = User.objects.get(pk=staff_user.pk)
    with CaptureQueriesContext(connection) as queries:
        lifecycle.transition_many([lifecycle.Move(r, "nominate") for r in registrations], by=by)
    return len(queries)


def test_nominating_two_or_six_costs_the_same_queries_and_writes_an_entry_each(submitted, staff_user, campaign):
    # Nominating has no receivers of its own; accepting notifies each unit (below).
    two, six = submitted(2, status=Status.ACCEPTED), submitted(6, status=Status.ACCEPTED)
    audit.record(staff_user, "campaign.published", campaign)  # the chain exists before either
    assert _nominated_counting(two, staff_user) == _nominated_counting(six, staff_user)
    assert set(_statuses(two + six).values()) == {Status.NOMINATED}
    entries = AuditEntry.objects.filter(action="registration.nominated").order_by("sequence")
    assert [entry.object_id for entry in entries] == [str(r.pk) for r in two + six]
    assert all(e.before == {"status": "accepted"} and e.after == {"status": "nominated"} for e in entries)
    assert {entry.actor_id for entry in entries} == {staff_user.pk}
    assert verify_chain() == AuditEntry.objects.count()


def test_accepting_many_notifies_each_unit_as_accepting_one_does(submitted, staff_user, focal_user):
    registrations = submitted(3)
    lifecycle.transition_many([lifecycle.Move(r, "accept") for r in registrations], by=staff_user)
    titles = sorted(Notification.objects.filter(user=focal_user).values_list("title", flat=True))
    assert titles == sorted(f"Đăng ký “{r.model.name}” đã được tiếp nhận" for r in registrations)


def test_each_registration_is_announced_with_where_it_came_from_and_its_note(submitted, staff_user):
    registrations = submitted(2)
    heard = []

    def listen(sender, instance, by, step, before, **kwargs):
        heard.append((instance.pk, by, step.name, before, instance.status))

    signals.registration_transitioned.connect(listen)
    try:
        moved = lifecycle.transition_many(
            [lifecycle.Move(registrations[0], "accept"), lifecycle.Move(registrations[1], "return", note={"why": "thiếu"})],
            by=staff_user,
        )
    finally:
        signals.registration_transitioned.disconnect(listen)
    assert [r.status for r in moved] == [Status.ACCEPTED, Status.RETURNED]
    assert heard == [
        (registrations[0].pk, staff_user, "accept", "submitted", "accepted"),
        (registrations[1].pk, staff_user, "return", "submitted", "returned"),
    ]
    returned = AuditEntry.objects.get(action="registration.returned")
    assert returned.after == {"status": "returned", "why": "thiếu"}


def test_a_role_missing_on_one_refuses_them_all(submitted, staff_user, other_district, campaign):
    elsewhere = RegistrationFactory(campaign=CampaignFactory(owner=other_district), status=Status.SUBMITTED)
    mine = submitted(2)
    with pytest.raises(NotPermitted) as refused:
        lifecycle.transition_many([lifecycle.Move(r, "accept") for r in [*mine, elsewhere]], by=staff_user)
    assert elsewhere.model.name in refused.value.message
    assert set(_statuses([*mine, elsewhere]).values()) == {Status.SUBMITTED}
    assert not AuditEntry.objects.filter(action="registration.accepted").exists()
    focal = UserFactory(username="xa")
    MembershipFactory(user=focal, unit=mine[0].unit, role="focal_point")
    with pytest.raises(NotPermitted):
        lifecycle.transition_many([lifecycle.Move(r, "accept") for r in mine], by=focal)


def test_one_in_the_wrong_state_refuses_them_all_and_is_named(submitted, staff_user, campaign, unit):
    registrations = submitted(2)
    draft = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=Status.DRAFT)
    heard = []
    signals.registration_transitioned.connect(heard.append)
    try:
        with pytest.raises(TransitionNotAllowed) as refused:
            lifecycle.transition_many([lifecycle.Move(r, "accept") for r in [*registrations, draft]], by=staff_user)
    finally:
        signals.registration_transitioned.disconnect(heard.append)
    assert draft.model.name in refused.value.message
    assert _statuses([*registrations, draft]) == {
        registrations[0].pk: Status.SUBMITTED,
        registrations[1].pk: Status.SUBMITTED,
        draft.pk: Status.DRAFT,
    }
    assert not AuditEntry.objects.exists() and heard == []


def test_the_chair_decides_many_with_the_seat_asked_once_per_campaign(campaign, unit):
    council = CouncilFactory(campaign=campaign)
    chair = UserFactory(username="chutich")
    CouncilMemberFactory(council=council, user=chair, position=CouncilMember.Position.CHAIR)
    nominated = [
        RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=Status.NOMINATED) for _ in range(3)
    ]
    with CaptureQueriesContext(connection) as queries:
        lifecycle.transition_many(
            [lifecycle.Move(nominated[0], "recognise"), *(lifecycle.Move(r, "not_recognise") for r in nominated[1:])], by=chair
        )
    seat_asked = [q for q in queries if "evaluations_councilmember" in q["sql"]]
    assert len(seat_asked) == 1
    assert list(_statuses(nominated).values()).count(Status.NOT_RECOGNISED) == 2


def test_a_registration_takes_one_step_at_a_time(submitted, staff_user):
    (registration,) = submitted(1)
    with pytest.raises(ValueError, match="one step"):
        lifecycle.transition_many([lifecycle.Move(registration, "accept"), lifecycle.Move(registration, "return")], by=staff_user)
    assert lifecycle.transition_many([], by=staff_user) == []
