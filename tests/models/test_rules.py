"""Each predicate of models.rules (the catalogue) on its own, then the permissions built
from them: the unit's focal point writes its models, staff above the unit publish them."""

import rules
from django.contrib.auth.models import AnonymousUser

from models import rules as catalogue_rules
from tests.factories import DvkModelFactory, MembershipFactory, UnitFactory, UserFactory

TESTED_PREDICATES = {"is_focal_point", "is_focal_point_of_model_unit", "is_staff_over_model_unit"}


def test_every_predicate_of_the_module_has_its_tests_here():
    defined = {
        name
        for name, value in vars(catalogue_rules).items()
        if isinstance(value, rules.Predicate) and value.fn.__module__ == catalogue_rules.__name__
    }
    assert defined == TESTED_PREDICATES


def test_is_focal_point_holds_for_a_focal_point_only(focal_user, staff_user, viewer_user):
    assert catalogue_rules.is_focal_point.test(focal_user)
    assert not catalogue_rules.is_focal_point.test(staff_user)
    assert not catalogue_rules.is_focal_point.test(viewer_user)
    assert not catalogue_rules.is_focal_point.test(AnonymousUser())


def test_is_focal_point_of_model_unit_holds_for_the_models_own_unit(unit, other_unit, focal_user, other_focal_user, staff_user):
    model = DvkModelFactory(unit=unit)
    assert catalogue_rules.is_focal_point_of_model_unit.test(focal_user, model)
    assert not catalogue_rules.is_focal_point_of_model_unit.test(other_focal_user, model)
    assert catalogue_rules.is_focal_point_of_model_unit.test(other_focal_user, DvkModelFactory(unit=other_unit))
    assert not catalogue_rules.is_focal_point_of_model_unit.test(staff_user, model)
    assert not catalogue_rules.is_focal_point_of_model_unit.test(focal_user, None)
    assert not catalogue_rules.is_focal_point_of_model_unit.test(AnonymousUser(), model)


def test_is_staff_over_model_unit_holds_for_staff_of_a_body_above_the_unit(
    unit, district, other_district, staff_user, board_head, focal_user, viewer_user
):
    village = UnitFactory(kind="village", code="DD-KADO-T2", parent=unit)
    model = DvkModelFactory(unit=unit)
    assert catalogue_rules.is_staff_over_model_unit.test(staff_user, model)
    assert catalogue_rules.is_staff_over_model_unit.test(board_head, model)
    assert catalogue_rules.is_staff_over_model_unit.test(staff_user, DvkModelFactory(unit=village))  # any depth below
    far = DvkModelFactory(unit=UnitFactory(code="LDU-X", parent=other_district))
    assert not catalogue_rules.is_staff_over_model_unit.test(staff_user, far)
    assert not catalogue_rules.is_staff_over_model_unit.test(focal_user, model)
    assert not catalogue_rules.is_staff_over_model_unit.test(viewer_user, model)
    assert not catalogue_rules.is_staff_over_model_unit.test(staff_user, None)
    assert not catalogue_rules.is_staff_over_model_unit.test(AnonymousUser(), model)


def test_commune_staff_publish_their_villages_models_but_not_the_districts(unit, district):
    village = UnitFactory(kind="village", code="DD-KADO-T3", parent=unit)
    commune_staff = UserFactory(username="xa-kado-bdv")
    MembershipFactory(user=commune_staff, unit=unit, role="district_staff")
    assert rules.has_perm("models.publish_model", commune_staff, DvkModelFactory(unit=village))
    assert not rules.has_perm("models.publish_model", commune_staff, DvkModelFactory(unit=district))


def test_catalogue_permissions(unit, focal_user, other_focal_user, staff_user):
    model = DvkModelFactory(unit=unit)
    assert rules.has_perm("models.create_model", focal_user)
    assert not rules.has_perm("models.create_model", staff_user)
    assert rules.has_perm("models.edit_model", focal_user, model)
    assert not rules.has_perm("models.edit_model", other_focal_user, model)
    assert not rules.has_perm("models.edit_model", staff_user, model)
    assert rules.has_perm("models.publish_model", staff_user, model)
    assert not rules.has_perm("models.publish_model", focal_user, model)
