"""The registration workflow of DESIGN §7, one service per transition."""

import pytest

from audit.models import AuditEntry
from registrations import services
from registrations.exceptions import (
    AlreadyRegistered,
    CampaignNotOpen,
    IncompleteRegistration,
    ReasonRequired,
    TransitionNotAllowed,
)
from registrations.models import Registration, Status
from tests.factories import CampaignFactory, DvkModelFactory, RegistrationFactory, UnitFactory


def actions_of(obj) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_type=f"registrations.{obj._meta.model_name}", object_id=str(obj.pk))
        .order_by("sequence")
        .values_list("action", flat=True)
    )


def test_create_registration_saves_a_draft_with_the_models_unit_and_audits_it(campaign, model, focal_user):
    registration = services.create_registration(
        campaign=campaign, model=model, by=focal_user, data={"situation": "  Đường lầy lội mùa mưa.  "}
    )
    assert registration.status == Status.DRAFT
    assert registration.unit_id == model.unit_id
    assert registration.situation == "Đường lầy lội mùa mưa."
    assert registration.created_by == focal_user
    assert actions_of(registration) == ["registration.created"]


def test_create_registration_twice_for_the_same_model_and_campaign_is_refused(campaign, model, focal_user):
    services.create_registration(campaign=campaign, model=model, by=focal_user)
    with pytest.raises(AlreadyRegistered):
        services.create_registration(campaign=campaign, model=model, by=focal_user)
    assert Registration.objects.filter(model=model).count() == 1


def test_create_registration_in_a_draft_campaign_is_refused(district, model, focal_user):
    draft_campaign = CampaignFactory(owner=district, status="draft")
    with pytest.raises(CampaignNotOpen):
        services.create_registration(campaign=draft_campaign, model=model, by=focal_user)
    assert not Registration.objects.exists()


def test_create_registration_of_a_model_from_another_district_is_refused(campaign, focal_user, other_district):
    stranger = DvkModelFactory(unit=UnitFactory(parent=other_district))
    with pytest.raises(TransitionNotAllowed):
        services.create_registration(campaign=campaign, model=stranger, by=focal_user)


def test_submit_a_complete_draft_before_the_deadline_sends_it(registration, focal_user):
    services.submit_registration(registration, by=focal_user)
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED
    assert registration.submitted_at is not None
    assert actions_of(registration) == ["registration.submitted"]


def test_submit_lists_every_missing_required_field_in_vietnamese(registration, focal_user):
    Registration.objects.filter(pk=registration.pk).update(situation="", timeline="  ", coordinating_forces="")
    with pytest.raises(IncompleteRegistration) as error:
        services.submit_registration(registration, by=focal_user)
    assert list(error.value.missing) == ["situation", "timeline"]
    assert error.value.message == "Chưa thể gửi: còn thiếu các mục Thực trạng, lý do xây dựng, Thời gian thực hiện."
    registration.refresh_from_db()
    assert registration.status == Status.DRAFT


def test_double_submit_is_refused_and_leaves_one_audit_entry(registration, focal_user):
    services.submit_registration(registration, by=focal_user)
    with pytest.raises(TransitionNotAllowed) as error:
        services.submit_registration(registration, by=focal_user)
    assert error.value.message == "Đăng ký này đã được gửi, đang chờ Ban Dân vận xem xét."
    assert actions_of(registration) == ["registration.submitted"]


def test_return_needs_a_reason_and_keeps_it_for_the_unit(registration, focal_user, staff_user):
    services.submit_registration(registration, by=focal_user)
    with pytest.raises(ReasonRequired):
        services.return_registration(registration, by=staff_user, reason="   ")
    services.return_registration(registration, by=staff_user, reason="Bổ sung biên bản họp dân.")
    registration.refresh_from_db()
    assert registration.status == Status.RETURNED
    assert registration.return_reason == "Bổ sung biên bản họp dân."
    assert registration.is_editable


