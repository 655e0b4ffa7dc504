"""The council: created with its defaults, settings and window, members and positions."""

import datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from campaign.models import Deadline
from evaluations import selectors, services
from evaluations.models import Council, CouncilMember
from tests.evaluations.conftest import fill
from tests.factories import DeadlineFactory, UserFactory


def test_a_council_is_created_once_with_default_settings(campaign, staff_user):
    council = services.ensure_council(campaign, by=staff_user)
    assert services.ensure_council(campaign, by=staff_user) == council
    assert (council.score_method, council.quorum_fraction, council.disagreement_spread) == (
        "mean",
        Fraction(2, 3),
        Decimal("15.0"),
    )
    assert AuditEntry.objects.filter(action="council.created").count() == 1


def test_the_window_closes_at_the_end_of_the_scoring_deadline_unless_set(campaign, council, staff_user):
    assert selectors.scoring_window(council).closes_at is None
    DeadlineFactory(campaign=campaign, kind=Deadline.Kind.SCORING, due_date=datetime.date(2020, 11, 30))
    window = selectors.scoring_window(council)
    assert window.closes_at == datetime.datetime(2020, 12, 1, tzinfo=timezone.get_default_timezone())
    assert window.follows_deadline
    closes = timezone.now() + datetime.timedelta(days=30)
    services.update_council(council, by=staff_user, changes={"closes_at": closes})
    assert selectors.scoring_window(Council.objects.get(pk=council.pk)).closes_at == closes


def test_the_window_must_close_after_it_opens(council, staff_user):
    now = timezone.now()
    with pytest.raises(services.TransitionNotAllowed):
        services.update_council(council, by=staff_user, changes={"opens_at": now, "closes_at": now - datetime.timedelta(hours=1)})


def test_settings_changes_are_audited_and_staff_only(council, staff_user, chair):
    services.update_council(council, by=staff_user, changes={"score_method": "trimmed_mean", "quorum_fraction": Fraction(1, 2)})
    entry = AuditEntry.objects.get(action="council.settings_changed")
    assert entry.before == {"score_method": "mean", "quorum_fraction": "2/3"}
    assert entry.after == {"score_method": "trimmed_mean", "quorum_fraction": "1/2"}
    with pytest.raises(services.NotAllowed):
        services.update_council(council, by=chair.user, changes={"score_method": "mean"})


def test_a_council_has_one_chair(council, chair, staff_user):
    with pytest.raises(services.TransitionNotAllowed):
        services.add_member(council, user=UserFactory(), position=CouncilMember.Position.CHAIR, by=staff_user)


def test_a_member_who_scored_cannot_be_removed(council, members, staff_user, make_nominated):
    registration = make_nominated()
    fill(members[0], registration, [10, None, None, None, None], submit=False)
    with pytest.raises(services.TransitionNotAllowed):
        services.remove_member(members[0], by=staff_user)
    services.remove_member(members[1], by=staff_user)
    assert not CouncilMember.objects.filter(pk=members[1].pk).exists()


def test_changing_a_members_unit_moves_the_automatic_recusal(council, members, staff_user, make_nominated, mttq, unit):
    from evaluations.models import Assignment

    registration = make_nominated(mttq)
    services.update_member(members[2], position="member", represents="UBMTTQ huyện", unit=mttq, by=staff_user)
    assignment = Assignment.objects.get(member=members[2], registration=registration)
    assert assignment.recusal == Assignment.Recusal.AUTOMATIC
    services.update_member(members[2], position="member", represents="UBMTTQ huyện", unit=None, by=staff_user)
    assignment.refresh_from_db()
    assert not assignment.is_recused
    assert AuditEntry.objects.filter(action="assignment.recusal_lifted").count() == 1


def test_council_page_saves_settings_with_a_decimal_comma(staff_client, campaign, council):
    url = reverse("evaluations:council", args=[campaign.pk])
    assert staff_client.get(url).status_code == 200
    data = {
        "action": "settings",
        "name": "Hội đồng thẩm định 2020",
        "opens_at": "2020-11-01T08:00",
        "closes_at": "",
        "score_method": "trimmed_mean",
        "quorum_fraction": "3/4",
        "disagreement_spread": "12,5",
        "vote_pass_fraction": "1/2",
        "vote_quorum_fraction": "2/3",
    }
    response = staff_client.post(url, data, follow=True)
    assert "Đã lưu thiết lập của Hội đồng." in response.content.decode()
    council.refresh_from_db()
    assert (council.score_method, council.disagreement_spread) == ("trimmed_mean", Decimal("12.5"))
    assert (council.quorum_fraction, council.vote_pass_fraction) == (Fraction(3, 4), Fraction(1, 2))
    assert timezone.localtime(council.opens_at).strftime("%d/%m/%Y %H:%M") == "01/11/2020 08:00"


def test_council_page_refuses_a_bad_fraction_and_keeps_the_input(staff_client, campaign, council):
    data = {
        "action": "settings",
        "name": "Tên đang gõ",
        "score_method": "mean",
        "quorum_fraction": "3/2",
        "disagreement_spread": "15",
        "vote_pass_fraction": "1/2",
        "vote_quorum_fraction": "2/3",
    }
    response = staff_client.post(reverse("evaluations:council", args=[campaign.pk]), data)
    assert response.status_code == 200
    assert 'value="Tên đang gõ"' in response.content.decode()
    council.refresh_from_db()
    assert council.name != "Tên đang gõ"


def test_council_page_adds_a_member_who_has_no_unit(staff_client, campaign, council):
    outsider = UserFactory(username="thamdinh9", full_name="Trần Văn Chín")
    response = staff_client.post(
        reverse("evaluations:council", args=[campaign.pk]),
        {
            "action": "add_member",
            "user": outsider.pk,
            "position": "secretary",
            "represents": "Văn phòng điều phối NTM huyện",
            "unit": "",
        },
        follow=True,
    )
    assert "Đã thêm Trần Văn Chín vào Hội đồng." in response.content.decode()
    assert CouncilMember.objects.get(user=outsider).position == "secretary"


def test_council_pages_are_404_outside_the_district(client, campaign, council, other_district):
    from tests.factories import MembershipFactory

    stranger = UserFactory(username="bdv-lacduong")
    MembershipFactory(user=stranger, unit=other_district, role="district_staff")
    client.force_login(stranger)
    for name in ("council", "criteria", "nominate", "assignments", "results", "export_matrix", "export_results"):
        assert client.get(reverse(f"evaluations:{name}", args=[campaign.pk])).status_code == 404, name


def test_staff_home_shows_progress_of_each_member(staff_client, campaign, council, members, make_nominated):
    registration = make_nominated()
    fill(members[0], registration, [20, 20, 25, 15, 20])
    body = staff_client.get(reverse("evaluations:home")).content.decode()
    assert council.name in body
    assert "Thamdinh1" in body and "1 / 1" in body and "0 / 1" in body


def test_home_sends_a_council_member_to_the_queue(client, members):
    client.force_login(members[0].user)
    response = client.get(reverse("evaluations:home"))
    assert response.status_code == 302 and response["Location"] == reverse("evaluations:queue")


def test_a_second_seat_is_refused(council, members, staff_user):
    with pytest.raises(services.TransitionNotAllowed):
        services.add_member(council, user=members[0].user, position="member", by=staff_user)


def test_seat_lookup_helpers(council, chair, members):
    assert selectors.is_chair(chair.user, council)
    assert not selectors.is_chair(members[0].user, council)
    assert selectors.has_council_seat(members[0].user)
    assert selectors.seat_on(members[0].user, council) == members[0]
