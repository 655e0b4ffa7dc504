"""Finding 6 of the outside attack: while the chair still owes their own sheet on a
registration, the results table gives the chair no way to read that row's rank."""

import re

from django.urls import reverse

from evaluations import result_tables
from tests.evaluations.conftest import fill

RANK_CELL = re.compile(r'<tr data-registration="\d+">\s*<td class="fw-semibold">(.*?)</td>')


def test_the_row_the_chair_still_owes_has_no_rank_goes_last_and_the_others_rank_without_a_gap(
    client, campaign, council, chair, members, make_nominated
):
    registrations = [make_nominated() for _ in range(7)]
    for place, registration in enumerate(registrations):
        for member in members:
            fill(member, registration, [20, 20, 25, 15, 20 - place])
        if place != 5:  # the chair has not scored the sixth best yet
            fill(chair, registration, [20, 20, 25, 15, 20 - place])

    table = result_tables.results_table(council, viewer=chair.user)
    assert [(row.registration.pk, row.hidden, row.outcome.rank) for row in table.rows] == [
        *[(registration.pk, False, rank) for rank, registration in enumerate(registrations[:5] + registrations[6:], start=1)],
        (registrations[5].pk, True, None),
    ]
    client.force_login(chair.user)
    body = client.get(reverse("evaluations:results", args=[campaign.pk])).content.decode()
    assert RANK_CELL.findall(body) == ["1", "2", "3", "4", "5", "6", "—"]
    # Staff, who score nothing, still see the full ranking.
    assert [row.outcome.rank for row in result_tables.results_table(council).rows] == [1, 2, 3, 4, 5, 6, 7]
