"""The registration form (phiếu đăng ký) as the unit filed it, printable from the
registration's page by whoever may see the registration."""

import datetime

from django.urls import reverse
from django.utils import timezone

from registrations.models import Registration, Status

from .builders import add_registration, page_texts, pdftotext


def _filed(campaign, unit, focal_user):
    registration = add_registration(campaign, unit, status=Status.SUBMITTED, name="Dân vận khéo giữ gìn an ninh thôn")
    Registration.objects.filter(pk=registration.pk).update(
        situation="Thôn có nhiều hộ đồng bào K'Ho, an ninh trật tự còn phức tạp.",
        objectives="Không để xảy ra trọng án; 100% hộ ký cam kết.",
        submitted_at=datetime.datetime(2020, 4, 20, 9, 0, tzinfo=timezone.get_default_timezone()),
        created_by=focal_user,
    )
    return registration


def test_the_units_focal_point_prints_the_form_it_filed(focal_client, focal_user, campaign, unit):
    registration = _filed(campaign, unit, focal_user)
    page = focal_client.get(reverse("registrations:detail", args=[registration.pk])).content.decode()
    url = reverse("reports:registration_form", args=[registration.pk])
    assert f'href="{url}"' in page
    response = focal_client.get(url)
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    text = pdftotext(pdf)
    for expected in (
        "PHIẾU ĐĂNG KÝ",
        "Xây dựng mô hình “Dân vận khéo” năm 2020",
        "HUYỆN ỦY ĐƠN DƯƠNG",
        "Kính gửi: Ban Dân vận Huyện ủy",
        "Dân vận khéo giữ gìn an ninh thôn",
        "Thôn có nhiều hộ đồng bào K'Ho, an ninh trật tự còn phức tạp.",
        "Không để xảy ra trọng án; 100% hộ ký cam kết.",
        "Đơn Dương, ngày 20 tháng 4 năm 2020",
        "T/M XÃ KA ĐÔ",
        "Khối Dân vận – Xã Ka Đô",
    ):
        assert expected in text, expected
    # Filed, so not a draft.
    assert not any("DỰ THẢO" in page for page in page_texts(pdf))


def test_a_form_not_yet_sent_is_marked_du_thao(focal_client, campaign, unit):
    registration = add_registration(campaign, unit, status=Status.DRAFT)
    response = focal_client.get(reverse("reports:registration_form", args=[registration.pk]))
    assert all("DỰ THẢO" in page for page in page_texts(response.content))


def test_staff_of_the_organiser_print_any_form_of_their_campaign(staff_client, focal_user, campaign, unit):
    registration = _filed(campaign, unit, focal_user)
    assert staff_client.get(reverse("reports:registration_form", args=[registration.pk])).status_code == 200


def test_another_units_form_is_not_found(other_focal_client, focal_user, campaign, unit):
    registration = _filed(campaign, unit, focal_user)
    assert other_focal_client.get(reverse("reports:registration_form", args=[registration.pk])).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, focal_user, campaign, unit):
    registration = _filed(campaign, unit, focal_user)
    response = client.get(reverse("reports:registration_form", args=[registration.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_the_same_form_is_laid_out_once_and_a_changed_one_anew(focal_client, staff_client, focal_user, campaign, unit, monkeypatch):
    from django.core.cache import cache

    from reports import pdf as pdf_module

    cache.clear()  # another test may have laid out the same text already
    laid_out = []
    layout_html = pdf_module.layout_html
    monkeypatch.setattr(pdf_module, "layout_html", lambda html: laid_out.append(html) or layout_html(html))
    registration = _filed(campaign, unit, focal_user)
    url = reverse("reports:registration_form", args=[registration.pk])

    first = focal_client.get(url).content
    again = staff_client.get(url).content  # the organiser's staff open the same form
    assert (len(laid_out), again) == (1, first)

    Registration.objects.filter(pk=registration.pk).update(objectives="Giữ vững an ninh; 100% hộ ký cam kết.")
    changed = focal_client.get(url).content
    assert len(laid_out) == 2
    assert "Giữ vững an ninh; 100% hộ ký cam kết." in pdftotext(changed)
    assert "Không để xảy ra trọng án" not in pdftotext(changed)
