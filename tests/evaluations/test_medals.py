"""Commemorative medal "Vì sự nghiệp Dân vận": given once per person."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from audit.models import AuditEntry
from evaluations import awards
from evaluations.models import MedalNomination
from tests.evaluations import test_awards as shared
from tests.exports import exported, workbook_of
from tests.factories import CampaignFactory, MedalNominationFactory, MembershipFactory, UnitFactory, UserFactory

# Fixtures shared with the proposal tests.
_fast_password_hashing = shared._fast_password_hashing
campaign = shared.campaign

Status = MedalNomination.Status


def nominate(campaign, by, unit, **overrides):
    fields = {
        "full_name": "Ka Sô Ha Bi",
        "birth_year": 1965,
        "gender": MedalNomination.Gender.FEMALE,
        "position": "Nguyên Trưởng khối Dân vận xã",
        "unit": unit,
        "years_in_work": 18,
        "achievements": "Vận động đồng bào K'Ho hiến đất làm đường, xóa bỏ hủ tục trong cưới hỏi, tang ma.",
    }
    fields.update(overrides)
    return awards.nominate_for_medal(campaign, by=by, **fields)


def form_data(unit, **overrides):
    data = {
        "full_name": "Ka Sô Ha Bi",
        "birth_year": "1965",
        "gender": "female",
        "position": "Nguyên Trưởng khối Dân vận xã",
        "unit": str(unit.pk),
        "years_in_work": "18",
        "achievements": "Vận động đồng bào hiến đất làm đường.",
    }
    data.update(overrides)
    return data


@pytest.fixture
def earlier_campaign(district):
    return CampaignFactory(owner=district, year=2019, status="closed")


def test_a_nomination_is_recorded_and_audited(campaign, staff_user, unit):
    nomination = nominate(campaign, staff_user, unit, full_name="  Ka Sô   Ha Bi ")

    assert (nomination.full_name, nomination.name_key, nomination.status) == ("Ka Sô Ha Bi", "ka sô ha bi", Status.PROPOSED)
    assert AuditEntry.objects.get(action="medal_nomination.created").after["full_name"] == "Ka Sô Ha Bi"


def test_a_second_nomination_for_the_same_person_is_refused(campaign, staff_user, unit):
    first = nominate(campaign, staff_user, unit)

    with pytest.raises(awards.DuplicateMedalNomination) as refused:
        nominate(campaign, staff_user, unit)

    assert refused.value.earlier == first
    assert str(refused.value).startswith(
        "Bà Ka Sô Ha Bi (sinh năm 1965, Xã Ka Đô) đã có đề nghị tặng Kỷ niệm chương trong đợt xét năm 2020"
    )
    assert "(trạng thái: Đề nghị)" in str(refused.value)
    assert MedalNomination.objects.count() == 1


@pytest.mark.parametrize("spelling", ["ka sô ha bi", "KA SÔ HA BI", "  Ka  Sô\tHa Bi  "])
def test_a_differently_spaced_or_cased_name_is_the_same_person(campaign, staff_user, unit, spelling):
    nominate(campaign, staff_user, unit)

    with pytest.raises(awards.DuplicateMedalNomination):
        nominate(campaign, staff_user, unit, full_name=spelling)
    assert MedalNomination.objects.count() == 1


def test_an_earlier_recipient_in_a_previous_campaign_is_refused(campaign, earlier_campaign, staff_user, unit):
    MedalNominationFactory(
        campaign=earlier_campaign, full_name="Ka Sô Ha Bi", birth_year=1965, gender="female", unit=unit, status=Status.AWARDED
    )

    with pytest.raises(awards.DuplicateMedalNomination) as refused:
        nominate(campaign, staff_user, unit)

    assert str(refused.value) == (
        "Bà Ka Sô Ha Bi (sinh năm 1965, Xã Ka Đô) đã được tặng Kỷ niệm chương “Vì sự nghiệp Dân vận” "
        "trong đợt xét năm 2019 (trạng thái: Đã được tặng). Kỷ niệm chương chỉ tặng một lần cho mỗi người."
    )


def test_an_earlier_rejected_nomination_does_not_block_a_new_one(campaign, earlier_campaign, staff_user, unit):
    MedalNominationFactory(campaign=earlier_campaign, full_name="Ka Sô Ha Bi", birth_year=1965, unit=unit, status=Status.REJECTED)

    nominate(campaign, staff_user, unit)

    assert MedalNomination.objects.filter(campaign=campaign).count() == 1


def test_namesakes_with_another_birth_year_or_unit_are_different_people(campaign, staff_user, unit, other_unit):
    nominate(campaign, staff_user, unit)
    nominate(campaign, staff_user, unit, birth_year=1972)
    nominate(campaign, staff_user, other_unit)

    assert MedalNomination.objects.count() == 3


def test_the_database_constraint_backs_the_rule_with_the_same_message(campaign, staff_user, unit, monkeypatch):
    first = nominate(campaign, staff_user, unit)
    real_lookup = awards.selectors.earlier_medal_record
    calls = []

    def miss_once(*args, **kwargs):
        # As if a concurrent request had saved the first nomination after this one looked.
        calls.append(args)
        return None if len(calls) == 1 else real_lookup(*args, **kwargs)

    monkeypatch.setattr(awards.selectors, "earlier_medal_record", miss_once)

    with pytest.raises(awards.DuplicateMedalNomination) as refused:
        nominate(campaign, staff_user, unit, full_name="KA SÔ HA BI")

    assert refused.value.earlier == first
    assert MedalNomination.objects.count() == 1
    assert not AuditEntry.objects.filter(action="medal_nomination.created").exclude(object_id=str(first.pk)).exists()


def test_a_nominee_from_another_district_is_refused(campaign, staff_user, other_district):
    foreign_unit = UnitFactory(kind="commune", name="Xã Đạ Sar", parent=other_district)

    with pytest.raises(awards.AwardError):
        nominate(campaign, staff_user, foreign_unit)
    assert MedalNomination.objects.count() == 0


def test_marking_awarded_then_again_is_refused(campaign, staff_user, unit):
    nomination = nominate(campaign, staff_user, unit)

    awards.mark_medal_nomination(nomination, by=staff_user, status=Status.AWARDED)
    with pytest.raises(awards.TransitionNotAllowed):
        awards.mark_medal_nomination(nomination, by=staff_user, status=Status.REJECTED)

    nomination.refresh_from_db()
    assert nomination.status == Status.AWARDED
    assert AuditEntry.objects.get(action="medal_nomination.marked").after == "awarded"


# --- Pages ---------------------------------------------------------------------------


def test_the_form_refuses_a_duplicate_naming_the_earlier_record_and_keeps_the_input(
    staff_client, campaign, earlier_campaign, unit
):
    MedalNominationFactory(
        campaign=earlier_campaign, full_name="Ka Sô Ha Bi", birth_year=1965, gender="female", unit=unit, status=Status.AWARDED
    )
    url = reverse("evaluations:medal_create", args=[campaign.pk])

    response = staff_client.post(url, form_data(unit, full_name="ka  sô ha BI", achievements="Gương mẫu hiến 500 m² đất."))

    assert response.status_code == 200
    content = response.content.decode()
    assert "đã được tặng Kỷ niệm chương “Vì sự nghiệp Dân vận” trong đợt xét năm 2019" in content
    assert "Gương mẫu hiến 500 m² đất." in content
    assert 'value="ka  sô ha BI"' in content
    assert MedalNomination.objects.filter(campaign=campaign).count() == 0


def test_the_form_creates_a_nomination_and_lists_it(staff_client, campaign, unit):
    response = staff_client.post(reverse("evaluations:medal_create", args=[campaign.pk]), form_data(unit))

    assert response.status_code == 302
    listing = staff_client.get(response["Location"])
    assert [nomination.full_name for nomination in listing.context["nominations"]] == ["Ka Sô Ha Bi"]


def test_the_form_offers_only_units_of_the_campaigns_district(staff_client, campaign, unit, other_district):
    foreign_unit = UnitFactory(kind="commune", parent=other_district)

    response = staff_client.post(reverse("evaluations:medal_create", args=[campaign.pk]), form_data(foreign_unit))

    assert response.status_code == 200
    assert response.context["form"].errors["unit"]
    assert unit in response.context["form"].fields["unit"].queryset


def test_the_form_refuses_an_impossible_birth_year_and_service_length(staff_client, campaign, unit):
    response = staff_client.post(
        reverse("evaluations:medal_create", args=[campaign.pk]), form_data(unit, birth_year="1990", years_in_work="40")
    )

    assert response.context["form"].errors == {"years_in_work": ["Số năm làm công tác dân vận quá lớn so với năm sinh."]}


def test_staff_mark_a_nomination_on_the_list(staff_client, campaign, staff_user, unit):
    nomination = nominate(campaign, staff_user, unit)

    staff_client.post(reverse("evaluations:medal_mark", args=[nomination.pk]), {"status": "awarded"})

    nomination.refresh_from_db()
    assert nomination.status == Status.AWARDED


def test_viewers_read_but_cannot_nominate_or_mark(viewer_client, campaign, staff_user, unit):
    nomination = nominate(campaign, staff_user, unit)

    assert viewer_client.get(f"{reverse('evaluations:medals')}?campaign={campaign.pk}").status_code == 200
    assert viewer_client.get(reverse("evaluations:medal_create", args=[campaign.pk])).status_code == 403
    assert viewer_client.post(reverse("evaluations:medal_mark", args=[nomination.pk]), {"status": "awarded"}).status_code == 403
    nomination.refresh_from_db()
    assert nomination.status == Status.PROPOSED


def test_a_focal_point_sees_only_its_units_awarded_medals(focal_client, campaign, staff_user, unit, other_unit):
    pending = nominate(campaign, staff_user, unit)
    awarded = nominate(campaign, staff_user, unit, full_name="Nguyễn Văn Toàn", gender="male")
    awards.mark_medal_nomination(awarded, by=staff_user, status=Status.AWARDED)
    foreign = nominate(campaign, staff_user, other_unit, full_name="Trần Thị Hoa")
    awards.mark_medal_nomination(foreign, by=staff_user, status=Status.AWARDED)

    response = focal_client.get(f"{reverse('evaluations:medals')}?campaign={campaign.pk}")

    assert [nomination.pk for nomination in response.context["nominations"]] == [awarded.pk]
    assert focal_client.post(reverse("evaluations:medal_mark", args=[pending.pk]), {"status": "rejected"}).status_code == 404
    assert focal_client.get(reverse("evaluations:export_medals", args=[campaign.pk])).status_code == 403
    assert focal_client.post(reverse("evaluations:export_medals", args=[campaign.pk])).status_code == 403


def test_staff_of_another_district_get_404(client, campaign, staff_user, unit, other_district):
    nomination = nominate(campaign, staff_user, unit)

    stranger = UserFactory(username="bdv-lacduong")
    MembershipFactory(user=stranger, unit=other_district, role="district_staff")
    client.force_login(stranger)

    assert client.get(f"{reverse('evaluations:medals')}?campaign={campaign.pk}").status_code == 404
    assert client.get(reverse("evaluations:medal_create", args=[campaign.pk])).status_code == 404
    assert client.post(reverse("evaluations:medal_mark", args=[nomination.pk]), {"status": "awarded"}).status_code == 404


def test_export_opens_in_openpyxl_with_vietnamese_headers(staff_client, campaign, staff_user, unit):
    nominate(campaign, staff_user, unit)

    workbook = workbook_of(exported(staff_client, reverse("evaluations:export_medals", args=[campaign.pk])))
    sheet = workbook["Kỷ niệm chương"]
    assert [cell.value for cell in sheet[1]] == [
        "STT",
        "Họ và tên",
        "Năm sinh",
        "Giới tính",
        "Chức vụ",
        "Đơn vị",
        "Số năm làm công tác dân vận",
        "Thành tích",
        "Trạng thái",
        "Người lập",
        "Ngày lập",
    ]
    assert [cell.value for cell in sheet[2]][:7] == [
        1,
        "Ka Sô Ha Bi",
        1965,
        "Nữ",
        "Nguyên Trưởng khối Dân vận xã",
        "Xã Ka Đô",
        18,
    ]


def test_the_medal_list_runs_the_same_queries_at_3_and_30_rows(staff_client, campaign, unit, django_assert_max_num_queries):
    MedalNominationFactory.create_batch(3, campaign=campaign, unit=unit)
    with django_assert_max_num_queries(8) as small:
        staff_client.get(f"{reverse('evaluations:medals')}?campaign={campaign.pk}")
    MedalNominationFactory.create_batch(27, campaign=campaign, unit=unit)
    with django_assert_max_num_queries(8) as large:
        response = staff_client.get(f"{reverse('evaluations:medals')}?campaign={campaign.pk}")
    assert len(response.context["nominations"]) == 30
    assert len(large.captured_queries) == len(small.captured_queries)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_nominations_of_one_person_leave_exactly_one(campaign, staff_user, unit):
    barrier = threading.Barrier(2)
    outcomes = []

    def nominate_in_own_connection(full_name):
        try:
            barrier.wait(timeout=10)
            nominate(campaign, staff_user, unit, full_name=full_name)
            outcomes.append("created")
        except awards.DuplicateMedalNomination:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=nominate_in_own_connection, args=(name,)) for name in ("Ka Sô Ha Bi", "KA SÔ HA BI")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["created", "refused"]
    assert MedalNomination.objects.count() == 1
