"""Finalising (chair only): sheets locked, results stored, registrations recognised or
not, the table sealed in the ledger; then publication by staff."""

from decimal import Decimal
from fractions import Fraction

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from audit.services import verify_chain
from evaluations import services
from evaluations.models import Result, Scoresheet
from models.models import DvkModel
from registrations.models import Status
from tests.evaluations.conftest import FULL_MODEL, GOOD_MODEL, fill

LOW_MODEL = [12, 12, 15, 9, 12]  # 60


@pytest.fixture
def scored(council, chair, members, make_nominated, unit):
    """Two models and one exemplar, every member submitted (thamdinh4 left a draft on one)."""
    strong, weak = make_nominated(), make_nominated()
    person = make_nominated(kind="exemplar")
    for member in [chair, *members]:
        fill(member, strong, GOOD_MODEL)
        fill(member, person, [18, 27, 22.5, 22.5])  # 90
    for member in [chair, *members[:3]]:
        fill(member, weak, LOW_MODEL)
    fill(members[3], weak, [10, None, None, None, None], submit=False)
    return strong, weak, person


def test_the_chair_finalises_locks_sheets_stores_results_and_moves_registrations(council, chair, scored):
    strong, weak, person = scored
    results = services.finalise_results(council, by=chair.user)
    assert len(results) == 3
    assert not Scoresheet.objects.filter(is_locked=False).exists()
    stored = {r.registration_id: r for r in Result.objects.all()}
    assert (stored[strong.pk].counted_score, stored[strong.pk].classification, stored[strong.pk].rank) == (
        Decimal("85.00"),
        "good",
        1,
    )
    assert (stored[weak.pk].sheet_count, stored[weak.pk].eligible_count) == (4, 5)
    assert (stored[weak.pk].classification, stored[weak.pk].rank) == ("not_recognised", 2)
    assert (stored[person.pk].classification, stored[person.pk].rank) == ("excellent", 1)
    for registration, status in ((strong, Status.RECOGNISED), (weak, Status.NOT_RECOGNISED), (person, Status.RECOGNISED)):
        registration.refresh_from_db()
        assert registration.status == status
    council.refresh_from_db()
    assert council.finalised_by == chair.user and council.is_finalised


def test_finalising_seals_the_whole_table_in_one_ledger_entry(council, chair, scored):
    strong, weak, person = scored
    services.finalise_results(council, by=chair.user)
    entry = AuditEntry.objects.get(action="council.results_finalised")
    table = {row["registration"]: row for row in entry.after["table"]}
    assert set(table) == {strong.pk, weak.pk, person.pk}
    assert table[strong.pk]["counted"] == "85.00" and table[strong.pk]["classification"] == "good"
    assert table[weak.pk]["sheets"] == 4
    assert entry.after["score_method"] == "mean"
    appraised = AuditEntry.objects.filter(action="registration.appraised")
    assert appraised.count() == 3 and appraised.get(object_id=str(weak.pk)).after["status"] == "not_recognised"
    assert verify_chain() == AuditEntry.objects.count()


def test_finalising_marks_the_year_a_model_was_recognised(council, chair, scored):
    strong, weak, _person = scored
    services.finalise_results(council, by=chair.user)
    assert DvkModel.objects.get(pk=strong.model_id).recognised_in_year == 2020
    assert DvkModel.objects.get(pk=weak.model_id).recognised_in_year is None
    recognised = AuditEntry.objects.get(action="dvk_model.recognised", object_id=str(strong.model_id))
    assert recognised.actor == chair.user and recognised.after == {"recognised_in_year": 2020}


def test_only_the_chair_finalises(council, members, staff_user, scored):
    for user in (staff_user, members[0].user):
        with pytest.raises(services.NotAllowed):
            services.finalise_results(council, by=user)
    assert not Result.objects.exists()


def test_finalising_without_quorum_is_refused_and_changes_nothing(council, chair, members, make_nominated):
    registration = make_nominated()
    for member in [chair, members[0], members[1]]:  # 3 of 5; 4 needed
        fill(member, registration, FULL_MODEL)
    with pytest.raises(services.NotQuorate) as error:
        services.finalise_results(council, by=chair.user)
    assert registration.model.name in error.value.message
    registration.refresh_from_db()
    assert registration.status == Status.NOMINATED
    assert not Result.objects.exists() and not Scoresheet.objects.filter(is_locked=True).exists()


