"""The review list at scale: accent-insensitive search ("ka do" finds "Ka Đô") served by
trigram indexes on PostgreSQL, evidence counted by a subquery, the same queries at two
sizes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.search import fold, search_terms
from registrations.models import Status
from tests.factories import DvkModelFactory, EvidenceFactory, ProgressReportFactory, RegistrationFactory


def listed(client, **params):
    return [r.pk for r in client.get(reverse("registrations:list"), params).context["registrations"]]


def test_fold_drops_case_tones_and_the_bar_of_d():
    assert fold("Xã KA ĐÔ, Đạ Ròn – Lạc Xuân") == "xa ka do, da ron – lac xuan"


def test_short_words_are_searched_with_the_next_as_a_phrase():
    assert search_terms("ka do") == ["ka do"]
    assert search_terms("Mô hình Ka Đô") == ["mo hinh", "ka do"]
    assert search_terms("đường ở") == ["duong o"]
    assert search_terms("a") == ["a"]
    assert search_terms("   ") == []


# The factories' defaults mention Ka Đô; these rows say it only where the test puts it.
ELSEWHERE = {"address": "Thôn Đạ Nghịt"}
TEXTS = {"area_and_target": "Thôn Đạ Nghịt, 120 hộ."}


@pytest.fixture
def ka_do(campaign, unit, other_unit, registration_deadline):
    found = RegistrationFactory(
        campaign=campaign,
        model=DvkModelFactory(unit=unit, name="Dân vận khéo ở Ka Đô", **ELSEWHERE),
        status=Status.SUBMITTED,
        **TEXTS,
    )
    in_text = RegistrationFactory(
        campaign=campaign,
        model=DvkModelFactory(unit=other_unit, name="Đường làng", **ELSEWHERE),
        status=Status.SUBMITTED,
        situation="Thôn Lạc Xuân còn nhiều đường đất.",
        **TEXTS,
    )
    other = RegistrationFactory(
        campaign=campaign,
        model=DvkModelFactory(unit=unit, name="Kênh dẫn nước", **ELSEWHERE),
        status=Status.SUBMITTED,
        **TEXTS,
    )
    return found, in_text, other


def test_search_ignores_accents_and_case(staff_client, ka_do):
    found, in_text, _other = ka_do
    assert listed(staff_client, q="ka do") == [found.pk]
    assert listed(staff_client, q="KA ĐÔ") == [found.pk]
    assert listed(staff_client, q="xuan") == [in_text.pk]
    assert listed(staff_client, q="lạc xuân đường") == [in_text.pk]
    assert listed(staff_client, q="ka do xuan") == []
    assert sorted(listed(staff_client, q="dạ nghịt")) == sorted(r.pk for r in ka_do)


def test_the_list_counts_evidence_once_per_file_with_reports_alongside(staff_client, campaign, unit, registration_deadline):
    registration = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=Status.ACCEPTED)
    ProgressReportFactory(registration=registration, kind="interim", status="submitted")
    ProgressReportFactory(registration=registration, kind="final", status="submitted")
    EvidenceFactory(registration=registration)
    EvidenceFactory(registration=registration)
    bare = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=Status.SUBMITTED)
    rows = {r.pk: r for r in staff_client.get(reverse("registrations:list")).context["registrations"]}
    assert (rows[registration.pk].evidence_count, rows[bare.pk].evidence_count) == (2, 0)
    assert rows[registration.pk].interim_submitted and rows[registration.pk].final_submitted


def _queries(client, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("registrations:list"), params).status_code == 200
    return len(queries)


def test_a_searched_list_runs_the_same_queries_at_two_sizes(staff_client, campaign, unit, other_unit, registration_deadline):
    made = iter(range(1000))

    def make(count):
        for _ in range(count):
            index = next(made)
            registration = RegistrationFactory(
                campaign=campaign, model=DvkModelFactory(unit=unit if index % 2 else other_unit, name=f"Ka Đô {index}")
            )
            EvidenceFactory(registration=registration)

    make(3)
    small = _queries(staff_client, {"q": "ka do"})
    make(30)
    assert _queries(staff_client, {"q": "ka do"}) == small


@pytest.mark.postgres
def test_postgresql_folds_like_python_and_the_trigram_indexes_serve_the_search(ka_do):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT dvk_fold(%s)", ["Xã KA ĐÔ, Đạ Ròn, Lạc Xuân, Ứng Hòa"])
        assert cursor.fetchone()[0] == fold("Xã KA ĐÔ, Đạ Ròn, Lạc Xuân, Ứng Hòa")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT id FROM registrations_registration WHERE dvk_fold(situation) LIKE '%xuan%'")
        plan = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("EXPLAIN SELECT id FROM models_dvkmodel WHERE dvk_fold(name) LIKE '%ka do%'")
        model_plan = " ".join(row[0] for row in cursor.fetchall())
    assert "registrations_registration_situation_fold_trgm" in plan
    assert "models_dvkmodel_name_fold_trgm" in model_plan
