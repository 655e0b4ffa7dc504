"""Nomination of accepted registrations whose final report is in, and the assignments
it creates, with automatic recusal of members from the registering unit."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from evaluations import services
from evaluations.models import Assignment
from registrations.models import Status
from tests.evaluations.conftest import accepted_registration, seat
from tests.factories import RegistrationFactory


def test_nominating_moves_accepted_registrations_with_a_final_report_and_assigns_every_member(
    campaign, council, members, staff_user, unit
):
    registration = accepted_registration(campaign, unit)
    outcome = services.nominate(campaign, [registration], by=staff_user)
    registration.refresh_from_db()
    assert outcome.nominated == [registration] and outcome.refused == []
    assert registration.status == Status.NOMINATED
    assert Assignment.objects.filter(registration=registration).count() == 5  # the chair and four members
    entry = AuditEntry.objects.get(action="registration.nominated", object_id=str(registration.pk))
    assert entry.before == {"status": "accepted"} and entry.after == {"status": "nominated"}


def test_nomination_refuses_others_with_the_reason(campaign, council, members, staff_user, unit):
    without_report = accepted_registration(campaign, unit, final_report=False)
    submitted = RegistrationFactory(campaign=campaign, status=Status.SUBMITTED, model__unit=unit)
    good = accepted_registration(campaign, unit)
    outcome = services.nominate(campaign, [without_report, submitted, good], by=staff_user)
    reasons = {registration.pk: reason for registration, reason in outcome.refused}
    assert outcome.nominated == [good]
    assert reasons[without_report.pk] == "Đơn vị chưa gửi báo cáo tự đánh giá cuối năm."
    assert "đang ở trạng thái “Đã gửi”" in reasons[submitted.pk]
    without_report.refresh_from_db()
    assert without_report.status == Status.ACCEPTED
    assert not Assignment.objects.filter(registration=without_report).exists()


def test_only_staff_nominate(campaign, council, members, unit):
    registration = accepted_registration(campaign, unit)
    with pytest.raises(services.NotAllowed):
        services.nominate(campaign, [registration], by=members[0].user)
    registration.refresh_from_db()
    assert registration.status == Status.ACCEPTED


def test_a_member_of_the_registering_unit_is_recused_automatically_and_it_is_audited(
    campaign, council, members, staff_user, make_nominated, mttq
):
    member_of_mttq = seat(council, "thamdinh5", unit=mttq)
    registration = make_nominated(mttq)
    assignment = Assignment.objects.get(member=member_of_mttq, registration=registration)
    assert assignment.recusal == Assignment.Recusal.AUTOMATIC
    assert assignment.recusal_reason == "Thành viên thuộc đơn vị đăng ký (Ủy ban MTTQ Việt Nam huyện)."
    entry = AuditEntry.objects.get(action="assignment.recused", object_id=str(assignment.pk))
    assert entry.after["recusal"] == "automatic"
    others = Assignment.objects.filter(registration=registration).exclude(member=member_of_mttq)
    assert all(not a.is_recused for a in others)


def test_a_member_added_later_is_assigned_every_nominated_registration(
    campaign, council, members, staff_user, make_nominated, mttq, unit
):
    first, second = make_nominated(), make_nominated(mttq)
    newcomer_user = seat(council, "placeholder").user  # any account
    newcomer_user.council_seats.all().delete()
    member = services.add_member(
        council, user=newcomer_user, position="member", represents="Hội LHPN huyện", unit=mttq, by=staff_user
    )
    assignments = {a.registration_id: a for a in member.assignments.all()}
    assert set(assignments) == {first.pk, second.pk}
    assert not assignments[first.pk].is_recused
    assert assignments[second.pk].recusal == Assignment.Recusal.AUTOMATIC


def test_nomination_page_lists_candidates_and_nominates_the_ticked_ones(staff_client, campaign, council, members, unit):
    ready = accepted_registration(campaign, unit)
    waiting = accepted_registration(campaign, unit, final_report=False)
    url = reverse("evaluations:nominate", args=[campaign.pk])
    page = staff_client.get(url).content.decode()
    assert f'value="{ready.pk}"' in page
    assert f'value="{waiting.pk}"' not in page
    assert "Đơn vị chưa gửi báo cáo tự đánh giá cuối năm." in page
    response = staff_client.post(url, {"registrations": [ready.pk, waiting.pk]}, follow=True)
    body = response.content.decode()
    assert "Đã đưa 1 hồ sơ vào thẩm định" in body
    assert "Không đưa vào thẩm định" in body
    ready.refresh_from_db()
    waiting.refresh_from_db()
    assert (ready.status, waiting.status) == (Status.NOMINATED, Status.ACCEPTED)


def test_nomination_page_is_404_for_a_focal_point(focal_client, campaign, council):
    assert focal_client.get(reverse("evaluations:nominate", args=[campaign.pk])).status_code == 404
