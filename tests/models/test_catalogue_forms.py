"""A unit adds and edits its own models and exemplars; bad input gets a Vietnamese
error and keeps what was typed."""

import pytest
from django.urls import NoReverseMatch, reverse

from audit.models import AuditEntry
from models.models import DvkModel
from tests.factories import DvkModelFactory, MembershipFactory, UnitFactory

NEW_MODEL = {
    "name": "Vận động nhân dân hiến đất mở rộng đường giao thông nông thôn",
    "kind": "model",
    "field": "new_rural",
    "address": "Thôn Ka Đô Mới",
    "started_on": "2020-03-15",
    "description": "Họp dân, công khai quy hoạch, vận động hiến đất.",
    "is_ethnic_minority_area": "on",
}


def test_focal_point_creates_a_model_and_lands_on_its_page(focal_client, focal_user, unit):
    response = focal_client.post(reverse("models:create"), NEW_MODEL)
    model = DvkModel.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("models:detail", kwargs={"pk": model.pk})
    assert (model.unit, model.name, model.kind, model.field) == (unit, NEW_MODEL["name"], "model", "new_rural")
    assert model.started_on.isoformat() == "2020-03-15"
    assert model.is_ethnic_minority_area is True and model.is_religious_area is False
    assert model.created_by == focal_user
    entry = AuditEntry.objects.get(action="dvk_model.created")
    assert entry.actor == focal_user and entry.object_id == str(model.pk)
    assert entry.after["name"] == NEW_MODEL["name"]


def test_create_form_uses_model_field_names_as_ids(focal_client):
    content = focal_client.get(reverse("models:create")).content.decode()
    for name in (
        "name",
        "kind",
        "field",
        "address",
        "started_on",
        "description",
        "person_name",
        "person_birth_year",
        "person_position",
        "replicates",
        "is_ethnic_minority_area",
        "is_religious_area",
    ):
        assert f'id="id_{name}"' in content
    # A unit with one focal unit is not asked which unit.
    assert 'id="id_unit"' not in content


def test_exemplar_without_person_name_is_refused_and_keeps_typed_values(focal_client):
    data = {
        **NEW_MODEL,
        "kind": "exemplar",
        "name": "Già làng tiêu biểu",
        "person_position": "Già làng thôn Ka Đô Cũ",
        "person_birth_year": "1956",
    }
    response = focal_client.post(reverse("models:create"), data)
    assert response.status_code == 200
    assert DvkModel.objects.count() == 0
    form = response.context["form"]
    assert form.errors["person_name"] == ["Điển hình cá nhân phải có họ tên người được giới thiệu."]
    content = response.content.decode()
    assert 'value="Già làng tiêu biểu"' in content
    assert 'value="Già làng thôn Ka Đô Cũ"' in content
    assert 'value="1956"' in content


def test_exemplar_without_position_is_refused(focal_client):
    data = {**NEW_MODEL, "kind": "exemplar", "person_name": "K'Brơi"}
    response = focal_client.post(reverse("models:create"), data)
    assert response.context["form"].errors["person_position"] == [
        "Điển hình cá nhân phải có chức vụ, nghề nghiệp của người được giới thiệu."
    ]


@pytest.mark.parametrize("year", ["1900", "2999"])
def test_exemplar_birth_year_out_of_range_is_refused(focal_client, year):
    data = {**NEW_MODEL, "kind": "exemplar", "person_name": "K'Brơi", "person_position": "Già làng", "person_birth_year": year}
    response = focal_client.post(reverse("models:create"), data)
    assert response.status_code == 200
    [error] = response.context["form"].errors["person_birth_year"]
    assert error.startswith("Năm sinh phải từ 1920 đến ")
    assert DvkModel.objects.count() == 0


def test_collective_model_drops_person_details_typed_by_mistake(focal_client):
    data = {**NEW_MODEL, "person_name": "Ai đó", "person_birth_year": "1800", "person_position": "Trưởng thôn"}
    response = focal_client.post(reverse("models:create"), data)
    assert response.status_code == 302
    model = DvkModel.objects.get()
    assert (model.person_name, model.person_birth_year, model.person_position) == ("", None, "")


def test_exemplar_is_created_with_person_details(focal_client):
    data = {
        **NEW_MODEL,
        "kind": "exemplar",
        "name": "Già làng vận động xóa bỏ hủ tục",
        "field": "culture_society",
        "person_name": "K'Brơi",
        "person_birth_year": "1956",
        "person_position": "Già làng thôn Ka Đô Cũ",
    }
    focal_client.post(reverse("models:create"), data)
    model = DvkModel.objects.get()
    assert (model.kind, model.person_name, model.person_birth_year, model.person_position) == (
        "exemplar",
        "K'Brơi",
        1956,
        "Già làng thôn Ka Đô Cũ",
    )


def test_model_can_replicate_a_model_of_another_unit_in_the_district(focal_client, thanhmy_model, other_district_model):
    form = focal_client.get(reverse("models:create")).context["form"]
    assert list(form.fields["replicates"].queryset) == [thanhmy_model]
    response = focal_client.post(reverse("models:create"), {**NEW_MODEL, "replicates": thanhmy_model.pk})
    assert response.status_code == 302
    assert DvkModel.objects.get(unit__code="DD-KADO").replicates == thanhmy_model


