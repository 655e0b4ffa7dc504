"""Each predicate of accounts.rules on its own, then the permissions built from them: who
counts as staff of an organiser, who reads it, and whose account a person may change."""

import rules
from django.contrib.auth.models import AnonymousUser

from accounts import rules as account_rules
from tests.factories import CampaignFactory, DeadlineFactory, MembershipFactory, PlanItemFactory, PlanPeriodFactory, UserFactory

TESTED_PREDICATES = {
    "is_organiser_staff",
    "is_staff_of_organiser",
    "reads_organiser",
    "is_board_head",
    "is_own_account",
    "account_holds_staff_role",
}


def test_every_predicate_of_the_module_has_its_tests_here():
    defined = {
        name
        for name, value in vars(account_rules).items()
        if isinstance(value, rules.Predicate) and value.fn.__module__ == account_rules.__name__
    }
    assert defined == TESTED_PREDICATES


def test_organiser_of_a_unit_is_the_unit_and_of_anything_else_its_campaigns_owner(district, unit, other_district):
    campaign = CampaignFactory(owner=district)
    item = PlanItemFactory(period=PlanPeriodFactory(campaign=campaign))
    assert account_rules.organiser_id_of(unit) == unit.pk
    assert account_rules.organiser_id_of(campaign) == district.pk
    assert account_rules.organiser_id_of(DeadlineFactory(campaign=campaign)) == district.pk
    assert account_rules.organiser_id_of(item) == district.pk  # item → period → campaign
    assert account_rules.organiser_id_of(CampaignFactory(owner=other_district)) == other_district.pk
    assert account_rules.organiser_id_of(None) is None
    assert account_rules.organiser_id_of(object()) is None


def test_is_organiser_staff_holds_for_staff_and_board_head_only(staff_user, board_head, focal_user, viewer_user):
    assert account_rules.is_organiser_staff.test(staff_user)
    assert account_rules.is_organiser_staff.test(board_head)
    assert not account_rules.is_organiser_staff.test(focal_user)
    assert not account_rules.is_organiser_staff.test(viewer_user)
    assert not account_rules.is_organiser_staff.test(AnonymousUser())


def test_is_staff_of_organiser_holds_only_for_the_organisers_own_staff(
    district, other_district, unit, staff_user, board_head, focal_user, viewer_user
):
    campaign = CampaignFactory(owner=district)
    assert account_rules.is_staff_of_organiser.test(staff_user, campaign)
    assert account_rules.is_staff_of_organiser.test(board_head, campaign)
    assert account_rules.is_staff_of_organiser.test(staff_user, district)
    assert not account_rules.is_staff_of_organiser.test(staff_user, CampaignFactory(owner=other_district))
    # A unit below the organiser is an organiser of its own: district staff do not run it.
    assert not account_rules.is_staff_of_organiser.test(staff_user, unit)
    assert not account_rules.is_staff_of_organiser.test(viewer_user, campaign)
    assert not account_rules.is_staff_of_organiser.test(focal_user, campaign)
    assert not account_rules.is_staff_of_organiser.test(staff_user, None)
    assert not account_rules.is_staff_of_organiser.test(AnonymousUser(), campaign)


def test_reads_organiser_adds_the_viewer_to_the_staff(district, other_district, staff_user, viewer_user, focal_user):
    campaign = CampaignFactory(owner=district)
    assert account_rules.reads_organiser.test(staff_user, campaign)
    assert account_rules.reads_organiser.test(viewer_user, campaign)
    assert not account_rules.reads_organiser.test(viewer_user, CampaignFactory(owner=other_district))
    assert not account_rules.reads_organiser.test(focal_user, campaign)
    assert not account_rules.reads_organiser.test(viewer_user, None)
    assert not account_rules.reads_organiser.test(AnonymousUser(), campaign)


def test_is_board_head_holds_for_the_head_only(board_head, staff_user, viewer_user):
    assert account_rules.is_board_head.test(board_head)
    assert not account_rules.is_board_head.test(staff_user)
    assert not account_rules.is_board_head.test(viewer_user)
    assert not account_rules.is_board_head.test(AnonymousUser())


def test_is_own_account_compares_the_account_with_the_user(staff_user, focal_user):
    assert account_rules.is_own_account.test(staff_user, staff_user)
    assert not account_rules.is_own_account.test(staff_user, focal_user)
    assert not account_rules.is_own_account.test(staff_user, None)


def test_account_holds_staff_role_reads_the_accounts_memberships(staff_user, board_head, focal_user, viewer_user, unit):
    assert account_rules.account_holds_staff_role.test(None, staff_user)
    assert account_rules.account_holds_staff_role.test(None, board_head)
    assert not account_rules.account_holds_staff_role.test(None, focal_user)
    assert not account_rules.account_holds_staff_role.test(None, viewer_user)
    assert not account_rules.account_holds_staff_role.test(None, None)
    # A focal point who is also staff somewhere is staff.
    MembershipFactory(user=focal_user, unit=unit.parent, role="district_staff")
    assert account_rules.account_holds_staff_role.test(None, focal_user)


def test_manage_accounts_is_for_organiser_staff(staff_user, board_head, focal_user, viewer_user):
    assert rules.has_perm("accounts.manage_accounts", staff_user)
    assert rules.has_perm("accounts.manage_accounts", board_head)
    assert not rules.has_perm("accounts.manage_accounts", focal_user)
    assert not rules.has_perm("accounts.manage_accounts", viewer_user)


def test_staff_change_other_peoples_accounts_and_only_the_head_changes_staff(
    staff_user, board_head, focal_user, viewer_user, district
):
    other_staff = UserFactory(username="bdv2")
    MembershipFactory(user=other_staff, unit=district, role="district_staff")
    assert rules.has_perm("accounts.change_account", staff_user, focal_user)
    assert rules.has_perm("accounts.change_account", staff_user, viewer_user)
    assert not rules.has_perm("accounts.change_account", staff_user, other_staff)
    assert not rules.has_perm("accounts.change_account", staff_user, board_head)
    assert rules.has_perm("accounts.change_account", board_head, other_staff)
    assert rules.has_perm("accounts.change_account", board_head, focal_user)
    # Nobody changes their own account from the management pages, the head included.
    assert not rules.has_perm("accounts.change_account", board_head, board_head)
    assert not rules.has_perm("accounts.change_account", staff_user, staff_user)
    assert not rules.has_perm("accounts.change_account", focal_user, viewer_user)


def test_manage_organiser_is_for_its_own_staff(district, other_district, staff_user, board_head, viewer_user):
    assert rules.has_perm("accounts.manage_organiser", staff_user, district)
    assert rules.has_perm("accounts.manage_organiser", board_head, district)
    assert not rules.has_perm("accounts.manage_organiser", staff_user, other_district)
    assert not rules.has_perm("accounts.manage_organiser", viewer_user, district)
