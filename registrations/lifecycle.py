"""The registration lifecycle as data: every step a registration can take, the states it
leaves from, the state it reaches, the permission the acting user needs and the ledger
action it writes. ``transition()`` is the one function that moves a registration; the
services of this app and of the appraisal (nomination, results) call it, and nothing
else writes ``Registration.status``.

A permission here names the role only ("acts for the unit", "reviews for the
organiser", "chairs the council"); whether the step makes sense in the current state is
the table's ``sources``, so that a refusal says which of the two is wrong."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import rules
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

import audit

from . import signals
from .exceptions import NotPermitted, TransitionNotAllowed
from .models import Registration, Status

__all__ = [
    "Step",
    "STEPS",
    "step",
    "steps_from",
    "state_refusal",
    "check_step",
    "may_take",
    "transition",
    "Move",
    "transition_many",
]


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
# What each role's rule reads of a registration: it answers alike for every registration
# that shares the value, so a step taken by many is checked once per value.
_ROLE_SCOPE = {_UNIT: "unit_id", _REVIEWER: "campaign_id", _COUNCIL_CHAIR: "campaign_id"}

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


def _not_permitted(registration: Registration) -> NotPermitted:
    return NotPermitted(_("Bạn không có quyền thực hiện bước này với đăng ký “%(name)s”.") % {"name": registration.model.name})


def check_step(registration: Registration, name: str, *, by) -> Step:
    """Raise NotPermitted when ``by`` lacks the step's role, TransitionNotAllowed when the
    registration is not in one of its source states."""
    candidate = STEPS[name]
    if not rules.has_perm(candidate.permission, by, registration):
        raise _not_permitted(registration)
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


@dataclass(frozen=True)
class Move:
    """One registration and the step it takes in ``transition_many``; ``note`` as in
    ``transition``."""

    registration: Registration
    name: str
    note: Mapping[str, object] | None = None


def _check_roles(moves: list[Move], locked: dict[int, Registration], *, by) -> None:
    """The role of each move, asked once per step and per value its rule reads."""
    checked = set()
    for move in moves:
        candidate = STEPS[move.name]
        registration = locked[move.registration.pk]
        scope = (candidate.permission, getattr(registration, _ROLE_SCOPE[candidate.permission]))
        if scope in checked:
            continue
        if not rules.has_perm(candidate.permission, by, registration):
            raise _not_permitted(registration)
        checked.add(scope)


def transition_many(moves: Iterable[Move], *, by) -> list[Registration]:
    """Move many registrations at once, each along its own step, in a number of queries
    that does not grow with them: all are locked in one query, every role and state is
    checked before anything is written (one refusal refuses them all, as
    ``check_step`` words it), the statuses are set with one UPDATE per status reached,
    the ledger entries written together (``audit.record_many``) and the signals sent
    for each registration inside the transaction, as ``transition`` sends them.
    Receivers of those signals run once per registration: one that queries makes the
    bulk path grow with it. Returns the registrations, moved, in the order given."""
    moves = list(moves)
    if not moves:
        return []
    ids = [move.registration.pk for move in moves]
    if len(set(ids)) != len(ids):
        raise ValueError("a registration can take only one step at a time")
    with transaction.atomic():
        locked = {
            registration.pk: registration
            for registration in Registration.objects.select_for_update(of=("self",))
            .select_related("model", "campaign")
            .filter(pk__in=ids)
            .order_by("pk")
        }
        missing = set(ids) - set(locked)
        if missing:
            raise Registration.DoesNotExist(f"registrations {sorted(missing)} do not exist")
        _check_roles(moves, locked, by=by)
        for move in moves:
            registration = locked[move.registration.pk]
            refusal = state_refusal(registration, move.name)
            if refusal is not None:
                # Among many, the refusal says which one.
                raise TransitionNotAllowed(f"“{registration.model.name}”: {refusal}")

        now = timezone.now()
        befores = {}
        reached: dict[str, list[int]] = {}
        for move in moves:
            registration = locked[move.registration.pk]
            befores[registration.pk] = registration.status
            registration.status, registration.updated_at = STEPS[move.name].target, now
            reached.setdefault(registration.status, []).append(registration.pk)
        for status, pks in reached.items():
            Registration.objects.filter(pk__in=pks).update(status=status, updated_at=now)
        audit.record_many(
            by,
            [
                audit.Change(
                    STEPS[move.name].action,
                    locked[move.registration.pk],
                    before={"status": befores[move.registration.pk]},
                    after={"status": STEPS[move.name].target, **(move.note or {})},
                )
                for move in moves
            ],
        )

        for move in moves:
            candidate, registration = STEPS[move.name], locked[move.registration.pk]
            if candidate.signal is not None:
                candidate.signal.send(sender=Registration, instance=registration, by=by)
            signals.registration_transitioned.send(
                sender=Registration, instance=registration, by=by, step=candidate, before=befores[registration.pk]
            )
    return [locked[pk] for pk in ids]
