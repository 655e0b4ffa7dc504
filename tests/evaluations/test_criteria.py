"""Criteria sets: DESIGN §4 defaults for a new campaign, edits until the first score
is saved, and never after."""

from decimal import Decimal

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from evaluations import services
from evaluations.models import CriteriaSet, Criterion
from tests.evaluations.conftest import fill


def rows_of(criteria_set):
    rows = [
        services.CriterionRow(pk=c.pk, order=c.order, name=c.name, guidance=c.guidance, max_points=c.max_points)
        for c in criteria_set.criteria.all()
    ]
    return rows


def test_a_new_campaign_gets_the_default_criteria_of_both_kinds(council, campaign):
    sets = {s.kind: s for s in CriteriaSet.objects.filter(campaign=campaign)}
    model_points = [c.max_points for c in sets["model"].criteria.all()]
    exemplar_points = [c.max_points for c in sets["exemplar"].criteria.all()]
    assert model_points == [Decimal(20), Decimal(20), Decimal(25), Decimal(15), Decimal(20)]
    assert exemplar_points == [Decimal(20), Decimal(30), Decimal(25), Decimal(25)]
    assert sum(model_points) == sum(exemplar_points) == 100
    assert sets["model"].criteria.first().name.startswith("Phù hợp chủ trương của Đảng")


def test_default_criteria_are_created_once(council, campaign):
    services.ensure_default_criteria(campaign)
    services.ensure_default_criteria(campaign)
    assert Criterion.objects.filter(criteria_set__campaign=campaign).count() == 9


def test_staff_edit_criteria_before_any_score(council, campaign, staff_user):
    criteria_set = CriteriaSet.objects.get(campaign=campaign, kind="model")
    rows = rows_of(criteria_set)
    rows[0] = services.CriterionRow(pk=rows[0].pk, order=1, name="Đúng chủ trương", guidance="", max_points=Decimal("15"))
    rows[3] = services.CriterionRow(pk=rows[3].pk, order=4, name=rows[3].name, guidance="", max_points=Decimal("15"), delete=True)
    rows.append(services.CriterionRow(pk=None, order=6, name="Ứng dụng công nghệ", guidance="", max_points=Decimal("20")))
    services.save_criteria(criteria_set, name="Bộ tiêu chí 2020", rows=rows, by=staff_user)
    criteria_set.refresh_from_db()
    assert criteria_set.name == "Bộ tiêu chí 2020"
    assert [(c.name[:16], c.max_points) for c in criteria_set.criteria.all()][0] == ("Đúng chủ trương", Decimal("15"))
    assert criteria_set.criteria.count() == 5
    assert AuditEntry.objects.filter(action="criteria.changed", object_id=str(criteria_set.pk)).count() == 1


def test_editing_criteria_after_the_first_score_is_refused(council, campaign, staff_user, members, make_nominated):
    registration = make_nominated()
    fill(members[0], registration, [15, None, None, None, None], submit=False)
    criteria_set = CriteriaSet.objects.get(campaign=campaign, kind="exemplar")  # even the other kind: the campaign is locked
    with pytest.raises(services.CriteriaLocked) as error:
        services.save_criteria(criteria_set, name="Khác", rows=rows_of(criteria_set), by=staff_user)
    assert "không thể sửa bộ tiêu chí" in error.value.message
    criteria_set.refresh_from_db()
    assert criteria_set.name != "Khác"


def test_an_empty_draft_does_not_lock_the_criteria(council, campaign, staff_user, members, make_nominated):
    registration = make_nominated()
    fill(members[0], registration, [None] * 5, submit=False)
    criteria_set = CriteriaSet.objects.get(campaign=campaign, kind="model")
    services.save_criteria(criteria_set, name="Vẫn sửa được", rows=rows_of(criteria_set), by=staff_user)
    criteria_set.refresh_from_db()
    assert criteria_set.name == "Vẫn sửa được"


def test_criteria_page_after_first_score_is_read_only_and_a_post_is_refused(
    staff_client, council, campaign, members, make_nominated
):
    registration = make_nominated()
    fill(members[0], registration, [15, None, None, None, None], submit=False)
    url = reverse("evaluations:criteria", args=[campaign.pk])
    page = staff_client.get(url)
    assert page.status_code == 200
    assert 'id="criteria-locked"' in page.content.decode()
    assert 'name="kind"' not in page.content.decode()
    criteria_set = CriteriaSet.objects.get(campaign=campaign, kind="model")
    data = {
        "kind": "model",
        "set-model-name": "Sửa sau khi chấm",
        "set-model-criteria-TOTAL_FORMS": "1",
        "set-model-criteria-INITIAL_FORMS": "0",
        "set-model-criteria-0-order": "1",
        "set-model-criteria-0-name": "Một tiêu chí",
        "set-model-criteria-0-max_points": "100",
    }
    response = staff_client.post(url, data, follow=True)
    assert "không thể sửa bộ tiêu chí" in response.content.decode()
    criteria_set.refresh_from_db()
    assert criteria_set.name != "Sửa sau khi chấm"


def test_criteria_form_refuses_a_maximum_not_in_half_points_and_keeps_the_input(staff_client, council, campaign):
    url = reverse("evaluations:criteria", args=[campaign.pk])
    data = {
        "kind": "model",
        "set-model-name": "Tên mới",
        "set-model-criteria-TOTAL_FORMS": "1",
        "set-model-criteria-INITIAL_FORMS": "0",
        "set-model-criteria-0-order": "1",
        "set-model-criteria-0-name": "Tiêu chí gõ dở",
        "set-model-criteria-0-max_points": "12,3",
    }
    response = staff_client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Điểm tối đa phải là bội số của 0,5." in body
    assert 'value="Tiêu chí gõ dở"' in body
    assert CriteriaSet.objects.get(campaign=campaign, kind="model").name != "Tên mới"


def test_criteria_form_saves_with_a_decimal_comma(staff_client, council, campaign):
    criteria_set = CriteriaSet.objects.get(campaign=campaign, kind="exemplar")
    data = {
        "kind": "exemplar",
        "set-exemplar-name": "Điển hình 2020",
        "set-exemplar-criteria-TOTAL_FORMS": "1",
        "set-exemplar-criteria-INITIAL_FORMS": "0",
        "set-exemplar-criteria-0-order": "1",
        "set-exemplar-criteria-0-name": "Một tiêu chí duy nhất",
        "set-exemplar-criteria-0-max_points": "12,5",
    }
    # Existing criteria not posted are left alone; the new one is added.
    response = staff_client.post(reverse("evaluations:criteria", args=[campaign.pk]), data)
    assert response.status_code == 302
    assert criteria_set.criteria.filter(name="Một tiêu chí duy nhất", max_points=Decimal("12.5")).exists()


def test_criteria_page_is_404_for_a_focal_point_and_a_council_member(focal_client, client, council, campaign, members):
    url = reverse("evaluations:criteria", args=[campaign.pk])
    assert focal_client.get(url).status_code == 404
    client.force_login(members[0].user)
    assert client.get(url).status_code == 404
