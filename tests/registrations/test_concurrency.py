"""Two tabs editing the same registration (or report) cannot overwrite
each other silently."""

import pytest
from django.urls import reverse

from registrations import services
from registrations.exceptions import StaleEdit
from registrations.models import CONTENT_FIELDS, ProgressReport, Registration
from tests.factories import ProgressReportFactory


def form_data(registration, **changes) -> dict:
    data = {name: getattr(registration, name) for name in CONTENT_FIELDS}
    data["version"] = registration.version
    data.update(changes)
    return data


def test_a_stale_second_save_is_refused_keeps_the_typed_values_and_the_first_save_intact(focal_client, registration):
    url = reverse("registrations:edit", args=[registration.pk])
    first_tab = form_data(registration, objectives="Mở rộng 3 km đường (tab 1).")
    second_tab = form_data(registration, objectives="Mở rộng 5 km đường (tab 2).", timeline="Tháng 4 – tháng 12/2020")

    first = focal_client.post(url, first_tab)
    assert first.status_code == 302
    second = focal_client.post(url, second_tab)

    assert second.status_code == 409
    body = second.content.decode()
    assert "Đăng ký đã được người khác sửa (Khối Dân vận – Xã Ka Đô, lúc " in body
    assert "Nội dung bạn vừa nhập vẫn còn trên biểu mẫu nhưng CHƯA được lưu" in body
    form = second.context["form"]
    assert form["objectives"].value() == "Mở rộng 5 km đường (tab 2)."
    assert form["timeline"].value() == "Tháng 4 – tháng 12/2020"
    assert "Mở rộng 5 km đường (tab 2)." in body
    registration.refresh_from_db()
    assert registration.objectives == "Mở rộng 3 km đường (tab 1)."
    assert registration.timeline == "Tháng 3 – tháng 10/2020"
    assert registration.version == 2


def test_resaving_the_refused_form_is_still_refused_until_reloaded(focal_client, registration):
    url = reverse("registrations:edit", args=[registration.pk])
    focal_client.post(url, form_data(registration, objectives="Một"))
    stale = form_data(registration, objectives="Hai")
    assert focal_client.post(url, stale).status_code == 409
    assert focal_client.post(url, stale).status_code == 409
    fresh = focal_client.get(url).context["form"]["version"].value()
    assert fresh == 2
    assert focal_client.post(url, {**stale, "version": fresh}).status_code == 302
    assert Registration.objects.get(pk=registration.pk).objectives == "Hai"


def test_update_with_an_old_version_raises_stale_edit(registration, focal_user):
    services.update_registration(registration, by=focal_user, data={"objectives": "Một"}, version=1)
    with pytest.raises(StaleEdit):
        services.update_registration(registration, by=focal_user, data={"objectives": "Hai"}, version=1)
    registration.refresh_from_db()
    assert registration.objectives == "Một"


def test_saving_unchanged_content_keeps_the_version(registration, focal_user):
    services.update_registration(registration, by=focal_user, data={"objectives": registration.objectives}, version=1)
    registration.refresh_from_db()
    assert registration.version == 1


def test_a_stale_report_save_is_refused_and_keeps_typed_values(focal_client, accepted_registration):
    report = ProgressReportFactory(registration=accepted_registration, kind="interim")
    url = reverse("registrations:report_edit", args=[accepted_registration.pk, "interim"])
    data = {"results": "Tab 1", "households": 10, "funds_vnd": 100, "socialised_funds_vnd": 50, "workdays": 5, "version": 1}
    assert focal_client.post(url, data).status_code == 302
    response = focal_client.post(url, {**data, "results": "Tab 2", "households": 99})
    assert response.status_code == 409
    assert response.context["form"]["results"].value() == "Tab 2"
    assert "Báo cáo sơ kết 6 tháng đã được người khác sửa" in response.content.decode()
    report.refresh_from_db()
    assert (report.results, report.households, report.version) == ("Tab 1", 10, 2)


def test_two_tabs_creating_the_same_report_cannot_both_win(focal_client, accepted_registration):
    url = reverse("registrations:report_edit", args=[accepted_registration.pk, "final"])
    data = {"results": "Tab 1", "households": 1, "funds_vnd": 0, "socialised_funds_vnd": 0, "workdays": 0, "version": 0}
    assert focal_client.post(url, data).status_code == 302
    response = focal_client.post(url, {**data, "results": "Tab 2"})
    assert response.status_code == 409
    assert ProgressReport.objects.get(registration=accepted_registration, kind="final").results == "Tab 1"
