"""Who sees what (DESIGN §6): others' scores only after one's own sheet or publication,
404 for registrations not assigned (or recused), for focal points on every scoresheet
URL, and published results for the unit's focal point."""

import pytest
from django.urls import reverse

from evaluations import services
from evaluations.models import Assignment
from tests.evaluations.conftest import FULL_MODEL, GOOD_MODEL, fill
from tests.factories import EvidenceFactory


@pytest.fixture
def registration(members, make_nominated):
    return make_nominated()


def test_others_scores_are_hidden_until_the_member_submits_their_own(client, members, registration):
    fill(members[1], registration, [19.5, 19.5, 24.5, 14.5, 19.5])  # 97,5
    client.force_login(members[0].user)
    url = reverse("evaluations:scoresheet", args=[registration.pk])
    before = client.get(url).content.decode()
    assert "Điểm của các thành viên khác chỉ hiện sau khi bạn nộp phiếu của mình." in before
    assert "97,5" not in before and 'class="other-total"' not in before
    fill(members[0], registration, GOOD_MODEL, submit=False)
    assert "97,5" not in client.get(url).content.decode()  # a draft is not enough
    fill(members[0], registration, GOOD_MODEL)
    after = client.get(url).content.decode()
    assert '<strong class="other-total">97,5</strong>' in after


def test_others_scores_show_once_results_are_published(client, council, chair, members, registration, staff_user):
    for member in [chair, *members[1:]]:
        fill(member, registration, FULL_MODEL)
    services.finalise_results(council, by=chair.user)
    client.force_login(members[0].user)  # never submitted
    url = reverse("evaluations:scoresheet", args=[registration.pk])
    assert 'class="other-total"' not in client.get(url).content.decode()
    services.publish_results(council, by=staff_user)
    assert '<strong class="other-total">100</strong>' in client.get(url).content.decode()


def test_a_registration_not_assigned_to_the_member_is_a_404(client, council, chair, members, registration, staff_user):
    services.set_assignments(council, {(registration.pk, chair.pk), (registration.pk, members[1].pk)}, by=staff_user)
    client.force_login(members[0].user)  # thamdinh1
    assert members[0].user.username == "thamdinh1"
    for name in ("evaluations:scoresheet", "evaluations:declare_conflict"):
        assert client.get(reverse(name, args=[registration.pk])).status_code == 404


def test_a_recused_member_gets_a_404_on_the_scoresheet(client, members, registration):
    assignment = Assignment.objects.get(member=members[0], registration=registration)
    services.declare_conflict(assignment, reason="Họ hàng", by=members[0].user)
    client.force_login(members[0].user)
    assert client.get(reverse("evaluations:scoresheet", args=[registration.pk])).status_code == 404


def test_a_focal_point_gets_a_404_on_every_scoresheet_url(focal_client, members, registration):
    """kado's own unit registered it, and it is still a 404 everywhere."""
    sheet = fill(members[0], registration, FULL_MODEL)
    evidence = EvidenceFactory(registration=registration)
    urls = [
        reverse("evaluations:scoresheet", args=[registration.pk]),
        reverse("evaluations:declare_conflict", args=[registration.pk]),
        reverse("evaluations:sheets", args=[registration.pk]),
        reverse("evaluations:reopen", args=[sheet.pk]),
        reverse("evaluations:evidence", args=[evidence.pk]),
    ]
    for url in urls:
        assert focal_client.get(url).status_code == 404, url
        assert focal_client.post(url, {"reason": "x", "action": "submit", "version": "1"}).status_code == 404, url


def test_staff_read_every_sheet_with_scores(staff_client, members, registration):
    fill(members[1], registration, FULL_MODEL)
    fill(members[2], registration, GOOD_MODEL, submit=False)
    body = staff_client.get(reverse("evaluations:sheets", args=[registration.pk])).content.decode()
    assert "Thamdinh2" in body and ">100<" in body
    assert "Nháp" in body and ">85<" in body
    assert "Mở lại" not in body  # only the chair reopens


