"""The pages a unit and the district use, end to end through the views."""

from django.urls import reverse

import audit
from audit.models import AuditEntry
from registrations import services
from registrations.models import CONTENT_FIELDS, Registration, Status
from tests.factories import CampaignFactory, DvkModelFactory, RegistrationFactory, UserFactory
from tests.text import assert_in_order

CONTENT = {
    "situation": "Đường liên thôn hẹp.",
    "objectives": "Mở rộng 2 km.",
    "content_and_method": "Họp dân, vận động hiến đất.",
    "area_and_target": "Thôn Ka Đô Mới.",
    "lead_forces": "Khối Dân vận xã",
    "coordinating_forces": "",
    "participating_forces": "Nhân dân thôn",
    "resources": "Xi măng nhà nước; ngày công của dân.",
    "timeline": "Tháng 3 – 10/2020",
    "expected_outputs": "2 km đường bê tông.",
    "sustainability": "Tổ tự quản duy tu.",
}


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_create_page_registers_the_model_in_the_open_campaign_of_the_district(
    focal_client, model, campaign, registration_deadline, focal_user
):
    url = reverse("registrations:create") + f"?model={model.pk}"
    page = focal_client.get(url)
    assert page.status_code == 200
    assert page.context["campaign"] == campaign
    response = focal_client.post(url, {"model": model.pk, **CONTENT})
    registration = Registration.objects.get()
    assert response["Location"] == reverse("registrations:detail", args=[registration.pk])
    assert (registration.campaign, registration.model, registration.unit, registration.status) == (
        campaign,
        model,
        model.unit,
        Status.DRAFT,
    )
    assert registration.created_by == focal_user


def test_create_page_with_save_and_submit_sends_a_complete_registration(focal_client, model, campaign, registration_deadline):
    focal_client.post(reverse("registrations:create") + f"?model={model.pk}", {"model": model.pk, **CONTENT, "action": "submit"})
    assert Registration.objects.get().status == Status.SUBMITTED


def test_create_page_without_a_model_offers_the_units_unregistered_models(
    focal_client, model, unit, campaign, registration_deadline
):
    registered = DvkModelFactory(unit=unit)
    RegistrationFactory(campaign=campaign, model=registered)
    response = focal_client.get(reverse("registrations:create"))
    assert list(response.context["form"].fields["model"].queryset) == [model]


def test_create_page_for_an_already_registered_model_opens_the_registration(focal_client, registration):
    response = focal_client.get(reverse("registrations:create"), {"model": registration.model_id})
    assert response["Location"] == reverse("registrations:detail", args=[registration.pk])


def test_create_page_without_a_published_campaign_says_so(focal_client, model, district):
    CampaignFactory(owner=district, status="draft")
    response = focal_client.get(reverse("registrations:create"), {"model": model.pk}, follow=True)
    assert messages_of(response) == ["Chưa có kế hoạch thi đua nào đang nhận đăng ký của đơn vị."]


def test_save_and_submit_with_missing_fields_saves_the_draft_and_marks_what_is_missing(focal_client, registration):
    data = {name: getattr(registration, name) for name in CONTENT_FIELDS} | {"situation": "", "timeline": "", "objectives": "Mới"}
    response = focal_client.post(
        reverse("registrations:edit", args=[registration.pk]), {**data, "version": 1, "action": "submit"}, follow=True
    )
    assert response.redirect_chain == [(reverse("registrations:edit", args=[registration.pk]) + "?check=1", 302)]
    assert messages_of(response) == [
        "Đã lưu bản nháp nhưng chưa gửi. Chưa thể gửi: còn thiếu các mục Thực trạng, lý do xây dựng, Thời gian thực hiện."
    ]
    form = response.context["form"]
    assert form.errors == {"situation": ["Cần điền mục này trước khi gửi."], "timeline": ["Cần điền mục này trước khi gửi."]}
    assert form["version"].value() == 2
    assert form["objectives"].value() == "Mới"
    page = response.content.decode()
    assert page.count('class="invalid-feedback"') + page.count("invalid-feedback ") >= 2
    registration.refresh_from_db()
    assert (registration.status, registration.objectives, registration.version) == (Status.DRAFT, "Mới", 2)


