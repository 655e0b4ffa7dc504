"""Finalising a whole campaign at once: a constant number of queries whatever the number
of registrations, and exactly the statuses, recognitions and ledger entries that moving
them one by one wrote."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEntry
from audit.services import verify_chain
from evaluations import finalising, result_tables, services
from evaluations.models import CouncilMember, Result, Score, Scoresheet
from models.models import DvkModel
from models.services import record_recognition
from registrations import lifecycle
from registrations.models import Registration, Status
from tests.evaluations.conftest import GOOD_MODEL, accepted_registration, criteria_of, seat
from tests.factories import CampaignFactory

LOW_MODEL = [12, 12, 15, 9, 12]  # 60: not recognised
EXEMPLAR = [18, 27, 22.5, 22.5]  # 90
WRITTEN_BY_FINALISING = ("registration.appraised", "dvk_model.recognised", "council.results_finalised")


def _submitted_sheets(council, registrations, values_for):
    """Every assignment's sheet, submitted, written in bulk (scoring through the service
    would take most of the test's time and is tested elsewhere)."""
    assignments = [a for r in registrations for a in r.assignments.filter(member__council=council)]
    sheets = Scoresheet.objects.bulk_create(
        Scoresheet(assignment=a, status=Scoresheet.Status.SUBMITTED, submitted_at=timezone.now()) for a in assignments
    )
    Score.objects.bulk_create(
        Score(scoresheet=sheet, criterion=criterion, points=points)
        for sheet, assignment in zip(sheets, assignments, strict=True)
        for criterion, points in zip(criteria_of(assignment.registration), values_for(assignment.registration), strict=True)
    )


@pytest.fixture
def appraisal(district, unit, other_unit, staff_user):
    """appraisal(year, size) → (council, chair user, registrations): ``size`` nominated
    registrations of a campaign of that year, a third of them scored too low to be
    recognised, one in four an exemplar, every sheet of a council of three submitted."""

    def make(year: int, size: int):
        campaign = CampaignFactory(owner=district, year=year)
        council = services.ensure_council(campaign, by=staff_user)
        chair = seat(council, f"chutich{year}", CouncilMember.Position.CHAIR)
        seat(council, f"thamdinh{year}a")
        seat(council, f"thamdinh{year}b")
        registrations = [
            accepted_registration(campaign, (unit, other_unit)[index % 2], kind="exemplar" if index % 4 == 3 else "model")
            for index in range(size)
        ]
        outcome = services.nominate(campaign, registrations, by=staff_user)
        assert len(outcome.nominated) == size, outcome.refused
        low = {registration.pk for index, registration in enumerate(registrations) if index % 3 == 2 and index % 4 != 3}

        def values_for(registration):
            if registration.model.kind == "exemplar":
                return EXEMPLAR
            return LOW_MODEL if registration.pk in low else GOOD_MODEL

        _submitted_sheets(council, registrations, values_for)
        return council, chair.user, registrations

    return make


def _finalised_by_counting(council, by) -> int:
    with CaptureQueriesContext(connection) as queries:
        services.finalise_results(council, by=by)
    return len(queries)


def test_finalising_costs_the_same_queries_for_three_registrations_and_for_nine(appraisal):
    small_council, small_chair, _small = appraisal(2020, 3)
    large_council, large_chair, large = appraisal(2021, 9)
    small = _finalised_by_counting(small_council, small_chair)
    large_queries = _finalised_by_counting(large_council, large_chair)
    assert small == large_queries
    assert Result.objects.filter(council=large_council).count() == 9
    assert AuditEntry.objects.filter(action="registration.appraised").count() == 12
    assert verify_chain() == AuditEntry.objects.count()


def _one_by_one_moves(moves, *, by):
    return [lifecycle.transition(move.registration, move.name, by=by, note=move.note) for move in moves]


def _one_by_one_recognitions(models, *, year, by):
    return [record_recognition(model, year=year, by=by) for model in DvkModel.objects.filter(pk__in=[m.pk for m in models])]


