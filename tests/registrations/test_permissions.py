"""DESIGN §6: another unit's objects are a 404 for every view; roles
decide the actions."""

import pytest
from django.urls import reverse

from registrations.models import Evidence, Registration, Status
from tests.exports import exported, workbook_of
from tests.factories import MembershipFactory, RegistrationFactory, UserFactory
from tests.registrations.files import pdf_bytes, upload


@pytest.fixture
def other_objects(other_registration, other_report, other_evidence):
    return other_registration, other_report, other_evidence


def other_unit_urls(registration, evidence):
    pk = registration.pk
    return [
        ("get", reverse("registrations:detail", args=[pk])),
        ("get", reverse("registrations:edit", args=[pk])),
        ("post", reverse("registrations:edit", args=[pk])),
        ("post", reverse("registrations:submit", args=[pk])),
        ("post", reverse("registrations:withdraw", args=[pk])),
        ("get", reverse("registrations:return", args=[pk])),
        ("post", reverse("registrations:return", args=[pk])),
        ("post", reverse("registrations:accept", args=[pk])),
        ("get", reverse("registrations:report_edit", args=[pk, "interim"])),
        ("post", reverse("registrations:report_edit", args=[pk, "interim"])),
        ("get", reverse("registrations:report_edit", args=[pk, "final"])),
        ("post", reverse("registrations:report_submit", args=[pk, "interim"])),
        ("post", reverse("registrations:evidence_upload", args=[pk])),
        ("get", reverse("registrations:evidence_download", args=[evidence.pk])),
        ("get", reverse("registrations:evidence_thumbnail", args=[evidence.pk])),
        ("post", reverse("registrations:evidence_delete", args=[evidence.pk])),
    ]


def test_every_registration_report_and_evidence_url_of_another_unit_is_a_404_for_kado(focal_client, other_objects):
    registration, _report, evidence = other_objects
    for method, url in other_unit_urls(registration, evidence):
        response = getattr(focal_client, method)(url)
        assert response.status_code == 404, (method, url, response.status_code)
    registration.refresh_from_db()
    assert registration.status == Status.ACCEPTED
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_the_model_pages_of_another_unit_are_a_404_for_kado(focal_client, other_model):
    assert focal_client.get(reverse("models:detail", args=[other_model.pk])).status_code == 404
    assert focal_client.get(reverse("models:edit", args=[other_model.pk])).status_code == 404


def test_registering_another_units_model_is_a_404(focal_client, other_model, campaign, registration_deadline):
    assert focal_client.get(reverse("registrations:create"), {"model": other_model.pk}).status_code == 404
    response = focal_client.post(reverse("registrations:create") + f"?model={other_model.pk}", {"model": other_model.pk})
    assert response.status_code == 404
    assert not Registration.objects.filter(model=other_model).exists()


def test_the_list_shows_kado_only_ka_dos_registrations(focal_client, registration, other_registration):
    response = focal_client.get(reverse("registrations:list"))
    assert response.status_code == 200
    assert [r.pk for r in response.context["registrations"]] == [registration.pk]
    assert other_registration.model.name not in response.content.decode()


def test_the_export_gives_kado_only_ka_dos_registrations(focal_client, registration, other_registration):
    sheet = workbook_of(exported(focal_client, reverse("registrations:export"))).active
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == [registration.model.name]


def test_staff_of_another_district_get_a_404(client, registration, other_district):
    stranger = UserFactory(username="bdv-lacduong")
    MembershipFactory(user=stranger, unit=other_district, role="district_staff")
    client.force_login(stranger)
    assert client.get(reverse("registrations:detail", args=[registration.pk])).status_code == 404
    assert client.post(reverse("registrations:accept", args=[registration.pk])).status_code == 404


def test_district_staff_and_viewers_read_every_unit_of_their_district(staff_client, registration, other_registration):
    response = staff_client.get(reverse("registrations:list"))
    assert sorted(r.pk for r in response.context["registrations"]) == sorted([registration.pk, other_registration.pk])


def test_a_focal_point_cannot_accept_or_return_even_their_own_registration(focal_client, campaign, model, registration_deadline):
    registration = RegistrationFactory(campaign=campaign, model=model, status=Status.SUBMITTED)
    assert focal_client.post(reverse("registrations:accept", args=[registration.pk])).status_code == 403
    assert focal_client.post(reverse("registrations:return", args=[registration.pk]), {"reason": "x"}).status_code == 403
    assert focal_client.post(reverse("registrations:bulk_accept"), {"registrations": [registration.pk]}).status_code == 403
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED


def test_a_viewer_reads_but_cannot_accept(viewer_client, campaign, model, registration_deadline):
    registration = RegistrationFactory(campaign=campaign, model=model, status=Status.SUBMITTED)
    assert viewer_client.get(reverse("registrations:detail", args=[registration.pk])).status_code == 200
    assert viewer_client.post(reverse("registrations:accept", args=[registration.pk])).status_code == 403


def test_district_staff_cannot_edit_submit_or_upload_for_a_unit(staff_client, registration):
    assert staff_client.get(reverse("registrations:edit", args=[registration.pk])).status_code == 403
    assert staff_client.post(reverse("registrations:submit", args=[registration.pk])).status_code == 403
    response = staff_client.post(
        reverse("registrations:evidence_upload", args=[registration.pk]), {"file": upload("a.pdf", pdf_bytes())}
    )
    assert response.status_code == 403
    assert not Evidence.objects.exists()


def test_another_focal_point_of_the_same_district_gets_a_404_on_kados_registration(other_focal_client, registration):
    assert other_focal_client.get(reverse("registrations:detail", args=[registration.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(client, registration):
    response = client.get(reverse("registrations:detail", args=[registration.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_an_unknown_report_kind_is_a_404(focal_client, accepted_registration):
    assert focal_client.get(reverse("registrations:report_edit", args=[accepted_registration.pk, "weekly"])).status_code == 404
