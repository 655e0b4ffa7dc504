"""Who may do what with a registration, a progress report or an evidence file.

Reading is decided by the selectors (another unit's object is a 404); these predicates
decide the actions on an object the user can already see. Views test them with
``rules.has_perm`` so that a superuser account gets no silent bypass of the workflow."""

import rules

from accounts.rules import is_organiser_staff, is_staff_of_organiser

from .models import Evidence, ProgressReport, Registration


def _registration(obj) -> Registration | None:
    if isinstance(obj, Registration):
        return obj
    if isinstance(obj, ProgressReport | Evidence):
        return obj.registration
    return None


@rules.predicate
def is_focal_point(user):
    return user.is_authenticated and user.is_focal_point


@rules.predicate
def is_focal_point_of_unit(user, obj):
    """The focal point of the unit a registration (or its report, or its evidence) belongs to."""
    registration = _registration(obj)
    return registration is not None and registration.unit_id in user.focal_unit_ids()


@rules.predicate
def is_focal_point_of_model_unit(user, model):
    """The focal point of the unit whose model (DvkModel) is to be registered."""
    return model is not None and model.unit_id in user.focal_unit_ids()


@rules.predicate
def is_editable(user, registration):
    return registration.is_editable


@rules.predicate
def accepts_reports(user, registration):
    return registration.accepts_reports


@rules.predicate
def is_report_editable(user, report):
    return report.is_editable


# Roles on an object: the unit's focal point acts for it, the organiser's staff review it.
# The steps of the lifecycle (submit, return, accept, withdraw, ...) name these roles in
# registrations.lifecycle, which also decides the state.
rules.add_perm("registrations.act_for_unit", is_focal_point_of_unit)
rules.add_perm("registrations.review", is_staff_of_organiser)
rules.add_perm("registrations.register_model", is_focal_point_of_model_unit)
# Pages and buttons.
rules.add_perm("registrations.add_registration", is_focal_point)
rules.add_perm("registrations.change_registration", is_focal_point_of_unit & is_editable)
rules.add_perm("registrations.review_registrations", is_organiser_staff)
# Reports: the registration is the object when the report does not exist yet.
rules.add_perm("registrations.file_report", is_focal_point_of_unit & accepts_reports)
rules.add_perm("registrations.change_report", is_focal_point_of_unit & is_report_editable)
