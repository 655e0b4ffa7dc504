"""The registration lifecycle as data: every step a registration can take, the states it
leaves from, the state it reaches, the permission the acting user needs and the ledger
action it writes. ``transition()`` is the one function that moves a registration; the
services of this app and of the appraisal (nomination, results) call it, and nothing
else writes ``Registration.status``.

A permission here names the role only ("acts for the unit", "reviews for the
organiser", "chairs the council"); whether the step makes sense in the current state is
the table's ``sources``, so that a refusal says which of the two is wrong."""

from collections.abc import Mapping
from dataclasses import dataclass

import rules
from django.db import transaction
from django.dispatch import Signal
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

import audit

from . import signals
from .exceptions import NotPermitted, TransitionNotAllowed
from .models import Registration, Status

__all__ = ["Step", "STEPS", "step", "steps_from", "state_refusal", "check_step", "may_take", "transition"]


@dataclass(frozen=True)
class Step:
    name: str
    sources: tuple[str, ...]
    target: str
    # A rule name (django-rules) tested on (user, registration).
    permission: str
    # The audit ledger action.
    action: str
    # Why the step is refused in another state; ``%(status)s`` is the current one.
    refusal: Promise
    # Said instead of ``refusal`` when the registration already is where the step leads.
    already: Promise | None = None
    # Sent inside the transaction of the change, besides ``registration_transitioned``.
    signal: Signal | None = None


_UNIT = "registrations.act_for_unit"
_REVIEWER = "registrations.review"
# Registered by the appraisal (evaluations.rules): the chair of the campaign's council.
_COUNCIL_CHAIR = "evaluations.decide_registration"

STEPS: dict[str, Step] = {
    step.name: step
    for step in (
        Step(
            "submit",
            Status.EDITABLE,
            Status.SUBMITTED,
            _UNIT,
            "registration.submitted",
            _("Đăng ký đang ở trạng thái “%(status)s”, chỉ gửi được khi là nháp hoặc bị trả lại."),
            already=_("Đăng ký này đã được gửi, đang chờ Ban Dân vận xem xét."),
            signal=signals.registration_submitted,
        ),
        Step(
            "return",
            (Status.SUBMITTED,),
            Status.RETURNED,
            _REVIEWER,
            "registration.returned",
            _("Chỉ trả lại được đăng ký đã gửi; đăng ký này đang ở trạng thái “%(status)s”."),
            signal=signals.registration_returned,
        ),
        Step(
            "accept",
            (Status.SUBMITTED,),
            Status.ACCEPTED,
            _REVIEWER,
            "registration.accepted",
            _("Chỉ tiếp nhận được đăng ký đã gửi; đăng ký này đang ở trạng thái “%(status)s”."),
            signal=signals.registration_accepted,
        ),
        Step(
            "withdraw",
            Status.WITHDRAWABLE,
            Status.WITHDRAWN,
            _UNIT,
            "registration.withdrawn",
            _("Không thể rút đăng ký đang ở trạng thái “%(status)s”."),
            signal=signals.registration_withdrawn,
        ),
        Step(
            "nominate",
            Status.REPORTABLE,
            Status.NOMINATED,
            _REVIEWER,
            "registration.nominated",
            _("Chỉ đưa vào thẩm định đăng ký đã được tiếp nhận; đăng ký này đang ở trạng thái “%(status)s”."),
            already=_("Đã được đưa vào thẩm định."),
        ),
        Step(
            "recognise",
            (Status.NOMINATED,),
            Status.RECOGNISED,
            _COUNCIL_CHAIR,
            "registration.appraised",
            _("Chỉ ghi kết quả thẩm định cho hồ sơ đang trong đợt thẩm định; hồ sơ này đang ở trạng thái “%(status)s”."),
        ),
        Step(
            "not_recognise",
            (Status.NOMINATED,),
            Status.NOT_RECOGNISED,
            _COUNCIL_CHAIR,
            "registration.appraised",
            _("Chỉ ghi kết quả thẩm định cho hồ sơ đang trong đợt thẩm định; hồ sơ này đang ở trạng thái “%(status)s”."),
        ),
    )
}


def step(name: str) -> Step:
    return STEPS[name]


def steps_from(status: str) -> list[Step]:
    """The steps a registration in ``status`` can take, in table order."""
    return [candidate for candidate in STEPS.values() if status in candidate.sources]


def state_refusal(registration: Registration, name: str) -> str | None:
    """Why ``registration`` cannot take step ``name`` in its current state, or None."""
    candidate = STEPS[name]
    if registration.status in candidate.sources:
        return None
    if registration.status == candidate.target and candidate.already is not None:
        return str(candidate.already)
    return str(candidate.refusal) % {"status": Status(registration.status).label}


def may_take(user, registration: Registration, name: str) -> bool:
    """Whether ``user`` holds the role step ``name`` needs and the state allows it."""
    return state_refusal(registration, name) is None and rules.has_perm(STEPS[name].permission, user, registration)


def check_step(registration: Registration, name: str, *, by) -> Step:
    """Raise NotPermitted when ``by`` lacks the step's role, TransitionNotAllowed when the
    registration is not in one of its source states."""
    candidate = STEPS[name]
    if not rules.has_perm(candidate.permission, by, registration):
        raise NotPermitted(_("Bạn không có quyền thực hiện bước này với đăng ký “%(name)s”.") % {"name": registration.model.name})
    refusal = state_refusal(registration, name)
    if refusal is not None:
        raise TransitionNotAllowed(refusal)
    return candidate


def transition(
    registration: Registration,
    name: str,
    *,
    by,
    fields: Mapping[str, object] | None = None,
    note: Mapping[str, object] | None = None,
) -> Registration:
    """Move ``registration`` along step ``name``: lock it, check the role and the state,
    set the new status (and ``fields`` that go with the step), write the ledger entry
    (``note`` is added to what it records after) and send the signals inside the same
    transaction, so that what receivers write (messages, their e-mails in the outbox) is
    committed with the change or rolled back with it.
    Callers that check more (deadline, content) lock first and call this in the same
    transaction; the lock is then already theirs."""
    fields = dict(fields or {})
    with transaction.atomic():
        registration = Registration.objects.select_for_update().select_related("model").get(pk=registration.pk)
        candidate = check_step(registration, name, by=by)
        before = registration.status
        registration.status = candidate.target
        for field_name, value in fields.items():
            setattr(registration, field_name, value)
        registration.save(update_fields=["status", *fields, "updated_at"])
        audit.record(
            by, candidate.action, registration, before={"status": before}, after={"status": registration.status, **(note or {})}
        )

        if candidate.signal is not None:
            candidate.signal.send(sender=Registration, instance=registration, by=by)
        signals.registration_transitioned.send(sender=Registration, instance=registration, by=by, step=candidate, before=before)
    return registration