def test_replicating_another_districts_model_is_refused(focal_client, other_district_model):
    response = focal_client.post(reverse("models:create"), {**NEW_MODEL, "replicates": other_district_model.pk})
    assert response.status_code == 200
    assert "replicates" in response.context["form"].errors
    assert not DvkModel.objects.filter(unit__code="DD-KADO").exists()


def test_focal_point_of_two_units_chooses_the_unit(client, focal_user, unit, other_district):
    second = UnitFactory(kind="organisation", name="Hội Nông dân huyện", code="DD-HND", parent=unit.parent)
    MembershipFactory(user=focal_user, unit=second, role="focal_point")
    foreign = UnitFactory(kind="commune", name="Xã Đạ Sar", code="LDU-DASAR", parent=other_district)
    client.force_login(focal_user)
    form = client.get(reverse("models:create")).context["form"]
    assert list(form.fields["unit"].queryset) == [second, unit]
    refused = client.post(reverse("models:create"), {**NEW_MODEL, "unit": foreign.pk})
    assert "unit" in refused.context["form"].errors
    client.post(reverse("models:create"), {**NEW_MODEL, "unit": second.pk})
    assert DvkModel.objects.get().unit == second


def test_staff_cannot_add_to_a_units_catalogue(staff_client):
    assert staff_client.get(reverse("models:create")).status_code == 403
    assert staff_client.post(reverse("models:create"), NEW_MODEL).status_code == 403
    assert DvkModel.objects.count() == 0


def test_focal_point_edits_own_model_and_the_change_is_audited(focal_client, focal_user, kado_model):
    url = reverse("models:edit", kwargs={"pk": kado_model.pk})
    form = focal_client.get(url).context["form"]
    data = {
        **NEW_MODEL,
        "name": "Chi hội phụ nữ K'Ho giúp nhau phát triển kinh tế",
        "field": "economy",
        "version": form.initial["version"],
    }
    response = focal_client.post(url, data)
    assert response.status_code == 302
    kado_model.refresh_from_db()
    assert kado_model.name == "Chi hội phụ nữ K'Ho giúp nhau phát triển kinh tế"
    entry = AuditEntry.objects.get(action="dvk_model.updated")
    assert entry.actor == focal_user
    assert entry.before["name"] == "Chi hội phụ nữ giúp nhau phát triển kinh tế"
    assert entry.after["name"] == "Chi hội phụ nữ K'Ho giúp nhau phát triển kinh tế"


def test_stale_edit_is_refused_and_keeps_typed_values(focal_client, kado_model):
    url = reverse("models:edit", kwargs={"pk": kado_model.pk})
    version = focal_client.get(url).context["form"].initial["version"]
    first = {**NEW_MODEL, "name": "Bản lưu thứ nhất", "field": "economy", "version": version}
    assert focal_client.post(url, first).status_code == 302
    second = {**NEW_MODEL, "name": "Bản lưu thứ hai", "field": "economy", "version": version}
    response = focal_client.post(url, second)
    assert response.status_code == 200
    assert "vừa được người khác cập nhật" in response.content.decode()
    assert 'value="Bản lưu thứ hai"' in response.content.decode()
    kado_model.refresh_from_db()
    assert kado_model.name == "Bản lưu thứ nhất"


def test_edit_does_not_move_a_model_to_another_unit(focal_client, kado_model, other_unit):
    url = reverse("models:edit", kwargs={"pk": kado_model.pk})
    focal_client.post(url, {**NEW_MODEL, "unit": other_unit.pk})
    kado_model.refresh_from_db()
    assert kado_model.unit.code == "DD-KADO"


def test_detail_offers_registration_link_when_registrations_exist(focal_client, kado_model):
    content = focal_client.get(reverse("models:detail", kwargs={"pk": kado_model.pk})).content.decode()
    try:
        registration_url = reverse("registrations:create")
    except NoReverseMatch:
        assert 'id="register-model"' not in content
    else:
        assert f'href="{registration_url}?model={kado_model.pk}"' in content
        assert "Đăng ký thi đua" in content


def test_detail_lists_replications(focal_client, kado_model, other_unit):
    DvkModelFactory(unit=other_unit, name="Nhân rộng tại Thạnh Mỹ", replicates=kado_model)
    content = focal_client.get(reverse("models:detail", kwargs={"pk": kado_model.pk})).content.decode()
    assert "Nhân rộng tại Thạnh Mỹ (Thị trấn Thạnh Mỹ)" in content


def test_double_submit_does_not_add_the_same_model_twice(focal_client):
    assert focal_client.post(reverse("models:create"), NEW_MODEL).status_code == 302
    again = focal_client.post(reverse("models:create"), NEW_MODEL)
    assert again.status_code == 200
    assert again.context["form"].non_field_errors() == ["Đơn vị đã có mô hình, điển hình mang tên này."]
    assert DvkModel.objects.count() == 1


def test_a_name_over_150_characters_is_refused_with_the_limit_and_the_box_counts(db, unit):
    from models.forms import DvkModelForm

    form = DvkModelForm(data={**NEW_MODEL, "name": "M" * 151}, units=[unit])
    assert not form.is_valid()
    assert form.errors["name"] == ["Tên dài tối đa 150 ký tự; tên đang nhập có 151 ký tự."]
    attrs = form.fields["name"].widget.attrs
    assert (attrs["maxlength"], "data-counter" in attrs) == (150, True)