def test_editing_an_accepted_registration_is_refused_with_a_message(focal_client, campaign, model, registration_deadline):
    registration = RegistrationFactory(campaign=campaign, model=model, status=Status.ACCEPTED)
    response = focal_client.get(reverse("registrations:edit", args=[registration.pk]), follow=True)
    assert messages_of(response) == ["Đăng ký đang ở trạng thái “Đã tiếp nhận”, chỉ sửa được khi là nháp hoặc bị trả lại."]
    response = focal_client.post(
        reverse("registrations:edit", args=[registration.pk]), {**CONTENT, "version": registration.version}, follow=True
    )
    registration.refresh_from_db()
    assert registration.situation == "Đường liên thôn hẹp, mùa mưa lầy lội, người dân đi lại khó khăn."


def test_double_submit_through_the_page_is_refused_with_a_message(focal_client, registration):
    focal_client.post(reverse("registrations:submit", args=[registration.pk]), follow=True)
    response = focal_client.post(reverse("registrations:submit", args=[registration.pk]), follow=True)
    assert messages_of(response) == ["Đăng ký này đã được gửi, đang chờ Ban Dân vận xem xét."]
    assert AuditEntry.objects.filter(action="registration.submitted").count() == 1


def test_staff_return_with_a_reason_and_the_unit_sees_it_first(
    client, staff_user, focal_user, campaign, model, registration_deadline
):
    registration = RegistrationFactory(campaign=campaign, model=model, status=Status.SUBMITTED)
    accepted = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=model.unit, name="Á"), status=Status.ACCEPTED)
    client.force_login(staff_user)
    empty = client.post(reverse("registrations:return", args=[registration.pk]), {"reason": "  "})
    assert empty.context["form"].errors == {"reason": ["Cần ghi lý do trả lại để đơn vị biết phải bổ sung gì."]}
    client.post(reverse("registrations:return", args=[registration.pk]), {"reason": "Bổ sung biên bản họp dân."})
    registration.refresh_from_db()
    assert registration.status == Status.RETURNED

    client.force_login(focal_user)
    home = client.get(reverse("registrations:unit_home"))
    assert [r.pk for r in home.context["returned"]] == [registration.pk]
    assert [r.pk for r in home.context["registrations"]] == [registration.pk, accepted.pk]
    assert "Bổ sung biên bản họp dân." in home.content.decode()


def test_staff_accept_from_the_detail_page(staff_client, campaign, model, registration_deadline):
    registration = RegistrationFactory(campaign=campaign, model=model, status=Status.SUBMITTED)
    page = staff_client.get(reverse("registrations:detail", args=[registration.pk]))
    assert page.context["can_review"] is True
    response = staff_client.post(reverse("registrations:accept", args=[registration.pk]), follow=True)
    assert messages_of(response) == [f"Đã tiếp nhận đăng ký “{model.name}” của Xã Ka Đô."]
    registration.refresh_from_db()
    assert registration.status == Status.ACCEPTED


