"""The live results table computed from the database: the tie-break criterion comes
from the campaign's criteria, recused sheets do not count, settings apply."""

from decimal import Decimal

from django.urls import reverse

from campaign import dashboard
from evaluations import dashboard as appraisal_dashboard
from evaluations import result_tables, services
from evaluations.models import Assignment
from tests.evaluations.conftest import fill

# Same total 85, different points on criterion 3 (the heaviest, 25 points).
HEAVY_HIGH = [15, 15, 25, 12, 18]
HEAVY_LOW = [18, 18, 19, 12, 18]


def test_equal_totals_are_ranked_by_the_heaviest_criterion_of_the_campaign(council, chair, members, make_nominated):
    high, low = make_nominated(), make_nominated()
    for member in [chair, *members]:
        fill(member, high, HEAVY_HIGH)
        fill(member, low, HEAVY_LOW)
    rows = {row.registration.pk: row.outcome for row in result_tables.live_results(council).rows}
    assert rows[high.pk].counted_score == rows[low.pk].counted_score == Decimal("85.00")
    assert (rows[high.pk].rank, rows[low.pk].rank) == (1, 2)
    assert "Kết quả kinh tế – xã hội kiểm chứng được" in rows[high.pk].tie_break_note


def test_trimmed_mean_setting_applies_to_the_live_table(council, chair, members, make_nominated, staff_user):
    registration = make_nominated()
    totals = {chair: [20, 20, 25, 15, 20], members[0]: [16, 16, 20, 12, 16], members[1]: [16, 16, 20, 12, 16]}
    totals[members[2]] = [16, 16, 20, 12, 16]
    totals[members[3]] = [6, 6, 8, 4, 6]
    for member, values in totals.items():
        fill(member, registration, values)
    outcome = result_tables.live_results(council).rows[0].outcome
    assert outcome.counted_score == Decimal("74.00")  # (100 + 80·3 + 30) / 5
    assert outcome.has_disagreement is True
    services.update_council(council, by=staff_user, changes={"score_method": "trimmed_mean"})
    council.refresh_from_db()
    assert result_tables.live_results(council).rows[0].outcome.counted_score == Decimal("80.00")


def test_a_member_found_to_belong_to_the_registering_unit_is_recused_and_not_counted(
    council, chair, members, make_nominated, staff_user
):
    registration = make_nominated()
    fill(members[3], registration, [20, None, None, None, None], submit=False)
    services.update_member(members[3], position="member", represents="", unit=registration.unit, by=staff_user)
    assert Assignment.objects.get(member=members[3], registration=registration).recusal == Assignment.Recusal.AUTOMATIC
    for member in [chair, *members[:3]]:
        fill(member, registration, [20, 20, 25, 15, 20])
    outcome = result_tables.live_results(council).rows[0].outcome
    assert (outcome.sheet_count, outcome.eligible_count, outcome.quorum_needed) == (4, 4, 3)


def test_a_submitted_sheet_keeps_its_assignment_when_the_members_unit_changes(
    council, chair, members, make_nominated, staff_user
):
    registration = make_nominated()
    fill(members[3], registration, [20, 20, 25, 15, 20])
    services.update_member(members[3], position="member", represents="", unit=registration.unit, by=staff_user)
    assert Assignment.objects.get(member=members[3], registration=registration).is_recused is False


def test_a_council_member_reads_the_assigned_registration_in_the_registrations_app(client, members, make_nominated, unit):
    registration = make_nominated()
    from tests.evaluations.conftest import accepted_registration

    other = accepted_registration(registration.campaign, unit)
    client.force_login(members[0].user)
    assert client.get(reverse("registrations:detail", args=[registration.pk])).status_code == 200
    assert client.get(reverse("registrations:detail", args=[other.pk])).status_code == 404


def test_dashboard_column_counts_registrations_in_appraisal_per_unit(council, chair, members, make_nominated, unit, other_unit):
    make_nominated(), make_nominated()
    cells = appraisal_dashboard.appraisal_cells(council.campaign, [unit, other_unit])
    assert (cells[unit.pk].text, cells[other_unit.pk].text) == ("2", "—")
    assert any(column.key == "appraisal" for column in dashboard.columns())


def test_a_focal_point_is_told_when_results_are_published(council, chair, members, make_nominated, focal_user, staff_user):
    registration = make_nominated()
    assert appraisal_dashboard.published_results_obligations(focal_user, council.campaign) == []
    for member in [chair, *members]:
        fill(member, registration, [20, 20, 25, 15, 20])
    services.finalise_results(council, by=chair.user)
    services.publish_results(council, by=staff_user)
    obligations = appraisal_dashboard.published_results_obligations(focal_user, council.campaign)
    assert [o.url for o in obligations] == [reverse("evaluations:unit_results")]