def test_returned_registration_can_be_fixed_resubmitted_and_accepted(registration, focal_user, staff_user):
    services.submit_registration(registration, by=focal_user)
    services.return_registration(registration, by=staff_user, reason="Ghi rõ số hộ hiến đất.")
    services.update_registration(registration, by=focal_user, data={"expected_outputs": "45 hộ hiến 3.200 m² đất."}, version=1)
    services.submit_registration(registration, by=focal_user)
    services.accept_registration(registration, by=staff_user)
    registration.refresh_from_db()
    assert registration.status == Status.ACCEPTED
    assert registration.reviewed_at is not None
    assert actions_of(registration) == [
        "registration.submitted",
        "registration.returned",
        "registration.updated",
        "registration.submitted",
        "registration.accepted",
    ]


@pytest.mark.parametrize("status", [Status.DRAFT, Status.RETURNED, Status.ACCEPTED, Status.WITHDRAWN])
def test_accept_anything_but_a_submitted_registration_is_refused(campaign, model, staff_user, status):
    registration = RegistrationFactory(campaign=campaign, model=model, status=status)
    with pytest.raises(TransitionNotAllowed):
        services.accept_registration(registration, by=staff_user)
    registration.refresh_from_db()
    assert registration.status == status


@pytest.mark.parametrize("status", [Status.DRAFT, Status.ACCEPTED, Status.RETURNED])
def test_return_anything_but_a_submitted_registration_is_refused(campaign, model, staff_user, status):
    registration = RegistrationFactory(campaign=campaign, model=model, status=status)
    with pytest.raises(TransitionNotAllowed):
        services.return_registration(registration, by=staff_user, reason="Thiếu minh chứng")


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.ACCEPTED, Status.NOMINATED, Status.WITHDRAWN])
def test_edit_outside_draft_or_returned_is_refused(campaign, model, focal_user, status):
    registration = RegistrationFactory(campaign=campaign, model=model, status=status)
    with pytest.raises(TransitionNotAllowed):
        services.update_registration(registration, by=focal_user, data={"objectives": "Khác"}, version=registration.version)
    registration.refresh_from_db()
    assert registration.objectives == "Mở rộng 2 km đường liên thôn lên 5 m trong năm 2020."


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.RETURNED])
def test_withdraw_from_draft_submitted_or_returned(campaign, model, focal_user, status):
    registration = RegistrationFactory(campaign=campaign, model=model, status=status)
    services.withdraw_registration(registration, by=focal_user)
    registration.refresh_from_db()
    assert registration.status == Status.WITHDRAWN


@pytest.mark.parametrize("status", [Status.ACCEPTED, Status.NOMINATED, Status.WITHDRAWN])
def test_withdraw_after_acceptance_is_refused(campaign, model, focal_user, status):
    registration = RegistrationFactory(campaign=campaign, model=model, status=status)
    with pytest.raises(TransitionNotAllowed):
        services.withdraw_registration(registration, by=focal_user)


def test_submit_a_withdrawn_registration_is_refused(registration, focal_user):
    services.withdraw_registration(registration, by=focal_user)
    with pytest.raises(TransitionNotAllowed):
        services.submit_registration(registration, by=focal_user)


def test_bulk_accept_accepts_submitted_ones_and_skips_the_rest(campaign, unit, staff_user, registration_deadline):
    submitted = [
        RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=Status.SUBMITTED) for _ in range(3)
    ]
    draft = RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status=Status.DRAFT)
    result = services.bulk_accept([*submitted, draft], by=staff_user)
    assert sorted(r.pk for r in result.accepted) == sorted(r.pk for r in submitted)
    assert [r.pk for r in result.skipped] == [draft.pk]
    assert set(Registration.objects.filter(pk__in=[r.pk for r in submitted]).values_list("status", flat=True)) == {
        Status.ACCEPTED
    }
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_submitting_in_a_closed_campaign_is_refused(registration, focal_user):
    registration.campaign.status = "closed"
    registration.campaign.save()
    with pytest.raises(CampaignNotOpen):
        services.submit_registration(registration, by=focal_user)
