"""Each predicate of evaluations.rules on its own, then the permissions built from them:
the organiser's staff run the council, the chair seals and reopens, members score, and
the organiser's readers see the table once it is final."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from accounts.models import User
from evaluations import rules as appraisal_rules
from evaluations import services
from evaluations.models import CouncilMember
from tests.evaluations.conftest import seat
from tests.factories import (
    AssignmentFactory,
    CampaignFactory,
    MembershipFactory,
    RegistrationFactory,
    ScoresheetFactory,
    UserFactory,
)

TESTED_PREDICATES = {
    "chairs_council_of_registration",
    "owes_sheets_before_finalising",
    "manages_council",
    "sits_on_council",
    "chairs_council",
    "reads_district",
    "results_finalised",
    "results_published",
}

# (finalised, published) → the state of the council's results.
STATES = {"open": (False, False), "finalised": (True, False), "published": (True, True)}


def _in(council, state):
    finalised, published = STATES[state]
    council.finalised_at = timezone.now() if finalised else None
    council.results_published_at = timezone.now() if published else None
    return council


def fresh(user):
    """The account as a new request sees it (seats and memberships read anew)."""
    return User.objects.get(pk=user.pk)


@pytest.fixture
def other_council(other_district):
    staff = UserFactory(username="bdv_lacduong")
    MembershipFactory(user=staff, unit=other_district, role="district_staff")
    return services.ensure_council(CampaignFactory(owner=other_district, year=2020), by=staff)


def test_every_predicate_of_the_module_has_its_tests_here():
    defined = {
        name
        for name, value in vars(appraisal_rules).items()
        if isinstance(value, rules.Predicate) and value.fn.__module__ == appraisal_rules.__name__
    }
    assert defined == TESTED_PREDICATES


def test_manages_council_is_for_the_organisers_staff(council, other_council, staff_user, board_head, viewer_user, chair):
    assert appraisal_rules.manages_council.test(staff_user, council)
    assert appraisal_rules.manages_council.test(board_head, council)
    assert not appraisal_rules.manages_council.test(staff_user, other_council)
    assert not appraisal_rules.manages_council.test(viewer_user, council)
    assert not appraisal_rules.manages_council.test(chair.user, council)
    assert not appraisal_rules.manages_council.test(staff_user, None)
    assert not appraisal_rules.manages_council.test(AnonymousUser(), council)


def test_sits_on_and_chairs_council_read_the_users_seat(council, other_council, chair, members, staff_user):
    member = members[0].user
    assert appraisal_rules.sits_on_council.test(fresh(chair.user), council)
    assert appraisal_rules.sits_on_council.test(fresh(member), council)
    assert not appraisal_rules.sits_on_council.test(fresh(member), other_council)
    assert not appraisal_rules.sits_on_council.test(fresh(staff_user), council)
    assert not appraisal_rules.sits_on_council.test(fresh(member), None)
    assert not appraisal_rules.sits_on_council.test(AnonymousUser(), council)
    assert appraisal_rules.chairs_council.test(fresh(chair.user), council)
    assert not appraisal_rules.chairs_council.test(fresh(member), council)
    assert not appraisal_rules.chairs_council.test(fresh(chair.user), other_council)
    assert not appraisal_rules.chairs_council.test(fresh(chair.user), None)
    # A chair elsewhere chairs only there.
    seat(other_council, "chutich_lacduong", CouncilMember.Position.CHAIR)
    elsewhere = User.objects.get(username="chutich_lacduong")
    assert appraisal_rules.chairs_council.test(elsewhere, other_council)
    assert not appraisal_rules.chairs_council.test(elsewhere, council)


def test_reads_district_is_for_staff_and_viewers_of_the_organiser(council, other_council, staff_user, viewer_user, focal_user):
    assert appraisal_rules.reads_district.test(staff_user, council)
    assert appraisal_rules.reads_district.test(viewer_user, council)
    assert not appraisal_rules.reads_district.test(viewer_user, other_council)
    assert not appraisal_rules.reads_district.test(focal_user, council)
    assert not appraisal_rules.reads_district.test(viewer_user, None)


@pytest.mark.parametrize("state", STATES)
def test_results_finalised_and_published_follow_the_councils_dates(council, state):
    finalised, published = STATES[state]
    _in(council, state)
    assert appraisal_rules.results_finalised.test(None, council) is finalised
    assert appraisal_rules.results_published.test(None, council) is published
    assert not appraisal_rules.results_finalised.test(None, None)
    assert not appraisal_rules.results_published.test(None, None)


# permission → who holds it in each state: "staff", "chair", "member", "viewer".
EXPECTED = {
    "evaluations.manage_council": {"open": {"staff"}, "finalised": {"staff"}, "published": {"staff"}},
    "evaluations.view_results_table": {
        "open": {"staff", "chair"},
        "finalised": {"staff", "chair", "viewer"},
        "published": {"staff", "chair", "viewer"},
    },
    "evaluations.finalise_results": {"open": {"chair"}, "finalised": set(), "published": set()},
    "evaluations.reopen_scoresheet": {"open": {"chair"}, "finalised": set(), "published": set()},
    "evaluations.view_all_sheets": {"open": {"staff", "chair"}, "finalised": {"staff", "chair"}, "published": {"staff", "chair"}},
    "evaluations.publish_results": {"open": set(), "finalised": {"staff"}, "published": set()},
    "evaluations.export_appraisal": {"open": {"staff"}, "finalised": {"staff", "chair"}, "published": {"staff", "chair"}},
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("permission", EXPECTED)
def test_who_holds_each_appraisal_permission_in_each_state(council, chair, members, staff_user, viewer_user, permission, state):
    _in(council, state)
    people = {"staff": staff_user, "chair": fresh(chair.user), "member": fresh(members[0].user), "viewer": viewer_user}
    holders = {name for name, user in people.items() if rules.has_perm(permission, user, council)}
    assert holders == EXPECTED[permission][state]


def test_no_appraisal_permission_reaches_another_organisers_council(other_council, staff_user, viewer_user, chair):
    for state in STATES:
        _in(other_council, state)
        for permission in EXPECTED:
            for user in (staff_user, viewer_user, fresh(chair.user)):
                assert not rules.has_perm(permission, user, other_council), (permission, state, user)


def test_chairs_council_of_registration_is_the_chair_of_that_campaigns_council(council, other_council, chair, members):
    registration = RegistrationFactory(campaign=council.campaign, status="nominated")
    elsewhere = RegistrationFactory(campaign=other_council.campaign, status="nominated")
    assert appraisal_rules.chairs_council_of_registration.test(chair.user, registration)
    assert not appraisal_rules.chairs_council_of_registration.test(chair.user, elsewhere)
    assert not appraisal_rules.chairs_council_of_registration.test(members[0].user, registration)
    assert not appraisal_rules.chairs_council_of_registration.test(AnonymousUser(), registration)
    assert not appraisal_rules.chairs_council_of_registration.test(chair.user, None)


def test_owes_sheets_before_finalising_until_the_sheet_is_submitted_or_the_results_sealed(council, members):
    member = members[0]
    assignment = AssignmentFactory(member=member, registration=RegistrationFactory(campaign=council.campaign, status="nominated"))
    assert appraisal_rules.owes_sheets_before_finalising.test(member.user, council)
    assert not appraisal_rules.owes_sheets_before_finalising.test(members[1].user, council)
    assert not appraisal_rules.owes_sheets_before_finalising.test(member.user, None)
    assert not appraisal_rules.owes_sheets_before_finalising.test(member.user, _in(council, "finalised"))
    _in(council, "open")
    ScoresheetFactory(assignment=assignment, status="submitted")
    assert not appraisal_rules.owes_sheets_before_finalising.test(member.user, council)
