"""Documents to disseminate: each unit records its own dissemination once; the table
shows who has and who has not."""

import datetime

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from campaign.dissemination import record_acknowledgement
from campaign.exceptions import AlreadyRecorded, NotAllowed, TransitionNotAllowed
from campaign.models import Acknowledgement
from tests.factories import AcknowledgementFactory, DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(campaign, staff_user):
    return DocumentFactory(campaign=campaign, number="75-KH/BDVTU", date=datetime.date(2020, 3, 3), uploaded_by=staff_user)


def acknowledge(document, unit, by, **overrides):
    values = {"disseminated_on": datetime.date(2020, 3, 20), "form": "conference", "participants": 40} | overrides
    return record_acknowledgement(document, unit, by=by, **values)


def test_focal_point_records_its_own_unit_and_the_entry_is_audited(document, unit, focal_user):
    acknowledgement = acknowledge(document, unit, focal_user)
    assert (acknowledgement.unit, acknowledgement.recorded_by, acknowledgement.participants) == (unit, focal_user, 40)
    entry = AuditEntry.objects.get(action="document.acknowledged")
    assert entry.after == {
        "document": document.pk,
        "unit": unit.pk,
        "disseminated_on": "2020-03-20",
        "form": "conference",
        "participants": 40,
    }


def test_focal_point_cannot_record_for_another_unit(document, other_unit, focal_user):
    with pytest.raises(NotAllowed):
        acknowledge(document, other_unit, focal_user)
    assert Acknowledgement.objects.count() == 0


def test_district_staff_may_record_for_any_unit_of_the_district(document, other_unit, staff_user):
    assert acknowledge(document, other_unit, staff_user).unit == other_unit


def test_recording_twice_is_refused(document, unit, focal_user):
    acknowledge(document, unit, focal_user)
    with pytest.raises(AlreadyRecorded) as error:
        acknowledge(document, unit, focal_user, participants=10)
    assert error.value.message == "Đơn vị “Xã Ka Đô” đã ghi nhận quán triệt văn bản này."
    assert Acknowledgement.objects.get().participants == 40


def test_a_date_before_the_document_or_in_the_future_is_refused(document, unit, focal_user):
    with pytest.raises(TransitionNotAllowed):
        acknowledge(document, unit, focal_user, disseminated_on=datetime.date(2020, 3, 1))
    with pytest.raises(TransitionNotAllowed):
        acknowledge(document, unit, focal_user, disseminated_on=datetime.date.today() + datetime.timedelta(days=2))
    assert Acknowledgement.objects.count() == 0


def test_a_document_of_a_draft_cannot_be_acknowledged(draft_campaign, unit, staff_user):
    document = DocumentFactory(campaign=draft_campaign, uploaded_by=staff_user)
    with pytest.raises(TransitionNotAllowed):
        acknowledge(document, unit, staff_user)


def test_the_form_offers_the_focal_point_only_its_own_unit(focal_client, document, unit, other_unit):
    response = focal_client.get(reverse("campaign:acknowledge", args=[document.pk]))
    assert list(response.context["form"].fields["unit"].queryset) == [unit]
    response = focal_client.post(
        reverse("campaign:acknowledge", args=[document.pk]),
        {"unit": other_unit.pk, "disseminated_on": "2020-03-20", "form": "conference", "participants": "40"},
    )
    assert response.status_code == 200
    assert Acknowledgement.objects.count() == 0


def test_a_double_submit_shows_a_clear_error_and_keeps_one_record(focal_client, document, unit):
    data = {"unit": unit.pk, "disseminated_on": "20/03/2020", "form": "party_cell", "participants": "25"}
    assert focal_client.post(reverse("campaign:acknowledge", args=[document.pk]), data).status_code == 302
    response = focal_client.post(reverse("campaign:acknowledge", args=[document.pk]), data)
    assert response.status_code == 200
    assert "Đơn vị “Xã Ka Đô” đã ghi nhận quán triệt văn bản này." in response.content.decode()
    assert Acknowledgement.objects.count() == 1


def test_negative_participants_are_refused_and_the_form_keeps_the_date(focal_client, document, unit):
    response = focal_client.post(
        reverse("campaign:acknowledge", args=[document.pk]),
        {"unit": unit.pk, "disseminated_on": "2020-03-20", "form": "conference", "participants": "-5"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["participants"]
    assert 'value="2020-03-20"' in response.content.decode()


def test_the_table_shows_which_units_have_and_have_not_disseminated(focal_client, document, unit, other_unit, staff_user):
    AcknowledgementFactory(document=document, unit=other_unit, recorded_by=staff_user, participants=45)
    response = focal_client.get(reverse("campaign:documents", args=[document.campaign_id]))
    rows = {row["unit"].name: [bool(cell["acknowledgement"]) for cell in row["cells"]] for row in response.context["rows"]}
    assert rows == {"Thị trấn Thạnh Mỹ": [True], "Xã Ka Đô": [False]}
    body = response.content.decode()
    assert body.count("data-record-ack") == 1  # kado may record for Ka Đô only


def test_a_focal_point_of_another_district_gets_404_on_the_document(client, document, other_district):
    from tests.factories import MembershipFactory, UnitFactory, UserFactory

    stranger = UserFactory(username="focal-lacduong")
    MembershipFactory(user=stranger, unit=UnitFactory(parent=other_district), role="focal_point")
    client.force_login(stranger)
    assert client.get(reverse("campaign:acknowledge", args=[document.pk])).status_code == 404
    assert client.get(reverse("campaign:document_file", args=[document.pk])).status_code == 404


def test_a_viewer_cannot_record_a_dissemination(viewer_client, document):
    assert viewer_client.get(reverse("campaign:acknowledge", args=[document.pk])).status_code == 403


def test_the_unit_home_lists_the_document_until_it_is_disseminated(focal_client, document, unit, focal_user):
    body = focal_client.get(reverse("campaign:unit_home")).content.decode()
    assert "Quán triệt văn bản 75-KH/BDVTU" in body
    acknowledge(document, unit, focal_user)
    body = focal_client.get(reverse("campaign:unit_home")).content.decode()
    assert "Quán triệt văn bản 75-KH/BDVTU" not in body


def test_a_document_already_disseminated_cannot_be_deleted(staff_client, document, unit, focal_user):
    acknowledge(document, unit, focal_user)
    response = staff_client.post(reverse("campaign:document_delete", args=[document.pk]), follow=True)
    assert "Đã có đơn vị ghi nhận quán triệt văn bản này nên không xóa được." in response.content.decode()
    assert document.__class__.objects.filter(pk=document.pk).exists()