def _what_finalising_wrote(council, registrations, since: int) -> dict:
    entries = AuditEntry.objects.filter(sequence__gt=since, action__in=WRITTEN_BY_FINALISING).order_by("sequence")
    return {
        "statuses": dict(Registration.objects.filter(pk__in=[r.pk for r in registrations]).values_list("pk", "status")),
        "recognised": dict(
            DvkModel.objects.filter(registrations__in=registrations).values_list("pk", "recognised_in_year").order_by("pk")
        ),
        "results": sorted(
            Result.objects.filter(council=council).values_list("registration_id", "counted_score", "classification", "rank")
        ),
        "actions": [entry.action for entry in entries],
        "entries": sorted(
            (e.action, e.object_type, e.object_id, e.object_repr, e.actor_id, e.chain, repr(e.before), repr(e.after))
            for e in entries
        ),
    }


class _Undone(Exception):
    pass


def test_finalising_in_bulk_writes_what_moving_one_by_one_wrote(appraisal, monkeypatch):
    council, chair, registrations = appraisal(2020, 6)
    since = AuditEntry.objects.order_by("-sequence").values_list("sequence", flat=True).first()
    with monkeypatch.context() as patched:
        patched.setattr(lifecycle, "transition_many", _one_by_one_moves)
        patched.setattr(finalising, "record_recognitions", _one_by_one_recognitions)
        try:
            with transaction.atomic():
                services.finalise_results(council, by=chair)
                one_by_one = _what_finalising_wrote(council, registrations, since)
                raise _Undone
        except _Undone:
            pass
    assert set(Registration.objects.filter(pk__in=[r.pk for r in registrations]).values_list("status", flat=True)) == {
        Status.NOMINATED
    }

    services.finalise_results(council, by=chair)
    in_bulk = _what_finalising_wrote(council, registrations, since)
    assert in_bulk == one_by_one
    assert set(in_bulk["statuses"].values()) == {Status.RECOGNISED, Status.NOT_RECOGNISED}
    assert in_bulk["actions"] == ["registration.appraised"] * 6 + ["dvk_model.recognised"] * 4 + ["council.results_finalised"]
    assert verify_chain() == AuditEntry.objects.count()


def _nothing_written(council, registrations):
    assert not Result.objects.filter(council=council).exists()
    assert not Scoresheet.objects.filter(is_locked=True).exists()
    assert not AuditEntry.objects.filter(action__in=WRITTEN_BY_FINALISING).exists()
    assert not DvkModel.objects.filter(recognised_in_year__isnull=False).exists()
    council.refresh_from_db()
    assert not council.is_finalised


def test_a_member_who_is_not_the_chair_cannot_finalise_and_nothing_changes(appraisal):
    council, _chair, registrations = appraisal(2020, 3)
    member = council.members.filter(position=CouncilMember.Position.MEMBER).first()
    with pytest.raises(services.NotAllowed):
        services.finalise_results(council, by=member.user)
    _nothing_written(council, registrations)
    assert set(Registration.objects.filter(pk__in=[r.pk for r in registrations]).values_list("status", flat=True)) == {
        Status.NOMINATED
    }


def test_a_registration_no_longer_in_appraisal_refuses_the_whole_finalising(appraisal, monkeypatch):
    council, chair, registrations = appraisal(2020, 3)
    table = result_tables.live_results(council)
    # Moved on after the table was read (behind the lifecycle: no step leaves NOMINATED
    # but the appraisal's own), so that the lock finds it elsewhere.
    gone = registrations[1]
    Registration.objects.filter(pk=gone.pk).update(status=Status.WITHDRAWN)
    monkeypatch.setattr(finalising.result_tables, "live_results", lambda council: table)
    with pytest.raises(services.TransitionNotAllowed) as refused:
        services.finalise_results(council, by=chair)
    assert gone.model.name in refused.value.message
    _nothing_written(council, registrations)
    statuses = dict(Registration.objects.filter(pk__in=[r.pk for r in registrations]).values_list("pk", "status"))
    assert statuses == {registrations[0].pk: Status.NOMINATED, gone.pk: Status.WITHDRAWN, registrations[2].pk: Status.NOMINATED}
