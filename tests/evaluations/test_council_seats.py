"""A seat on the council binds whoever holds it (issue 10, finding 4): staff who seat
themselves are members like the others, and a unit's own people never score it, whether
or not their unit was chosen when they were seated."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from evaluations import services
from evaluations.models import Assignment, CouncilMember
from evaluations.rules import may_see_others_scores
from tests.evaluations.conftest import FULL_MODEL, GOOD_MODEL, fill


@pytest.fixture
def staff_seat(council, members, staff_user):
    return services.add_member(council, user=staff_user, position=CouncilMember.Position.MEMBER, by=staff_user)


@pytest.fixture
def registration(members, staff_seat, make_nominated):
    return make_nominated()


def test_staff_seated_on_the_council_do_not_see_other_sheets_before_their_own(
    staff_client, staff_user, council, members, staff_seat, registration
):
    fill(members[1], registration, [19.5, 19.5, 24.5, 14.5, 19.5])  # 97,5
    url = reverse("evaluations:sheets", args=[registration.pk])
    before = staff_client.get(url).content.decode()
    assert "Điểm của các thành viên sẽ hiện sau khi bạn nộp phiếu của mình cho hồ sơ này." in before
    assert "97,5" not in before
    assert not may_see_others_scores(staff_user, council, registration.pk)

    fill(staff_seat, registration, GOOD_MODEL)
    after = staff_client.get(url).content.decode()
    assert "97,5" in after
    assert may_see_others_scores(staff_user, council, registration.pk)


def test_staff_seated_on_the_council_see_the_live_table_row_only_after_their_own_sheet(
    staff_client, council, members, staff_seat, registration
):
    for member in members:
        fill(member, registration, FULL_MODEL)
    url = reverse("evaluations:results", args=[council.campaign_id])
    hidden = "Nộp phiếu của mình cho hồ sơ này để xem điểm."
    before = staff_client.get(url).content.decode()
    assert hidden in before and "100,00" not in before
    fill(staff_seat, registration, FULL_MODEL)
    after = staff_client.get(url).content.decode()
    assert hidden not in after and "100,00" in after


def test_staff_seated_on_the_council_cannot_export_the_scores_before_their_own(
    staff_client, council, members, staff_seat, registration
):
    url = reverse("evaluations:export_matrix", args=[council.campaign_id])
    assert staff_client.get(url).status_code == 404
    fill(staff_seat, registration, GOOD_MODEL)
    assert staff_client.get(url).status_code == 200


def test_staff_not_seated_still_read_every_sheet(staff_client, council, members, registration, staff_user, staff_seat):
    services.remove_member(staff_seat, by=staff_user)
    fill(members[1], registration, [19.5, 19.5, 24.5, 14.5, 19.5])
    assert "97,5" in staff_client.get(reverse("evaluations:sheets", args=[registration.pk])).content.decode()


def test_a_focal_point_seated_without_a_unit_is_recused_from_their_units_registrations(
    council, focal_user, staff_user, unit, other_unit, members, make_nominated
):
    seat = services.add_member(council, user=focal_user, position=CouncilMember.Position.MEMBER, by=staff_user)
    assert seat.unit_id is None
    own = make_nominated(unit)
    other = make_nominated(other_unit)
    mine = Assignment.objects.get(member=seat, registration=own)
    assert (mine.recusal, mine.recusal_reason) == (Assignment.Recusal.AUTOMATIC, f"Thành viên thuộc đơn vị đăng ký ({unit.name}).")
    assert Assignment.objects.get(member=seat, registration=other).recusal == Assignment.Recusal.NONE
    assert AuditEntry.objects.filter(action="assignment.recused", object_id=str(mine.pk)).count() == 1
    with pytest.raises(services.NotAllowed):
        fill(seat, own, GOOD_MODEL)


def test_a_focal_point_seated_after_nomination_is_recused_from_their_units_registrations(
    council, focal_user, staff_user, unit, members, make_nominated
):
    own = make_nominated(unit)
    seat = services.add_member(council, user=focal_user, position=CouncilMember.Position.MEMBER, by=staff_user)
    assert Assignment.objects.get(member=seat, registration=own).recusal == Assignment.Recusal.AUTOMATIC


def test_choosing_a_unit_for_a_focal_points_seat_keeps_the_recusal_from_their_own(
    council, focal_user, staff_user, unit, other_unit, mttq, members, make_nominated
):
    seat = services.add_member(council, user=focal_user, position=CouncilMember.Position.MEMBER, by=staff_user)
    own = make_nominated(unit)
    services.update_member(seat, position=seat.position, represents="MTTQ", unit=mttq, by=staff_user)
    assert Assignment.objects.get(member=seat, registration=own).recusal == Assignment.Recusal.AUTOMATIC
