"""Who sees which part of the catalogue: a unit its own, the district all of its units',
nobody another district's; another unit's model answers 404 on every page."""

import pytest
from django.urls import reverse

from models.models import DvkModel
from models.selectors import models_visible_to
from tests.factories import DvkModelFactory, UnitFactory, UserFactory


def _names(response):
    return [model.name for model in response.context["dvk_models"]]


def test_focal_point_list_shows_only_own_units_models(focal_client, kado_model, kado_exemplar, thanhmy_model):
    response = focal_client.get(reverse("models:list"))
    assert response.status_code == 200
    assert _names(response) == ["Chi hội phụ nữ giúp nhau phát triển kinh tế", "Người có uy tín tiêu biểu trong đồng bào K'Ho"]
    assert "Tổ tự quản an ninh trật tự thôn" not in response.content.decode()


@pytest.mark.parametrize("name", ["models:detail", "models:edit"])
def test_another_units_model_page_is_404_for_a_focal_point(focal_client, thanhmy_model, name):
    response = focal_client.get(reverse(name, kwargs={"pk": thanhmy_model.pk}))
    assert response.status_code == 404


def test_another_units_model_edit_post_is_404_and_changes_nothing(focal_client, thanhmy_model):
    response = focal_client.post(
        reverse("models:edit", kwargs={"pk": thanhmy_model.pk}),
        {"name": "Đổi tên trái phép", "kind": "model", "field": "economy"},
    )
    assert response.status_code == 404
    thanhmy_model.refresh_from_db()
    assert thanhmy_model.name == "Tổ tự quản an ninh trật tự thôn"


def test_thanhmy_cannot_open_kado_model(other_focal_client, kado_model):
    response = other_focal_client.get(reverse("models:detail", kwargs={"pk": kado_model.pk}))
    assert response.status_code == 404


def test_staff_sees_every_unit_of_their_district_but_not_another_district(
    staff_client, kado_model, thanhmy_model, other_district_model
):
    response = staff_client.get(reverse("models:list"))
    assert sorted(_names(response)) == sorted(["Chi hội phụ nữ giúp nhau phát triển kinh tế", "Tổ tự quản an ninh trật tự thôn"])
    assert staff_client.get(reverse("models:detail", kwargs={"pk": thanhmy_model.pk})).status_code == 200
    assert staff_client.get(reverse("models:detail", kwargs={"pk": other_district_model.pk})).status_code == 404


def test_viewer_reads_district_models(viewer_client, kado_model, other_district_model):
    response = viewer_client.get(reverse("models:list"))
    assert _names(response) == ["Chi hội phụ nữ giúp nhau phát triển kinh tế"]
    assert viewer_client.get(reverse("models:detail", kwargs={"pk": kado_model.pk})).status_code == 200


def test_staff_may_read_but_not_edit_a_units_model(staff_client, kado_model):
    response = staff_client.get(reverse("models:edit", kwargs={"pk": kado_model.pk}))
    assert response.status_code == 403
    detail = staff_client.get(reverse("models:detail", kwargs={"pk": kado_model.pk}))
    assert reverse("models:edit", kwargs={"pk": kado_model.pk}) not in detail.content.decode()


def test_user_without_a_unit_sees_no_model(client, kado_model):
    client.force_login(UserFactory(username="khach"))
    response = client.get(reverse("models:list"))
    assert response.status_code == 200
    assert _names(response) == []
    assert client.get(reverse("models:detail", kwargs={"pk": kado_model.pk})).status_code == 404


def test_anonymous_visitor_is_sent_to_login(client, kado_model):
    response = client.get(reverse("models:detail", kwargs={"pk": kado_model.pk}))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_selector_returns_nothing_for_anonymous_user(kado_model):
    from django.contrib.auth.models import AnonymousUser

    assert list(models_visible_to(AnonymousUser())) == []


def test_staff_filters_by_field_kind_and_unit(staff_client, kado_model, kado_exemplar, thanhmy_model):
    url = reverse("models:list")
    assert _names(staff_client.get(url, {"field": "defence_security"})) == ["Tổ tự quản an ninh trật tự thôn"]
    assert _names(staff_client.get(url, {"kind": "exemplar"})) == ["Người có uy tín tiêu biểu trong đồng bào K'Ho"]
    by_unit = staff_client.get(url, {"unit": kado_model.unit_id})
    assert _names(by_unit) == ["Chi hội phụ nữ giúp nhau phát triển kinh tế", "Người có uy tín tiêu biểu trong đồng bào K'Ho"]
    assert _names(staff_client.get(url, {"q": "K'Brơi"})) == ["Người có uy tín tiêu biểu trong đồng bào K'Ho"]


def test_unit_filter_does_not_offer_another_districts_units(staff_client, other_district_model):
    response = staff_client.get(reverse("models:list"), {"unit": other_district_model.unit_id})
    assert _names(response) == []
    assert "Xã Đạ Sar" not in response.content.decode()


def test_list_is_paginated(focal_client, unit):
    DvkModelFactory.create_batch(25, unit=unit)
    first = focal_client.get(reverse("models:list"))
    second = focal_client.get(reverse("models:list"), {"page": 2})
    assert len(first.context["dvk_models"]) == 20
    assert len(second.context["dvk_models"]) == 5


def _fill_district(district, count):
    units = [UnitFactory(kind="commune", parent=district) for _ in range(3)]
    for index in range(count):
        source = DvkModel.objects.filter(unit__parent=district).first()
        DvkModelFactory(unit=units[index % 3], replicates=source)


def test_staff_list_query_count_does_not_grow(staff_client, district, django_assert_max_num_queries):
    _fill_district(district, 3)
    with django_assert_max_num_queries(8) as small:
        assert staff_client.get(reverse("models:list")).status_code == 200
    _fill_district(district, 30)
    with django_assert_max_num_queries(8) as large:
        assert staff_client.get(reverse("models:list")).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_focal_list_query_count_does_not_grow(focal_client, unit, django_assert_max_num_queries):
    DvkModelFactory.create_batch(3, unit=unit)
    with django_assert_max_num_queries(7) as small:
        focal_client.get(reverse("models:list"))
    DvkModelFactory.create_batch(30, unit=unit)
    with django_assert_max_num_queries(7) as large:
        focal_client.get(reverse("models:list"))
    assert len(large.captured_queries) == len(small.captured_queries)
