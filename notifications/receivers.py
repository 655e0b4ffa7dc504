"""Inbox messages for the registration workflow: the unit hears when the district returns
or accepts its registration, the district hears when a unit submits something. The
signals arrive inside the transaction of the change, so each message and its e-mail are
committed with it or not at all."""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import STAFF_ROLES, Role, User
from registrations import signals

from .services import notify


def _focal_points(unit_id: int):
    return User.objects.filter(is_active=True, memberships__unit_id=unit_id, memberships__role=Role.FOCAL_POINT).distinct()


def _district_staff(district_id: int):
    return User.objects.filter(is_active=True, memberships__unit_id=district_id, memberships__role__in=STAFF_ROLES).distinct()


def _registration_url(registration) -> str:
    return reverse("registrations:detail", args=[registration.pk])


def registration_submitted(sender, instance, by=None, **kwargs):
    title = _("%(unit)s đã gửi đăng ký “%(model)s”") % {"unit": instance.unit, "model": instance.model}
    for user in _district_staff(instance.campaign.owner_id):
        notify(user, title, url=_registration_url(instance), organiser=instance.campaign.owner)


def registration_returned(sender, instance, by=None, **kwargs):
    title = _("Đăng ký “%(model)s” được trả lại để bổ sung") % {"model": instance.model}
    body = _("Lý do: %(reason)s") % {"reason": instance.return_reason}
    for user in _focal_points(instance.unit_id):
        notify(user, title, body=body, url=_registration_url(instance), organiser=instance.campaign.owner)


def registration_accepted(sender, instance, by=None, **kwargs):
    title = _("Đăng ký “%(model)s” đã được tiếp nhận") % {"model": instance.model}
    for user in _focal_points(instance.unit_id):
        notify(user, title, url=_registration_url(instance), organiser=instance.campaign.owner)


def progress_report_submitted(sender, instance, by=None, **kwargs):
    registration = instance.registration
    title = _("%(unit)s đã gửi %(report)s của “%(model)s”") % {
        "unit": registration.unit,
        "report": instance.get_kind_display().lower(),
        "model": registration.model,
    }
    for user in _district_staff(registration.campaign.owner_id):
        notify(user, title, url=_registration_url(registration), organiser=registration.campaign.owner)


def connect() -> None:
    signals.registration_submitted.connect(registration_submitted, dispatch_uid="notify_registration_submitted")
    signals.registration_returned.connect(registration_returned, dispatch_uid="notify_registration_returned")
    signals.registration_accepted.connect(registration_accepted, dispatch_uid="notify_registration_accepted")
    signals.progress_report_submitted.connect(progress_report_submitted, dispatch_uid="notify_report_submitted")
