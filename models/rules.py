"""Who may do what with the catalogue. Reading is scoped by ``selectors.models_visible_to``;
these predicates decide the actions on a model the user can already see."""

import rules


@rules.predicate
def is_focal_point(user):
    return bool(user.is_authenticated and user.focal_unit_ids())


@rules.predicate
def is_focal_point_of_model_unit(user, model):
    return bool(user.is_authenticated and model is not None and model.unit_id in user.focal_unit_ids())


@rules.predicate
def is_staff_over_model_unit(user, model):
    """Staff of an organising body whose tree holds the model's unit."""
    return bool(user.is_authenticated and model is not None and user.manages_unit(model.unit))


rules.add_perm("models.create_model", is_focal_point)
rules.add_perm("models.edit_model", is_focal_point_of_model_unit)
rules.add_perm("models.publish_model", is_staff_over_model_unit)
