"""Any unit can organise: the unit tree of any depth, campaigns covering units to a
depth, the one "staff of the organiser" predicate, letterhead as data, and the
reorganisation of units (merge, rename, move) with history kept as it was."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from accounts import services
from accounts.exceptions import AccountError
from accounts.models import Membership, Reorganisation, Role, Unit
from accounts.rules import is_staff_of_organiser, organiser_id_of
from accounts.selectors import names_on
from audit.models import AuditEntry
from campaign.models import Campaign
from campaign.selectors import campaigns_visible_to
from models.selectors import models_visible_to
from registrations import services as registration_services
from registrations.selectors import open_campaign_for, registrations_visible_to
from reports.selectors import report_content
from reports.services import create_report
from tests.factories import (
    CampaignFactory,
    DvkModelFactory,
    MembershipFactory,
    RegistrationFactory,
    UnitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
MERGED_ON = datetime.date(2025, 7, 1)


def _staff(unit, username, role=Role.DISTRICT_STAFF):
    user = UserFactory(username=username)
    MembershipFactory(user=user, unit=unit, role=role)
    return user


def _focal(unit, username):
    return _staff(unit, username, Role.FOCAL_POINT)


@pytest.fixture
def province(db):
    return UnitFactory(
        kind=Unit.Kind.PROVINCE,
        code="LD",
        name="Tỉnh Lâm Đồng",
        issuer_parent_line="TỈNH ỦY LÂM ĐỒNG",
        issuer_line="BAN TUYÊN GIÁO VÀ DÂN VẬN",
        number_suffix="BTGDVTU",
        place_name="Lâm Đồng",
        signer_behalf="T/M BAN TUYÊN GIÁO VÀ DÂN VẬN",
    )


@pytest.fixture
def commune(province):
    return UnitFactory(kind=Unit.Kind.COMMUNE, code="LD-KADO", name="Xã Ka Đô", parent=province)


@pytest.fixture
def village(commune):
    return UnitFactory(kind=Unit.Kind.VILLAGE, code="LD-KADO-KDM", name="Thôn Ka Đô Mới", parent=commune)


# The tree -------------------------------------------------------------------------------


def test_paths_and_depths_follow_the_tree_and_a_move_rewrites_the_whole_subtree(province, commune, village):
    assert (province.path, province.depth) == (f"/{province.pk}/", 0)
    assert (commune.path, commune.depth) == (f"/{province.pk}/{commune.pk}/", 1)
    assert village.ancestor_ids == [province.pk, commune.pk]
    other = UnitFactory(kind=Unit.Kind.PROVINCE, code="DN", name="Tỉnh Đồng Nai")
    group = UnitFactory(kind=Unit.Kind.RESIDENTIAL_GROUP, code="TDP1", name="Tổ dân phố 1", parent=village)
    commune.parent = other
    commune.save()
    village.refresh_from_db()
    group.refresh_from_db()
    assert (village.path, village.depth) == (f"/{other.pk}/{commune.pk}/{village.pk}/", 2)
    assert (group.path, group.depth) == (f"/{other.pk}/{commune.pk}/{village.pk}/{group.pk}/", 3)
    assert set(Unit.objects.within([other])) == {other, commune, village, group}
    assert set(Unit.objects.below(commune, 1)) == {village}


def test_a_unit_cannot_be_put_under_its_own_descendant(commune, village):
    commune.parent = village
    with pytest.raises(ValueError):
        commune.save()


# Coverage and the one predicate ---------------------------------------------------------


def test_a_campaign_covers_the_units_below_its_organiser_to_its_depth(province, commune, village):
    one_level = CampaignFactory(owner=province, coverage_depth=1)
    two_levels = CampaignFactory(owner=province, coverage_depth=2)
    assert (one_level.covers(commune), one_level.covers(village), one_level.covers(province)) == (True, False, False)
    assert two_levels.covers(village) is True
    assert set(one_level.participants()) == {commune}
    assert set(two_levels.participants()) == {commune, village}


def test_a_unit_dissolved_before_a_campaign_began_takes_no_part_in_it(province, commune):
    commune.dissolved_on = MERGED_ON
    commune.save()
    before = CampaignFactory(owner=province, year=2020, status="published")
    after = CampaignFactory(owner=province, year=2026, status="published")
    assert (before.covers(commune), after.covers(commune)) == (True, False)
    assert open_campaign_for(commune) == before


def test_staff_of_the_organiser_is_one_answer_for_every_object_of_its_campaign(province, commune):
    campaign = CampaignFactory(owner=province)
    registration = RegistrationFactory(campaign=campaign, unit=commune, model=DvkModelFactory(unit=commune))
    staff, commune_staff = _staff(province, "tinh"), _staff(commune, "dangkado")
    assert [organiser_id_of(obj) for obj in (province, campaign, registration)] == [province.pk] * 3
    assert [is_staff_of_organiser(staff, obj) for obj in (campaign, registration)] == [True, True]
    assert [is_staff_of_organiser(commune_staff, obj) for obj in (campaign, registration)] == [False, False]


def test_a_commune_runs_its_own_campaign_for_its_villages_and_the_province_does_not_see_it(province, commune, village):
    commune_campaign = CampaignFactory(owner=commune, status="published")
    province_campaign = CampaignFactory(owner=province, status="published")
    commune_staff, province_staff = _staff(commune, "dangkado"), _staff(province, "tinh")
    village_focal, commune_focal = _focal(village, "kadomoi"), _focal(commune, "xakado")
    # The commune's staff also read the province's published plan, which covers their commune.
    assert set(campaigns_visible_to(commune_staff)) == {commune_campaign, province_campaign}
    assert commune_staff.has_perm("campaign.manage_campaign", commune_campaign)
    assert not commune_staff.has_perm("campaign.manage_campaign", province_campaign)
    assert set(campaigns_visible_to(province_staff)) == {province_campaign}
    assert set(campaigns_visible_to(village_focal)) == {commune_campaign}
    assert set(campaigns_visible_to(commune_focal)) == {province_campaign}
    assert open_campaign_for(village) == commune_campaign


# Letterhead ------------------------------------------------------------------------------


def test_the_letterhead_is_data_of_the_organiser_and_its_staff_edit_it_audited(province):
    staff = _staff(province, "tinh")
    campaign = CampaignFactory(owner=province)
    assert campaign.letterhead == ("TỈNH ỦY LÂM ĐỒNG", "BAN TUYÊN GIÁO VÀ DÂN VẬN")
    assert campaign.place_name == "Lâm Đồng"
    services.update_letterhead(province, by=staff, issuer_line="Ban Tuyên giáo và Dân vận Tỉnh ủy", place_name="Đà Lạt")
    province.refresh_from_db()
    assert (province.issuer_line, province.place_name) == ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "Đà Lạt")
    entry = AuditEntry.objects.get(action="unit.letterhead_updated")
    assert entry.before == {"issuer_line": "BAN TUYÊN GIÁO VÀ DÂN VẬN", "place_name": "Lâm Đồng"}


def test_a_new_report_takes_its_letterhead_and_number_from_the_organiser(province):
    staff = _staff(province, "tinh")
    report = create_report(CampaignFactory(owner=province), "summary", by=staff)
    assert (report.superior_name, report.issuer_name, report.number) == (
        "TỈNH ỦY LÂM ĐỒNG",
        "BAN TUYÊN GIÁO VÀ DÂN VẬN",
        "-BC/BTGDVTU",
    )
    assert (report.place, report.signer_capacity) == ("Lâm Đồng", "T/M BAN TUYÊN GIÁO VÀ DÂN VẬN")


def test_focal_points_cannot_edit_a_letterhead(client, province, commune):
    focal = _focal(commune, "xakado")
    client.force_login(focal)
    assert client.get(reverse("accounts:unit_letterhead", args=[province.pk])).status_code == 404
    with pytest.raises(AccountError):
        services.update_letterhead(province, by=focal, issuer_line="X")


# Reorganisation ------------------------------------------------------------------------


@pytest.fixture
def history_2020(province):
    """The 2020 Đơn Dương district with two communes, a campaign, models and a report."""
    district = UnitFactory(
        kind=Unit.Kind.DISTRICT,
        code="DD",
        name="Huyện ủy Đơn Dương – Ban Dân vận",
        parent=province,
        issuer_parent_line="HUYỆN ỦY ĐƠN DƯƠNG",
        issuer_line="BAN DÂN VẬN",
        place_name="Đơn Dương",
    )
    kado = UnitFactory(kind=Unit.Kind.COMMUNE, code="DD-KADO", name="Xã Ka Đô", parent=district)
    laclam = UnitFactory(kind=Unit.Kind.COMMUNE, code="DD-LACLAM", name="Xã Lạc Lâm", parent=district)
    campaign = CampaignFactory(owner=district, year=2020, status="published")
    bdv = _staff(district, "bdv")
    registrations = [
        RegistrationFactory(campaign=campaign, unit=unit, model=DvkModelFactory(unit=unit, name=f"Mô hình của {unit.name}"))
        for unit in (kado, laclam)
    ]
    report = create_report(campaign, "summary", by=bdv)
    return {"district": district, "kado": kado, "laclam": laclam, "campaign": campaign, "registrations": registrations, "report": report}


def test_merging_two_2020_communes_keeps_their_history_and_the_new_unit_inherits_it(province, history_2020):
    staff = _staff(province, "tinh")
    kado, laclam = history_2020["kado"], history_2020["laclam"]
    old_focal = _focal(kado, "kado")
    new = services.merge_units(
        [kado, laclam], by=staff, effective_on=MERGED_ON, code="LD-KADO", name="Xã Ka Đô", kind="commune", parent=province
    )
    kado.refresh_from_db()
    laclam.refresh_from_db()
    assert (kado.is_active, kado.successor_id, kado.dissolved_on) == (False, new.pk, MERGED_ON)
    assert (laclam.is_active, laclam.successor_id) == (False, new.pk)
    assert sorted(new.inherited_ids) == sorted([kado.pk, laclam.pk])
    # The account moved to the new unit and reads the inherited models and 2020 registrations.
    assert list(Membership.objects.filter(user=old_focal).values_list("unit_id", "role")) == [(new.pk, Role.FOCAL_POINT)]
    old_focal = type(old_focal).objects.get(pk=old_focal.pk)
    assert {model.name for model in models_visible_to(old_focal)} == {"Mô hình của Xã Ka Đô", "Mô hình của Xã Lạc Lâm"}
    assert set(registrations_visible_to(old_focal)) == set(history_2020["registrations"])
    assert not old_focal.has_perm("registrations.change_registration", history_2020["registrations"][0])
    # The 2020 report still prints the district's letterhead and the old communes' names.
    content = report_content(history_2020["report"])
    assert (history_2020["report"].superior_name, history_2020["report"].issuer_name) == ("HUYỆN ỦY ĐƠN DƯƠNG", "BAN DÂN VẬN")
    assert [row["name"] for row in content["units"]] == ["Xã Ka Đô", "Xã Lạc Lâm"]
    # The ledger records the merge.
    entry = AuditEntry.objects.get(action="unit.merged")
    assert entry.after["sources"] == ["DD-KADO", "DD-LACLAM"]
    assert entry.after["accounts_moved"] == ["kado"]
    assert Reorganisation.objects.get(kind="merge").unit == new


def test_the_new_units_page_lists_what_it_was_formed_from(client, province, history_2020):
    staff = _staff(province, "tinh")
    new = services.merge_units(
        [history_2020["kado"], history_2020["laclam"]],
        by=staff,
        effective_on=MERGED_ON,
        code="LD-KADO",
        name="Xã Ka Đô",
        kind="commune",
        parent=province,
    )
    client.force_login(staff)
    page = client.get(reverse("accounts:unit_detail", args=[new.pk])).content.decode()
    assert "Trước sắp xếp" in page and "Xã Lạc Lâm" in page


def test_a_merge_is_refused_for_units_outside_ones_tree_and_nothing_changes(province, history_2020):
    other_province = UnitFactory(kind=Unit.Kind.PROVINCE, code="DN", name="Tỉnh Đồng Nai")
    outsider = _staff(other_province, "dongnai")
    with pytest.raises(AccountError):
        services.merge_units(
            [history_2020["kado"]], by=outsider, effective_on=MERGED_ON, code="X", name="X", kind="commune", parent=other_province
        )
    history_2020["kado"].refresh_from_db()
    assert (history_2020["kado"].is_active, Unit.objects.filter(code="X").exists()) == (True, False)


def test_the_merge_form_posts_and_a_future_date_is_refused_with_a_message(client, province, history_2020):
    staff = _staff(province, "tinh")
    client.force_login(staff)
    url = reverse("accounts:unit_merge")
    data = {
        "sources": [history_2020["kado"].pk, history_2020["laclam"].pk],
        "name": "Xã Ka Đô",
        "code": "LD-KADO",
        "kind": "commune",
        "parent": province.pk,
        "effective_on": "01/07/2099",
    }
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "không được sau hôm nay" in refused.content.decode()
    assert not Unit.objects.filter(code="LD-KADO").exists()
    done = client.post(url, {**data, "effective_on": "01/07/2025"})
    new = Unit.objects.get(code="LD-KADO")
    assert done.status_code == 302 and done["Location"] == reverse("accounts:unit_detail", args=[new.pk])


def test_a_renamed_unit_prints_its_old_name_on_documents_dated_before(province, commune):
    staff = _staff(province, "tinh")
    services.rename_unit(commune, by=staff, name="Xã Ka Đô Mới", effective_on=datetime.date(2026, 3, 1))
    assert names_on(datetime.date(2025, 12, 31)) == {commune.pk: "Xã Ka Đô"}
    assert names_on(datetime.date(2026, 3, 1)) == {}
    assert AuditEntry.objects.get(action="unit.renamed").after["name"] == "Xã Ka Đô Mới"


def test_moving_a_unit_under_another_commune_is_audited_and_refused_under_itself(province, commune, village):
    staff = _staff(province, "tinh")
    other = UnitFactory(kind=Unit.Kind.COMMUNE, code="LD-DRAN", name="Xã D'Ran", parent=province)
    services.move_unit(village, by=staff, parent=other, effective_on=datetime.date(2026, 1, 1))
    village.refresh_from_db()
    assert village.path == f"{other.path}{village.pk}/"
    assert AuditEntry.objects.get(action="unit.moved").after["parent"] == "LD-DRAN"
    with pytest.raises(AccountError):
        services.move_unit(other, by=staff, parent=Unit.objects.get(pk=village.pk), effective_on=datetime.date(2026, 1, 1))


# Two provinces in one database -------------------------------------------------------------


def test_staff_of_one_province_get_404_on_the_other_provinces_objects(province, commune):
    other_province = UnitFactory(kind=Unit.Kind.PROVINCE, code="DN", name="Tỉnh Đồng Nai")
    campaign = CampaignFactory(owner=province, status=Campaign.Status.PUBLISHED)
    registration = RegistrationFactory(campaign=campaign, unit=commune, model=DvkModelFactory(unit=commune))
    client = Client()
    client.force_login(_staff(other_province, "dongnai"))
    urls = [
        reverse("campaign:detail", args=[campaign.pk]),
        reverse("registrations:detail", args=[registration.pk]),
        reverse("accounts:unit_detail", args=[commune.pk]),
        reverse("accounts:unit_rename", args=[commune.pk]),
        reverse("accounts:unit_letterhead", args=[province.pk]),
    ]
    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(urls, 404)


def test_the_new_units_focal_point_carries_an_inherited_model_on_as_a_replication(client, province, history_2020):
    staff = _staff(province, "tinh")
    new = services.merge_units(
        [history_2020["kado"]], by=staff, effective_on=MERGED_ON, code="LD-KADO", name="Xã Ka Đô", kind="commune", parent=province
    )
    focal = _focal(new, "xakado")
    old_model = history_2020["registrations"][0].model
    client.force_login(focal)
    detail = client.get(reverse("models:detail", args=[old_model.pk])).content.decode()
    assert 'id="carry-on-model"' in detail and "trước sắp xếp" in detail
    form = client.get(reverse("models:create"), {"from": old_model.pk})
    assert form.context["form"].initial["replicates"] == old_model.pk
    assert form.context["form"].initial["name"] == old_model.name


def test_a_village_focal_point_gets_404_on_everything_of_another_commune(client, province, commune, village):
    other_commune = UnitFactory(kind=Unit.Kind.COMMUNE, code="LD-DRAN", name="Xã D'Ran", parent=province)
    other_village = UnitFactory(kind=Unit.Kind.VILLAGE, code="LD-DRAN-T1", name="Thôn 1", parent=other_commune)
    other_campaign = CampaignFactory(owner=other_commune, status="published")
    other_model = DvkModelFactory(unit=other_village)
    other_registration = RegistrationFactory(campaign=other_campaign, unit=other_village, model=other_model)
    # The village's own commune campaign, where its focal point registers.
    own_campaign = CampaignFactory(owner=commune, status="published")
    focal = _focal(village, "kadomoi")
    own = registration_services.create_registration(campaign=own_campaign, model=DvkModelFactory(unit=village), by=focal)
    assert own.unit == village
    client.force_login(focal)
    urls = [
        reverse("campaign:detail", args=[other_campaign.pk]),
        reverse("registrations:detail", args=[other_registration.pk]),
        reverse("models:detail", args=[other_model.pk]),
        reverse("accounts:unit_detail", args=[other_village.pk]),
    ]
    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(urls, 404)
    assert client.get(reverse("registrations:detail", args=[own.pk])).status_code == 200
