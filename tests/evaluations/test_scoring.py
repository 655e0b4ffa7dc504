"""Scoresheets: drafts, submission, bounds, read-only after submission, stale versions,
the appraisal window, finalised councils, and reopening by the chair."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from campaign.models import Deadline
from evaluations import services
from evaluations.models import Assignment, Score, Scoresheet
from tests.evaluations.conftest import FULL_MODEL, GOOD_MODEL, criteria_of, fill
from tests.factories import DeadlineFactory


@pytest.fixture
def registration(members, make_nominated):
    return make_nominated()


@pytest.fixture
def assignment(members, registration):
    return Assignment.objects.get(member=members[0], registration=registration)


def form_data(registration, values, *, version=0, action="save", comment=""):
    data = {"version": str(version), "action": action, "comment": comment}
    for criterion, value in zip(criteria_of(registration), values, strict=True):
        data[f"points_{criterion.pk}"] = "" if value is None else str(value)
        data[f"comment_{criterion.pk}"] = ""
    return data


def test_a_draft_keeps_empty_criteria_and_is_audited(members, registration):
    sheet = fill(members[0], registration, [15, None, 20.5, None, None], submit=False)
    assert sheet.status == Scoresheet.Status.DRAFT and sheet.version == 1
    assert {s.criterion.order: s.points for s in sheet.scores.select_related("criterion")} == {
        1: Decimal("15.0"),
        2: None,
        3: Decimal("20.5"),
        4: None,
        5: None,
    }
    entry = AuditEntry.objects.get(action="scoresheet.saved", object_id=str(sheet.pk))
    assert entry.before is None and entry.after["status"] == "draft"


def test_submitting_requires_every_criterion(members, registration):
    with pytest.raises(services.InvalidScores) as error:
        fill(members[0], registration, [15, 15, 20, None, 15])
    missing = criteria_of(registration)[3]
    assert error.value.errors == {missing.pk: "Cần chấm tiêu chí này trước khi nộp phiếu."}
    assert not Scoresheet.objects.filter(assignment__member=members[0]).exists()


def test_a_submitted_sheet_is_read_only(members, registration, assignment):
    sheet = fill(members[0], registration, GOOD_MODEL)
    assert sheet.is_submitted and sheet.submitted_at is not None
    with pytest.raises(services.TransitionNotAllowed) as error:
        services.save_draft(assignment, points={}, version=sheet.version, by=members[0].user)
    assert "Phiếu đã nộp nên chỉ xem được" in error.value.message
    assert AuditEntry.objects.filter(action="scoresheet.submitted", object_id=str(sheet.pk)).count() == 1


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-1", "Điểm không được âm."),
        ("20.5", "Điểm không được vượt quá 20 – điểm tối đa của tiêu chí."),
        ("12.3", "Điểm chấm theo bước 0,5 (ví dụ 12 hoặc 12,5); 12,3 không hợp lệ."),
        ("mười", "Điểm phải là một số, ví dụ 15 hoặc 15,5."),
    ],
)
def test_out_of_bounds_scores_are_refused_by_the_service(members, registration, assignment, typed, message):
    first = criteria_of(registration)[0]
    with pytest.raises(services.InvalidScores) as error:
        services.save_draft(assignment, points={first.pk: typed}, version=0, by=members[0].user)
    assert error.value.errors == {first.pk: message}
    assert not Score.objects.exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-1", "Điểm không được âm."),
        ("21", "Điểm không được vượt quá 20 – điểm tối đa của tiêu chí."),
        ("12,3", "Điểm chấm theo bước 0,5 (ví dụ 12 hoặc 12,5); 12,3 không hợp lệ."),
    ],
)
def test_out_of_bounds_scores_on_the_page_are_refused_and_what_was_typed_is_kept(client, members, registration, typed, message):
    client.force_login(members[0].user)
    url = reverse("evaluations:scoresheet", args=[registration.pk])
    response = client.post(url, form_data(registration, [typed, 18, None, None, None]))
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert f'value="{typed}"' in body and 'value="18"' in body
    assert not Scoresheet.objects.exists()


def test_a_decimal_comma_is_accepted(members, registration, assignment):
    first = criteria_of(registration)[0]
    sheet = services.save_draft(assignment, points={first.pk: "12,5"}, version=0, by=members[0].user)
    assert sheet.scores.get(criterion=first).points == Decimal("12.5")


def test_saving_through_the_page_shows_the_running_total_and_submitting_makes_it_read_only(client, members, registration):
    client.force_login(members[0].user)
    url = reverse("evaluations:scoresheet", args=[registration.pk])
    page = client.get(url).content.decode()
    assert "data-score-total>0<" in page and 'inputmode="decimal"' in page and "js/scoresheet.js" in page
    saved = client.post(url, form_data(registration, [15, 15.5, None, None, None]), follow=True).content.decode()
    assert "Đã lưu bản nháp phiếu chấm." in saved
    assert "data-score-total>30,5<" in saved
    assert 'value="15,5"' in saved  # the typed score comes back with the decimal comma
    sheet = Scoresheet.objects.get()
    done = client.post(url, form_data(registration, GOOD_MODEL, version=sheet.version, action="submit"), follow=True)
    body = done.content.decode()
    assert "Đã nộp phiếu chấm." in body
    assert "data-score-total>85<" in body
    assert 'id="submit-sheet"' not in body and "<fieldset disabled>" in body


def test_submitting_an_incomplete_sheet_on_the_page_marks_the_missing_criterion(client, members, registration):
    client.force_login(members[0].user)
    url = reverse("evaluations:scoresheet", args=[registration.pk])
    response = client.post(url, form_data(registration, [15, 15, None, 10, 10], action="submit"))
    body = response.content.decode()
    assert "Cần chấm tiêu chí này trước khi nộp phiếu." in body
    assert body.count("Cần chấm tiêu chí này") == 1
    assert not Scoresheet.objects.exists()


def test_a_stale_version_is_refused_and_nothing_is_overwritten(members, registration, assignment):
    first = criteria_of(registration)[0]
    services.save_draft(assignment, points={first.pk: "10"}, version=0, by=members[0].user)
    with pytest.raises(services.StaleScoresheet):
        services.save_draft(assignment, points={first.pk: "5"}, version=0, by=members[0].user)
    assert Score.objects.get(criterion=first).points == Decimal("10")


def test_a_stale_tab_on_the_page_keeps_the_typed_values(client, members, registration, assignment):
    services.save_draft(assignment, points={criteria_of(registration)[0].pk: "10"}, version=0, by=members[0].user)
    client.force_login(members[0].user)
    response = client.post(
        reverse("evaluations:scoresheet", args=[registration.pk]), form_data(registration, [7, 7, None, None, None])
    )
    body = response.content.decode()
    assert "vừa được lưu ở nơi khác" in body and 'value="7"' in body


def test_another_member_cannot_write_my_sheet(members, registration, assignment):
    with pytest.raises(services.NotAllowed):
        services.save_draft(assignment, points={}, version=0, by=members[1].user)


def test_scoring_outside_the_window_is_refused(council, members, registration, assignment, staff_user):
    now = timezone.now()
    services.update_council(council, by=staff_user, changes={"opens_at": now + datetime.timedelta(days=1)})
    with pytest.raises(services.ScoringClosed) as error:
        services.save_draft(assignment, points={}, version=0, by=members[0].user)
    assert "Ngoài thời gian chấm điểm" in error.value.message
    services.update_council(
        council,
        by=staff_user,
        changes={"opens_at": now - datetime.timedelta(days=10), "closes_at": now - datetime.timedelta(days=1)},
    )
    with pytest.raises(services.ScoringClosed):
        services.save_draft(assignment, points={}, version=0, by=members[0].user)


def test_without_a_closing_time_the_window_follows_the_scoring_deadline(campaign, council, members, registration, assignment):
    DeadlineFactory(campaign=campaign, kind=Deadline.Kind.SCORING, due_date=timezone.localdate() - datetime.timedelta(days=1))
    with pytest.raises(services.ScoringClosed):
        services.save_draft(assignment, points={}, version=0, by=members[0].user)
    Deadline.objects.filter(campaign=campaign).update(due_date=timezone.localdate())
    assert services.save_draft(assignment, points={}, version=0, by=members[0].user).version == 1


def test_scoring_after_finalise_is_refused(council, chair, members, registration, assignment):
    for member in [chair, *members[1:]]:
        fill(member, registration, GOOD_MODEL)
    services.finalise_results(council, by=chair.user)
    with pytest.raises(services.ResultsFinalised) as error:
        services.save_draft(assignment, points={}, version=0, by=members[0].user)
    assert error.value.message == "Kết quả thẩm định đã được chốt; không thể chấm điểm hay thay đổi phiếu chấm nữa."


def test_the_chair_reopens_a_submitted_sheet_with_a_reason_and_it_is_audited(chair, members, registration, assignment):
    sheet = fill(members[0], registration, FULL_MODEL)
    services.reopen_scoresheet(sheet, reason="Điểm tiêu chí 3 chưa khớp minh chứng", by=chair.user)
    sheet.refresh_from_db()
    assert sheet.status == Scoresheet.Status.DRAFT and sheet.submitted_at is None and sheet.version == 2
    entry = AuditEntry.objects.get(action="scoresheet.reopened", object_id=str(sheet.pk))
    assert entry.actor == chair.user
    assert entry.after == {"status": "draft", "reason": "Điểm tiêu chí 3 chưa khớp minh chứng", "member": members[0].pk}
    # The member can now correct and resubmit.
    resubmitted = fill(members[0], registration, GOOD_MODEL)
    assert resubmitted.is_submitted


def test_only_the_chair_reopens_and_a_reason_is_required(chair, members, registration, staff_user):
    sheet = fill(members[0], registration, FULL_MODEL)
    for user in (staff_user, members[1].user):
        with pytest.raises(services.NotAllowed):
            services.reopen_scoresheet(sheet, reason="x", by=user)
    with pytest.raises(services.TransitionNotAllowed):
        services.reopen_scoresheet(sheet, reason=" ", by=chair.user)
    sheet.refresh_from_db()
    assert sheet.is_submitted


def test_reopen_page_is_404_for_staff_and_members_and_works_for_the_chair(client, staff_client, chair, members, registration):
    sheet = fill(members[0], registration, FULL_MODEL)
    url = reverse("evaluations:reopen", args=[sheet.pk])
    assert staff_client.get(url).status_code == 404
    client.force_login(members[1].user)
    assert client.get(url).status_code == 404
    client.force_login(chair.user)
    response = client.post(url, {"reason": "Thiếu nhận xét"}, follow=True)
    assert "Đã mở lại phiếu của" in response.content.decode()
    sheet.refresh_from_db()
    assert sheet.status == Scoresheet.Status.DRAFT
