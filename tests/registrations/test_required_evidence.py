"""A campaign can ask for at least one evidence file before a registration is sent
(on by default); the file is added on the same page as the form, while the
registration is a draft or returned, and every action says one thing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEntry
from campaign.forms import CampaignForm
from campaign.models import Campaign
from registrations import services
from registrations.exceptions import IncompleteRegistration
from registrations.models import CONTENT_FIELDS, Evidence, Registration, Status
from tests.factories import EvidenceFactory, ProgressReportFactory, RegistrationFactory
from tests.registrations.files import image_bytes, pdf_bytes

EVIDENCE_LABEL = "Minh chứng (ít nhất một tệp)"


@pytest.fixture
def campaign(campaign):
    campaign.requires_evidence = True
    campaign.save(update_fields=["requires_evidence"])
    return campaign


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def content_of(registration) -> dict:
    return {name: getattr(registration, name) for name in CONTENT_FIELDS}


def test_a_new_campaign_requires_evidence_and_its_form_offers_the_choice(district):
    assert Campaign(owner=district, year=2026, title="Kế hoạch").requires_evidence is True
    assert "requires_evidence" in CampaignForm().fields


def test_sending_without_evidence_is_refused_naming_the_evidence_and_nothing_is_sent(registration, focal_user):
    with pytest.raises(IncompleteRegistration) as refused:
        services.submit_registration(registration, by=focal_user)
    assert refused.value.missing == {"evidence": EVIDENCE_LABEL}
    assert refused.value.message == f"Chưa thể gửi: còn thiếu mục {EVIDENCE_LABEL}."
    registration.refresh_from_db()
    assert (registration.status, registration.submitted_at) == (Status.DRAFT, None)
    assert not AuditEntry.objects.filter(action="registration.submitted").exists()


def test_only_the_registrations_own_files_count_not_those_of_its_reports(registration, focal_user):
    EvidenceFactory(registration=registration, report=ProgressReportFactory(registration=registration, kind="interim"))
    assert services.missing_fields(registration) == {"evidence": EVIDENCE_LABEL}
    services.add_evidence(registration, SimpleUploadedFile("anh.png", image_bytes()), by=focal_user)
    assert services.missing_fields(registration) == {}


def test_a_campaign_that_does_not_require_evidence_sends_without(registration, focal_user, campaign):
    campaign.requires_evidence = False
    campaign.save(update_fields=["requires_evidence"])
    registration.refresh_from_db()
    assert services.submit_registration(registration, by=focal_user).status == Status.SUBMITTED


def test_lưu_và_gửi_a_new_registration_without_evidence_saves_the_draft_marks_the_file_input_and_says_one_thing(
    focal_client, model, campaign, registration_deadline
):
    data = content_of(RegistrationFactory.build(campaign=campaign, model=model))
    response = focal_client.post(
        reverse("registrations:create"), {**data, "model": model.pk, "action": "submit"}, follow=True
    )
    registration = Registration.objects.get(model=model)
    assert registration.status == Status.DRAFT
    assert response.redirect_chain == [(reverse("registrations:edit", args=[registration.pk]) + "?check=1", 302)]
    assert messages_of(response) == [f"Đã lưu bản nháp nhưng chưa gửi. Chưa thể gửi: còn thiếu mục {EVIDENCE_LABEL}."]
    assert response.context["form"].errors == {"evidence": ["Cần tải lên ít nhất một tệp minh chứng trước khi gửi."]}
    page = response.content.decode()
    assert 'name="evidence"' in page and "is-invalid" in page
    assert not AuditEntry.objects.filter(action="registration.submitted").exists()


def test_lưu_và_gửi_with_a_file_chosen_on_the_form_stores_it_and_sends_with_one_message(
    focal_client, model, campaign, registration_deadline
):
    data = content_of(RegistrationFactory.build(campaign=campaign, model=model))
    files = [SimpleUploadedFile("Biên bản họp dân.pdf", pdf_bytes()), SimpleUploadedFile("ảnh.png", image_bytes())]
    response = focal_client.post(
        reverse("registrations:create"), {**data, "model": model.pk, "action": "submit", "evidence": files}, follow=True
    )
    registration = Registration.objects.get(model=model)
    assert registration.status == Status.SUBMITTED
    assert messages_of(response) == ["Đã lưu và gửi đăng ký đến Ban Dân vận Huyện ủy."]
    assert sorted(registration.evidence.values_list("original_name", flat=True)) == ["Biên bản họp dân.pdf", "ảnh.png"]


def test_a_returned_registration_gets_its_evidence_on_the_form_page_and_is_sent_again(focal_client, registration, focal_user):
    registration.status = Status.RETURNED
    registration.return_reason = "Bổ sung biên bản họp dân."
    registration.save()
    form_page = focal_client.get(reverse("registrations:edit", args=[registration.pk]))
    assert 'id="id_evidence"' in form_page.content.decode()
    assert "Bổ sung biên bản họp dân." in form_page.content.decode()
    response = focal_client.post(
        reverse("registrations:edit", args=[registration.pk]),
        {
            **content_of(registration),
            "version": registration.version,
            "action": "submit",
            "evidence": SimpleUploadedFile("Biên bản.pdf", pdf_bytes()),
        },
        follow=True,
    )
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED
    assert messages_of(response) == ["Đã lưu và gửi đăng ký đến Ban Dân vận Huyện ủy."]
    assert list(registration.evidence.values_list("original_name", flat=True)) == ["Biên bản.pdf"]


def test_a_file_refused_on_the_form_is_named_on_its_field_and_nothing_is_saved(focal_client, registration):
    before = content_of(registration)
    response = focal_client.post(
        reverse("registrations:edit", args=[registration.pk]),
        {
            **before,
            "objectives": "Đã sửa",
            "version": registration.version,
            "action": "submit",
            "evidence": SimpleUploadedFile("bien-ban.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["evidence"]
    assert len(errors) == 1 and "bien-ban.pdf" in errors[0]
    assert response.context["form"]["objectives"].value() == "Đã sửa"
    registration.refresh_from_db()
    assert (registration.status, registration.objectives, registration.version) == (Status.DRAFT, before["objectives"], 1)
    assert Evidence.objects.count() == 0


def test_the_send_button_on_the_detail_page_without_evidence_leads_to_the_marked_form(focal_client, registration):
    response = focal_client.post(reverse("registrations:submit", args=[registration.pk]), follow=True)
    assert messages_of(response) == [f"Chưa thể gửi: còn thiếu mục {EVIDENCE_LABEL}."]
    assert list(response.context["form"].errors) == ["evidence"]
    registration.refresh_from_db()
    assert registration.status == Status.DRAFT


def test_evidence_can_be_deleted_from_the_form_page(focal_client, registration, focal_user):
    evidence = services.add_evidence(registration, SimpleUploadedFile("anh.png", image_bytes()), by=focal_user)
    page = focal_client.get(reverse("registrations:edit", args=[registration.pk])).content.decode()
    assert f'form="delete-evidence-{evidence.pk}"' in page
    assert f'action="{reverse("registrations:evidence_delete", args=[evidence.pk])}"' in page
