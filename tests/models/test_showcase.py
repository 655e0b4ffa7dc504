"""The public showcase: published models only, no login, and an exemplar shows only the
person's name, position and unit."""

from django.urls import reverse

from tests.factories import DvkModelFactory, PublishedExemplarFactory, PublishedModelFactory, UnitFactory


def _names(response):
    return [entry.name for entry in response.context["entries"]]


def test_anonymous_visitor_sees_published_models_only(client, unit, other_unit):
    PublishedModelFactory(unit=unit, name="Chi hội phụ nữ giúp nhau phát triển kinh tế")
    DvkModelFactory(unit=other_unit, name="Mô hình đang xây dựng", recognised_in_year=2019)
    response = client.get(reverse("showcase:index"))
    assert response.status_code == 200
    assert _names(response) == ["Chi hội phụ nữ giúp nhau phát triển kinh tế"]
    assert "Mô hình đang xây dựng" not in response.content.decode()


def test_unpublished_model_detail_is_404_for_the_public(client, kado_model):
    assert client.get(reverse("showcase:detail", kwargs={"pk": kado_model.pk})).status_code == 404


def test_exemplar_shows_name_position_unit_but_never_birth_year_or_private_details(client, unit):
    exemplar = PublishedExemplarFactory(
        unit=unit,
        name="Già làng, người có uy tín vận động đồng bào xóa bỏ hủ tục",
        person_name="Ya Tơ",
        person_birth_year=1950,
        person_position="Già làng thôn Pró Trong",
        address="Nhà số 12, thôn Pró Trong",
        description="Gia đình có sáu người con, sống nhờ hai sào cà phê.",
    )
    for url in (reverse("showcase:index"), reverse("showcase:detail", kwargs={"pk": exemplar.pk})):
        content = client.get(url).content.decode()
        assert "Ya Tơ" in content
        assert "Già làng thôn Pró Trong" in content
        assert "Xã Ka Đô" in content
        assert "1950" not in content
        assert "Nhà số 12" not in content
        assert "sáu người con" not in content


def test_model_detail_shows_address_and_description(client, unit):
    model = PublishedModelFactory(unit=unit, address="Thôn Ka Đô Cũ", description="Tổ tiết kiệm xoay vòng của chị em K'Ho.")
    content = client.get(reverse("showcase:detail", kwargs={"pk": model.pk})).content.decode()
    assert "Thôn Ka Đô Cũ" in content
    assert "Tổ tiết kiệm xoay vòng của chị em K&#x27;Ho." in content


def test_search_matches_name_description_address_and_unit(client, unit, other_unit):
    PublishedModelFactory(unit=unit, name="Chi hội phụ nữ giúp nhau", description="Tiết kiệm xoay vòng", address="Thôn Ka Đô Cũ")
    PublishedModelFactory(
        unit=other_unit, name="Tổ tự quản an ninh trật tự thôn", description="Tuần tra ban đêm", address="Thôn Đường Mới"
    )
    url = reverse("showcase:index")
    assert _names(client.get(url, {"q": "phụ nữ"})) == ["Chi hội phụ nữ giúp nhau"]
    assert _names(client.get(url, {"q": "Tuần tra"})) == ["Tổ tự quản an ninh trật tự thôn"]
    assert _names(client.get(url, {"q": "Đường Mới"})) == ["Tổ tự quản an ninh trật tự thôn"]
    assert _names(client.get(url, {"q": "Thạnh Mỹ"})) == ["Tổ tự quản an ninh trật tự thôn"]
    assert _names(client.get(url, {"q": "không có gì như thế"})) == []


def test_search_does_not_reveal_an_exemplars_hidden_address(client, unit):
    PublishedExemplarFactory(unit=unit, name="Già làng tiêu biểu", address="Nhà số 12, thôn Pró Trong", person_name="Ya Tơ")
    url = reverse("showcase:index")
    assert _names(client.get(url, {"q": "Nhà số 12"})) == []
    assert _names(client.get(url, {"q": "Ya Tơ"})) == ["Già làng tiêu biểu"]


def test_field_filter(client, unit):
    PublishedModelFactory(unit=unit, name="Kinh tế hộ", field="economy")
    PublishedModelFactory(unit=unit, name="Tổ tự quản", field="defence_security")
    url = reverse("showcase:index")
    assert _names(client.get(url, {"field": "economy"})) == ["Kinh tế hộ"]
    assert sorted(_names(client.get(url, {"field": "khong-co"}))) == ["Kinh tế hộ", "Tổ tự quản"]
    content = client.get(url, {"field": "economy"}).content.decode()
    assert '<option value="economy" selected>' in content


def test_showcase_is_paginated_keeping_the_search(client, unit):
    PublishedModelFactory.create_batch(15, unit=unit, field="economy")
    response = client.get(reverse("showcase:index"), {"field": "economy"})
    assert len(response.context["entries"]) == 12
    assert "?field=economy&amp;page=2" in response.content.decode()
    assert len(client.get(reverse("showcase:index"), {"field": "economy", "page": 2}).context["entries"]) == 3


def _publish_across_units(count):
    units = [UnitFactory(kind="commune") for _ in range(3)]
    for index in range(count):
        factory = PublishedExemplarFactory if index % 2 else PublishedModelFactory
        factory(unit=units[index % 3])


def test_showcase_query_count_does_not_grow(client, db, django_assert_max_num_queries):
    _publish_across_units(3)
    with django_assert_max_num_queries(2) as small:
        assert client.get(reverse("showcase:index")).status_code == 200
    _publish_across_units(30)
    with django_assert_max_num_queries(2) as large:
        assert client.get(reverse("showcase:index")).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)