def test_quorum_counts_only_non_recused_members(council, chair, members, make_nominated, mttq, staff_user):
    from evaluations.models import Assignment

    registration = make_nominated()
    assignment = Assignment.objects.get(member=members[3], registration=registration)
    services.declare_conflict(assignment, reason="Con là thành viên tổ tự quản", by=members[3].user)
    for member in [chair, members[0], members[1]]:  # 3 of 4 non-recused; 3 needed
        fill(member, registration, FULL_MODEL)
    services.finalise_results(council, by=chair.user)
    result = Result.objects.get(registration=registration)
    assert (result.sheet_count, result.eligible_count, result.is_quorate) == (3, 4, True)


def test_finalising_twice_is_refused(council, chair, scored):
    services.finalise_results(council, by=chair.user)
    with pytest.raises(services.ResultsFinalised):
        services.finalise_results(council, by=chair.user)


def test_scoring_settings_freeze_after_finalise_but_vote_settings_stay_editable(council, chair, scored, staff_user):
    services.finalise_results(council, by=chair.user)
    with pytest.raises(services.ResultsFinalised):
        services.update_council(council, by=staff_user, changes={"score_method": "trimmed_mean"})
    services.update_council(council, by=staff_user, changes={"vote_pass_fraction": Fraction(3, 5)})
    council.refresh_from_db()
    assert council.vote_pass_fraction == Fraction(3, 5) and council.score_method == "mean"


def test_staff_publish_finalised_results_once(council, chair, scored, staff_user):
    with pytest.raises(services.TransitionNotAllowed):
        services.publish_results(council, by=staff_user)
    services.finalise_results(council, by=chair.user)
    with pytest.raises(services.NotAllowed):
        services.publish_results(council, by=chair.user)
    services.publish_results(council, by=staff_user)
    council.refresh_from_db()
    assert council.results_published_at is not None
    assert AuditEntry.objects.filter(action="council.results_published").count() == 1
    with pytest.raises(services.TransitionNotAllowed):
        services.publish_results(council, by=staff_user)


def test_the_chair_finalises_through_the_page(client, campaign, council, chair, scored):
    client.force_login(chair.user)
    url = reverse("evaluations:finalise", args=[campaign.pk])
    page = client.get(url)
    assert page.status_code == 200
    unconfirmed = client.post(url, {})
    assert "Hãy đánh dấu xác nhận trước khi tiếp tục." in unconfirmed.content.decode()
    assert not Result.objects.exists()
    done = client.post(url, {"confirm": "on"}, follow=True)
    assert "Đã chốt kết quả thẩm định" in done.content.decode()
    assert Result.objects.count() == 3
    assert client.get(url).status_code == 404  # nothing left to finalise


def test_the_finalise_page_is_404_for_staff(staff_client, campaign, council, scored):
    assert staff_client.get(reverse("evaluations:finalise", args=[campaign.pk])).status_code == 404


def test_staff_results_table_live_then_publish_button(staff_client, campaign, council, chair, scored):
    strong, weak, _person = scored
    url = reverse("evaluations:results", args=[campaign.pk])
    body = staff_client.get(url).content.decode()
    assert "Bảng tạm tính" in body and "85,00" in body and "60,00" in body
    assert 'id="publish-results"' not in body
    services.finalise_results(council, by=chair.user)
    body = staff_client.get(url).content.decode()
    assert "Kết quả đã chốt lúc" in body and 'id="publish-results"' in body
    staff_client.post(reverse("evaluations:publish_results", args=[campaign.pk]))
    council.refresh_from_db()
    assert council.results_published_at is not None


def test_a_viewer_reads_results_only_after_finalise(viewer_client, campaign, council, chair, scored):
    url = reverse("evaluations:results", args=[campaign.pk])
    assert viewer_client.get(url).status_code == 404
    services.finalise_results(council, by=chair.user)
    assert viewer_client.get(url).status_code == 200
