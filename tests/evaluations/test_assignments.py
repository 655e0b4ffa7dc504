"""Assignments: subsets chosen by staff, conflicts declared by members."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from evaluations import services
from evaluations.models import Assignment, Scoresheet
from tests.evaluations.conftest import fill


def test_staff_assign_a_subset_and_the_change_is_audited(council, members, chair, staff_user, make_nominated):
    registration = make_nominated()
    keep = {(registration.pk, chair.pk), (registration.pk, members[0].pk), (registration.pk, members[1].pk)}
    added, removed = services.set_assignments(council, keep, by=staff_user)
    assert (added, removed) == (0, 2)
    assert set(Assignment.objects.filter(registration=registration).values_list("member_id", flat=True)) == {
        chair.pk,
        members[0].pk,
        members[1].pk,
    }
    entry = AuditEntry.objects.get(action="council.assignments_changed")
    assert len(entry.before["removed"]) == 2
    added, removed = services.set_assignments(council, keep | {(registration.pk, members[3].pk)}, by=staff_user)
    assert (added, removed) == (1, 0)


def test_an_assignment_with_scores_cannot_be_taken_away(council, members, chair, staff_user, make_nominated):
    registration = make_nominated()
    fill(members[0], registration, [10, None, None, None, None], submit=False)
    with pytest.raises(services.TransitionNotAllowed) as error:
        services.set_assignments(council, {(registration.pk, chair.pk)}, by=staff_user)
    assert "đã có điểm chấm" in error.value.message
    assert Assignment.objects.filter(registration=registration).count() == 5  # nothing half-done


def test_a_declared_conflict_recuses_the_member_discards_the_draft_and_is_audited(members, make_nominated):
    registration = make_nominated()
    fill(members[1], registration, [10, 10, None, None, None], submit=False)
    assignment = Assignment.objects.get(member=members[1], registration=registration)
    services.declare_conflict(assignment, reason="Người thân trong Ban chủ nhiệm mô hình", by=members[1].user)
    assignment.refresh_from_db()
    assert assignment.recusal == Assignment.Recusal.DECLARED
    assert assignment.recusal_reason == "Người thân trong Ban chủ nhiệm mô hình"
    assert not Scoresheet.objects.filter(assignment=assignment).exists()
    entry = AuditEntry.objects.get(action="assignment.conflict_declared")
    assert entry.after["reason"] == "Người thân trong Ban chủ nhiệm mô hình"
    assert entry.before["discarded_draft"]["scores"]


def test_a_conflict_needs_a_reason_and_only_the_member_declares_it(members, make_nominated):
    registration = make_nominated()
    assignment = Assignment.objects.get(member=members[1], registration=registration)
    with pytest.raises(services.TransitionNotAllowed):
        services.declare_conflict(assignment, reason="  ", by=members[1].user)
    with pytest.raises(services.NotAllowed):
        services.declare_conflict(assignment, reason="lý do", by=members[0].user)
    assignment.refresh_from_db()
    assert not assignment.is_recused


def test_a_conflict_after_submitting_is_refused(members, make_nominated):
    registration = make_nominated()
    fill(members[1], registration, [15, 15, 20, 10, 15])
    assignment = Assignment.objects.get(member=members[1], registration=registration)
    with pytest.raises(services.TransitionNotAllowed) as error:
        services.declare_conflict(assignment, reason="muộn", by=members[1].user)
    assert "mở lại phiếu" in error.value.message


def test_declaring_a_conflict_through_the_page_takes_the_registration_off_the_queue(client, members, make_nominated):
    registration = make_nominated()
    client.force_login(members[1].user)
    url = reverse("evaluations:declare_conflict", args=[registration.pk])
    empty = client.post(url, {"reason": ""})
    assert "Cần ghi lý do." in empty.content.decode()
    response = client.post(url, {"reason": "Vợ là chủ nhiệm mô hình"}, follow=True)
    body = response.content.decode()
    assert "Đã ghi nhận: bạn tránh chấm hồ sơ này." in body
    assert 'id="queue-recused"' in body and "Vợ là chủ nhiệm mô hình" in body
    assert client.get(reverse("evaluations:scoresheet", args=[registration.pk])).status_code == 404


def test_assignment_grid_shows_recusals_and_saves(staff_client, council, campaign, members, chair, make_nominated, mttq):
    from tests.evaluations.conftest import seat

    recused = seat(council, "thamdinh5", unit=mttq)
    registration = make_nominated(mttq)
    url = reverse("evaluations:assignments", args=[campaign.pk])
    page = staff_client.get(url).content.decode()
    assert "tránh (tự động)" in page
    pairs = [f"{registration.pk}:{m.pk}" for m in (chair, members[0], members[1], recused)]
    response = staff_client.post(url, {"pairs": pairs}, follow=True)
    assert "Đã lưu phân công: thêm 0, bỏ 2." in response.content.decode()
    assert Assignment.objects.filter(registration=registration).count() == 4
