from django.urls import reverse


def test_pages_render_for_the_unit_and_the_district(focal_client, registration, staff_user, client):
    for url in (
        reverse("registrations:unit_home"),
        reverse("registrations:list"),
        reverse("registrations:detail", args=[registration.pk]),
        reverse("registrations:edit", args=[registration.pk]),
    ):
        response = focal_client.get(url)
        assert response.status_code == 200, url