def test_the_chair_sees_sheets_but_not_scores_while_owing_their_own(client, chair, members, registration):
    fill(members[1], registration, FULL_MODEL)
    client.force_login(chair.user)
    url = reverse("evaluations:sheets", args=[registration.pk])
    body = client.get(url).content.decode()
    assert "Điểm của các thành viên sẽ hiện sau khi bạn nộp phiếu" in body
    assert ">100<" not in body
    assert "Mở lại" in body
    fill(chair, registration, GOOD_MODEL)
    assert ">100<" in client.get(url).content.decode()


def test_the_chair_results_table_hides_rows_the_chair_still_owes(client, campaign, chair, members, registration):
    fill(members[1], registration, FULL_MODEL)
    client.force_login(chair.user)
    body = client.get(reverse("evaluations:results", args=[campaign.pk])).content.decode()
    assert "Nộp phiếu của mình cho hồ sơ này để xem điểm." in body
    assert "100,00" not in body


def test_results_page_is_404_for_members_and_focal_points(client, focal_client, campaign, members, registration):
    url = reverse("evaluations:results", args=[campaign.pk])
    assert focal_client.get(url).status_code == 404
    client.force_login(members[0].user)
    assert client.get(url).status_code == 404


def test_a_member_downloads_evidence_of_an_assigned_registration_as_an_attachment(client, members, registration):
    evidence = EvidenceFactory(registration=registration, original_name="biên bản họp dân.pdf")
    client.force_login(members[0].user)
    response = client.get(reverse("evaluations:evidence", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_evidence_is_404_before_the_appraisal_opens_and_when_recused(client, council, members, registration, staff_user):
    import datetime

    from django.utils import timezone

    evidence = EvidenceFactory(registration=registration)
    url = reverse("evaluations:evidence", args=[evidence.pk])
    services.update_council(council, by=staff_user, changes={"opens_at": timezone.now() + datetime.timedelta(days=2)})
    client.force_login(members[0].user)
    assert client.get(url).status_code == 404
    services.update_council(council, by=staff_user, changes={"opens_at": None})
    assert client.get(url).status_code == 200
    services.declare_conflict(
        Assignment.objects.get(member=members[0], registration=registration), reason="x", by=members[0].user
    )
    assert client.get(url).status_code == 404


def test_a_focal_point_sees_their_results_only_after_publication(focal_client, council, chair, members, registration, staff_user):
    for member in [chair, *members]:
        fill(member, registration, GOOD_MODEL)
    services.finalise_results(council, by=chair.user)
    url = reverse("evaluations:unit_results")
    assert registration.model.name not in focal_client.get(url).content.decode()
    services.publish_results(council, by=staff_user)
    body = focal_client.get(url).content.decode()
    assert registration.model.name in body and "85,00" in body and "Tốt" in body


def test_another_units_focal_point_never_sees_the_result(other_focal_client, council, chair, members, registration, staff_user):
    for member in [chair, *members]:
        fill(member, registration, GOOD_MODEL)
    services.finalise_results(council, by=chair.user)
    services.publish_results(council, by=staff_user)
    assert registration.model.name not in other_focal_client.get(reverse("evaluations:unit_results")).content.decode()


def test_the_queue_is_an_empty_state_without_a_council_seat(focal_client):
    response = focal_client.get(reverse("evaluations:queue"))
    assert response.status_code == 200
    assert 'id="queue-empty"' in response.content.decode()


def test_the_queue_shows_progress_and_recusals(client, council, members, make_nominated, mttq):
    from tests.evaluations.conftest import seat

    member = seat(council, "thamdinh5", unit=mttq)
    first, second, own_unit = make_nominated(), make_nominated(), make_nominated(mttq)
    fill(member, first, GOOD_MODEL)
    fill(member, second, GOOD_MODEL, submit=False)
    client.force_login(member.user)
    body = client.get(reverse("evaluations:queue")).content.decode()
    assert '<div class="display-6" id="queue-progress">1 / 2</div>' in body
    assert 'id="queue-recused"' in body and own_unit.model.name in body
    assert "5/5 tiêu chí" in body
