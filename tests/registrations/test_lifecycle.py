"""The registration lifecycle table, walked exhaustively: every step from every state,
by the role it needs and by the roles it does not."""

import pytest

from audit.models import AuditEntry
from evaluations.models import CouncilMember
from registrations import lifecycle, signals
from registrations.exceptions import NotPermitted, TransitionNotAllowed
from registrations.models import Status
from tests.factories import CouncilFactory, CouncilMemberFactory, MembershipFactory, RegistrationFactory, UserFactory

# Written out here rather than read from the code, so that a change of the table shows.
EXPECTED = {
    "submit": ({"draft", "returned"}, "submitted", "unit"),
    "return": ({"submitted"}, "returned", "reviewer"),
    "accept": ({"submitted"}, "accepted", "reviewer"),
    "withdraw": ({"draft", "submitted", "returned"}, "withdrawn", "unit"),
    "nominate": ({"accepted"}, "nominated", "reviewer"),
    "recognise": ({"nominated"}, "recognised", "chair"),
    "not_recognise": ({"nominated"}, "not_recognised", "chair"),
}
ROLES = ("unit", "other_unit", "reviewer", "other_reviewer", "member", "chair")


@pytest.fixture
def actors(campaign, focal_user, other_focal_user, staff_user, other_district):
    council = CouncilFactory(campaign=campaign)
    chair = UserFactory(username="chutich")
    CouncilMemberFactory(council=council, user=chair, position=CouncilMember.Position.CHAIR)
    member = UserFactory(username="thamdinh")
    CouncilMemberFactory(council=council, user=member, position=CouncilMember.Position.MEMBER)
    other_reviewer = UserFactory(username="chuyenvien_khac")
    MembershipFactory(user=other_reviewer, unit=other_district, role="district_staff")
    return {
        "unit": focal_user,
        "other_unit": other_focal_user,
        "reviewer": staff_user,
        "other_reviewer": other_reviewer,
        "member": member,
        "chair": chair,
    }


def test_the_table_has_exactly_the_expected_steps():
    assert {name: (set(step.sources), step.target) for name, step in lifecycle.STEPS.items()} == {
        name: (sources, target) for name, (sources, target, _role) in EXPECTED.items()
    }


def test_every_state_but_the_draft_is_reached_by_some_step():
    reached = {step.target for step in lifecycle.STEPS.values()}
    assert reached == set(Status.values) - {Status.DRAFT}


@pytest.mark.parametrize("status", Status.values)
@pytest.mark.parametrize("name", EXPECTED)
def test_each_step_from_each_state_by_its_role(name, status, campaign, model, actors):
    sources, target, role = EXPECTED[name]
    registration = RegistrationFactory(campaign=campaign, model=model, status=status)
    by = actors[role]
    if status in sources:
        moved = lifecycle.transition(registration, name, by=by)
        registration.refresh_from_db()
        assert moved.status == registration.status == target
        entry = AuditEntry.objects.get(object_id=str(registration.pk))
        assert entry.action == lifecycle.STEPS[name].action and entry.actor == by
        assert entry.before == {"status": status} and entry.after == {"status": target}
    else:
        with pytest.raises(TransitionNotAllowed):
            lifecycle.transition(registration, name, by=by)
        registration.refresh_from_db()
        assert registration.status == status
        assert not AuditEntry.objects.filter(object_id=str(registration.pk)).exists()


@pytest.mark.parametrize(
    ("name", "role"), [(name, role) for name, (_s, _t, needed) in EXPECTED.items() for role in ROLES if role != needed]
)
def test_each_step_is_refused_to_every_other_role(name, role, campaign, model, actors):
    sources, _target, _needed = EXPECTED[name]
    status = sorted(sources)[0]
    registration = RegistrationFactory(campaign=campaign, model=model, status=status)
    with pytest.raises(NotPermitted):
        lifecycle.transition(registration, name, by=actors[role])
    registration.refresh_from_db()
    assert registration.status == status
    assert not AuditEntry.objects.filter(object_id=str(registration.pk)).exists()


def test_a_step_is_announced_once_committed_with_where_it_came_from(
    campaign, model, actors, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(campaign=campaign, model=model, status=Status.SUBMITTED)
    heard = []

    def listen(sender, instance, by, step, before, **kwargs):
        heard.append((instance.pk, by, step.name, before, instance.status))

    signals.registration_transitioned.connect(listen)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            lifecycle.transition(registration, "accept", by=actors["reviewer"])
        assert heard == []
        for callback in callbacks:
            callback()
    finally:
        signals.registration_transitioned.disconnect(listen)
    assert heard == [(registration.pk, actors["reviewer"], "accept", "submitted", "accepted")]


def test_may_take_says_what_the_buttons_offer(campaign, model, actors):
    registration = RegistrationFactory(campaign=campaign, model=model, status=Status.SUBMITTED)
    assert lifecycle.may_take(actors["reviewer"], registration, "accept")
    assert not lifecycle.may_take(actors["unit"], registration, "accept")
    assert not lifecycle.may_take(actors["reviewer"], registration, "nominate")
    assert [step.name for step in lifecycle.steps_from(Status.SUBMITTED)] == ["return", "accept", "withdraw"]
