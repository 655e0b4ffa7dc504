"""The end of the appraisal: the chair finalises (sheets locked, results stored, each
registration recognised or not through the lifecycle, the table sealed in the ledger)
and staff publish the results to the units."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from models.services import record_recognitions
from registrations import lifecycle
from registrations.exceptions import NotPermitted as RegistrationNotPermitted
from registrations.exceptions import TransitionNotAllowed as RegistrationTransitionNotAllowed
from registrations.models import Registration

from . import result_tables
from .exceptions import (
    NotAllowed,
    NotQuorate,
    TransitionNotAllowed,
)
from .guards import lock_council, require_chair, require_not_finalised, require_staff
from .models import Council, Result, Scoresheet
from .quorum import fraction_text
from .results import Outcome


def _table_row(registration: Registration, outcome: Outcome) -> dict:
    return {
        "registration": registration.pk,
        "name": registration.model.name,
        "unit": registration.unit.name,
        "kind": outcome.kind,
        "sheets": outcome.sheet_count,
        "eligible": outcome.eligible_count,
        "mean": outcome.mean,
        "median": outcome.median,
        "min": outcome.minimum,
        "max": outcome.maximum,
        "stdev": outcome.stdev,
        "counted": outcome.counted_score,
        "disagreement": outcome.has_disagreement,
        "rank": outcome.rank,
        "classification": outcome.classification,
        "needs_vote": outcome.needs_vote,
        "note": outcome.tie_break_note,
    }


def finalise_results(council: Council, *, by, now: datetime.datetime | None = None) -> list[Result]:
    """The chair closes the appraisal: every sheet is locked, the results are stored,
    registrations become recognised or not, the models recognised
    this year are marked, and the whole table is sealed in the audit ledger."""
    now = now or timezone.now()
    with transaction.atomic():
        council = lock_council(council)
        require_chair(by, council)
        require_not_finalised(council)
        list(Scoresheet.objects.select_for_update().filter(assignment__member__council=council).values_list("pk", flat=True))
        table = result_tables.live_results(council)
        if not table.rows:
            raise TransitionNotAllowed(_("Chưa có hồ sơ nào được đưa vào thẩm định."))
        not_quorate = [row.registration.model.name for row in table.rows if not row.outcome.is_quorate]
        if not_quorate:
            raise NotQuorate(not_quorate)
        Scoresheet.objects.filter(assignment__member__council=council).update(is_locked=True)

        results = Result.objects.bulk_create(
            Result(
                registration=row.registration,
                council=council,
                sheet_count=row.outcome.sheet_count,
                eligible_count=row.outcome.eligible_count,
                mean=row.outcome.mean,
                median=row.outcome.median,
                minimum=row.outcome.minimum,
                maximum=row.outcome.maximum,
                stdev=row.outcome.stdev,
                counted_score=row.outcome.counted_score,
                is_quorate=row.outcome.is_quorate,
                has_disagreement=row.outcome.has_disagreement,
                rank=row.outcome.rank,
                classification=row.outcome.classification,
                needs_vote=row.outcome.needs_vote,
                tie_break_note=row.outcome.tie_break_note[:300],
            )
            for row in table.rows
        )
        moves = [
            lifecycle.Move(
                row.registration,
                "recognise" if row.outcome.is_recognised else "not_recognise",
                note={"counted_score": row.outcome.counted_score},
            )
            for row in table.rows
        ]
        try:
            lifecycle.transition_many(moves, by=by)
        except RegistrationNotPermitted as error:
            raise NotAllowed(error.message) from error
        except RegistrationTransitionNotAllowed as error:
            # Everything written above is rolled back with it: nothing is half finalised.
            raise TransitionNotAllowed(error.message) from error
        record_recognitions(
            [row.registration.model for row in table.rows if row.outcome.is_recognised], year=council.campaign.year, by=by
        )

        council.finalised_at = now
        council.finalised_by = by
        council.save(update_fields=["finalised_at", "finalised_by"])
        audit.record(
            by,
            "council.results_finalised",
            council,
            after={
                "campaign": council.campaign_id,
                "score_method": council.score_method,
                "quorum_fraction": fraction_text(council.quorum_fraction),
                "disagreement_spread": council.disagreement_spread,
                "table": [_table_row(row.registration, row.outcome) for row in table.rows],
            },
        )
    return results


def publish_results(council: Council, *, by, now: datetime.datetime | None = None) -> Council:
    """Staff publish the finalised results to the units."""
    with transaction.atomic():
        council = lock_council(council)
        require_staff(by, council.campaign)
        if not council.is_finalised:
            raise TransitionNotAllowed(_("Chỉ công bố được kết quả đã được Chủ tịch Hội đồng chốt."))
        if council.results_published_at is not None:
            raise TransitionNotAllowed(_("Kết quả đã được công bố."))
        council.results_published_at = now or timezone.now()
        council.save(update_fields=["results_published_at"])
        audit.record(by, "council.results_published", council, after={"published_at": council.results_published_at})
    return council
