"""The demo seed of registrations: realistic, complete, through the services, idempotent."""

from collections import Counter

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts import demo as accounts_demo
from audit.services import verify_chain
from campaign import demo as campaign_demo
from models import demo as models_demo
from registrations import demo
from registrations.evidence import inspect_upload
from registrations.models import CONTENT_FIELDS, Evidence, ProgressReport, Registration, Status


@pytest.fixture
def seeded(db):
    accounts_demo.seed()
    campaign_demo.seed()
    models_demo.seed()
    demo.seed()


def test_seed_registers_every_unit_with_returns_reports_and_evidence_and_a_second_run_changes_nothing(seeded):
    registrations = Registration.objects.select_related("unit", "model")
    statuses = Counter(registrations.values_list("status", flat=True))
    assert statuses[Status.ACCEPTED] > sum(n for status, n in statuses.items() if status != Status.ACCEPTED)
    assert statuses[Status.RETURNED] >= 2
    assert all(r.return_reason for r in registrations.filter(status=Status.RETURNED))
    for registration in registrations:
        assert all(getattr(registration, name).strip() for name in CONTENT_FIELDS), registration.model.name
    per_unit = Counter(registrations.values_list("unit__code", flat=True))
    assert all(
        count >= 2
        for code, count in per_unit.items()
        if not code.startswith(("DD-MTTQ", "DD-HND", "DD-LHPN", "DD-DTN", "DD-CCB", "DD-LDLD"))
    )
    assert {"economy", "culture_society", "defence_security", "political_system", "new_rural"} == set(
        registrations.values_list("model__field", flat=True)
    )

    finals = Registration.objects.filter(
        status=Status.ACCEPTED, reports__kind="final", reports__status=ProgressReport.ReportStatus.SUBMITTED
    ).select_related("unit", "model")
    assert finals.count() >= 8
    assert len({r.unit_id for r in finals}) >= 4
    assert any(r.unit.code == "DD-KADO" for r in finals)
    assert any(r.model.kind == "exemplar" for r in finals)
    assert ProgressReport.objects.filter(kind="interim", status="submitted").count() >= 15

    assert Evidence.objects.count() >= 5
    for evidence in Evidence.objects.all():
        with evidence.file.open("rb") as handle:
            copy = SimpleUploadedFile(evidence.original_name, handle.read())
        assert inspect_upload(copy).content_type == evidence.content_type

    # Pró registered late on its extension, and it was accepted.
    pro = registrations.filter(unit__code="DD-PRO").exclude(submitted_at=None)
    assert pro and all(r.submitted_at.date().month == 5 for r in pro)

    before = (Registration.objects.count(), ProgressReport.objects.count(), Evidence.objects.count())
    demo.seed()
    assert (Registration.objects.count(), ProgressReport.objects.count(), Evidence.objects.count()) == before
    assert verify_chain() > 0