def test_bulk_accept_takes_the_ticked_submitted_ones_and_reports_the_rest(
    staff_client, campaign, unit, registration_deadline, other_district
):
    submitted = [
        RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=Status.SUBMITTED) for _ in range(2)
    ]
    draft = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=Status.DRAFT)
    foreign = RegistrationFactory(
        campaign=CampaignFactory(owner=other_district), model=DvkModelFactory(unit=unit), status=Status.SUBMITTED
    )
    response = staff_client.post(
        reverse("registrations:bulk_accept"),
        {"registrations": [r.pk for r in [*submitted, draft, foreign]], "query": "status=submitted"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("registrations:list") + "?status=submitted"
    assert messages_of(response) == ["Đã tiếp nhận 2 đăng ký.", "Bỏ qua 2 đăng ký không ở trạng thái “Đã gửi”."]
    assert {r.status for r in Registration.objects.filter(pk__in=[r.pk for r in submitted])} == {Status.ACCEPTED}
    foreign.refresh_from_db()
    assert foreign.status == Status.SUBMITTED


def test_withdraw_from_the_detail_page(focal_client, registration):
    response = focal_client.post(reverse("registrations:withdraw", args=[registration.pk]), follow=True)
    assert messages_of(response) == [f"Đã rút đăng ký “{registration.model.name}”."]
    registration.refresh_from_db()
    assert registration.status == Status.WITHDRAWN


def test_list_filters_by_status_field_kind_area_and_text(staff_client, campaign, unit, other_unit, registration_deadline):
    a = RegistrationFactory(
        campaign=campaign,
        model=DvkModelFactory(unit=unit, name="Tổ tự quản an ninh", field="defence_security", is_ethnic_minority_area=True),
        status=Status.SUBMITTED,
    )
    b = RegistrationFactory(
        campaign=campaign,
        model=DvkModelFactory(unit=other_unit, name="Đường làng", field="new_rural", is_religious_area=True),
        status=Status.ACCEPTED,
    )

    def listed(**params):
        return [r.pk for r in staff_client.get(reverse("registrations:list"), params).context["registrations"]]

    assert listed(status="submitted") == [a.pk]
    assert listed(field="new_rural") == [b.pk]
    assert listed(unit=other_unit.pk) == [b.pk]
    assert listed(ethnic_minority="1") == [a.pk]
    assert listed(religious="1") == [b.pk]
    assert listed(religious="0") == [a.pk]
    assert listed(kind="exemplar") == []
    assert listed(q="an ninh") == [a.pk]
    assert listed(q="lầy lội") == [b.pk, a.pk]


def test_list_defaults_to_the_newest_campaign_and_can_show_an_older_one(
    staff_client, district, campaign, unit, registration_deadline
):
    older = CampaignFactory(owner=district, year=campaign.year - 1)
    old = RegistrationFactory(campaign=older, model=DvkModelFactory(unit=unit))
    new = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit))
    assert [r.pk for r in staff_client.get(reverse("registrations:list")).context["registrations"]] == [new.pk]
    assert [r.pk for r in staff_client.get(reverse("registrations:list"), {"campaign": older.pk}).context["registrations"]] == [
        old.pk
    ]


def test_unit_home_lists_what_is_due_next(focal_client, registration, report_deadlines):
    response = focal_client.get(reverse("registrations:unit_home"))
    titles = [str(o.title) for o in response.context["obligations"]]
    assert titles == ["Đăng ký mô hình, điển hình “Dân vận khéo” (Xã Ka Đô)"]
    assert "còn 20 ngày" in response.content.decode()


def test_unit_home_sends_district_staff_to_the_list(staff_client):
    response = staff_client.get(reverse("registrations:unit_home"))
    assert response["Location"] == reverse("registrations:list")


def test_the_admin_shows_registrations_read_only(client, registration):
    admin = UserFactory(username="admin-test", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get(reverse("admin:registrations_registration_changelist")).status_code == 200
    change_url = reverse("admin:registrations_registration_change", args=[registration.pk])
    page = client.get(change_url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.get(reverse("admin:registrations_registration_add")).status_code == 403
    assert client.post(change_url, {"status": Status.ACCEPTED, "situation": "Sửa qua trang quản trị"}).status_code == 403
    delete_url = reverse("admin:registrations_registration_delete", args=[registration.pk])
    assert client.get(delete_url).status_code == 403
    assert client.post(delete_url, {"post": "yes"}).status_code == 403
    unchanged = Registration.objects.get(pk=registration.pk)
    assert (unchanged.status, unchanged.situation) == (registration.status, registration.situation)


def test_the_detail_page_tells_the_history_from_the_audit_ledger(focal_client, registration, focal_user, staff_user):
    services.submit_registration(registration, by=focal_user)
    services.return_registration(registration, by=staff_user, reason="Bổ sung ảnh hiện trường.")
    audit.record(staff_user, "registration.nominated", registration, after={"status": "nominated"})
    audit.record(staff_user, "registration.reopened", registration, after={"status": "accepted"})
    history = focal_client.get(reverse("registrations:detail", args=[registration.pk])).content.decode()
    assert 'id="history"' in history
    section = history[history.index('id="history"') :]
    assert_in_order(
        section,
        [
            "Chuyển trạng thái: Đã tiếp nhận",
            "Đưa vào thẩm định",
            'Trả lại để bổ sung: <span class="text-pre">Bổ sung ảnh hiện trường.</span>',
        ],
    )
    assert "Gửi đăng ký" in section
    assert "Nguyễn Thị Hồng" in section
