"""The plan's state changes: allowed transitions, refusals that leave nothing written,
stale edits, and the audit entry each change leaves."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from campaign.exceptions import NotAllowed, StaleEdit, TransitionNotAllowed
from campaign.models import Campaign, PlanItem
from campaign.services import (
    close_campaign,
    create_campaign,
    create_plan_item,
    delete_plan_item,
    publish_campaign,
    record_plan_item_update,
    set_plan_item_status,
    update_campaign,
    update_plan_item,
)
from tests.factories import PlanItemFactory

pytestmark = pytest.mark.django_db


def test_create_campaign_makes_a_draft_with_the_three_periods_of_the_seed(district, staff_user):
    campaign = create_campaign(owner=district, by=staff_user, year=2021, title="Kế hoạch năm 2021")
    assert campaign.status == Campaign.Status.DRAFT
    assert [(p.name, p.starts_on, p.ends_on) for p in campaign.periods.all()] == [
        ("Quý I và quý II", datetime.date(2021, 1, 1), datetime.date(2021, 6, 30)),
        ("Quý III", datetime.date(2021, 7, 1), datetime.date(2021, 9, 30)),
        ("Quý IV", datetime.date(2021, 10, 1), datetime.date(2021, 12, 31)),
    ]
    assert AuditEntry.objects.filter(action="campaign.created").count() == 1
    assert AuditEntry.objects.filter(action="plan_period.created").count() == 3


def test_only_staff_of_the_district_create_its_campaign(district, focal_user, other_district_staff):
    for user in (focal_user, other_district_staff):
        with pytest.raises(NotAllowed):
            create_campaign(owner=district, by=user, year=2021, title="Kế hoạch")
    assert Campaign.objects.count() == 0


def test_a_draft_without_tasks_cannot_be_published(draft_campaign, staff_user):
    with pytest.raises(TransitionNotAllowed) as error:
        publish_campaign(draft_campaign, by=staff_user)
    assert error.value.message == "Kế hoạch chưa có nhiệm vụ nào; hãy thêm nhiệm vụ trước khi ban hành."
    draft_campaign.refresh_from_db()
    assert draft_campaign.status == Campaign.Status.DRAFT


def test_publishing_twice_is_refused(campaign, item, staff_user):
    with pytest.raises(TransitionNotAllowed):
        publish_campaign(campaign, by=staff_user)


def test_publish_button_shows_the_refusal_as_a_message(staff_client, draft_campaign):
    response = staff_client.post(reverse("campaign:publish", args=[draft_campaign.pk]), follow=True)
    assert "Kế hoạch chưa có nhiệm vụ nào; hãy thêm nhiệm vụ trước khi ban hành." in response.content.decode()


def test_a_closed_campaign_can_no_longer_change(campaign, item, staff_user):
    close_campaign(campaign, by=staff_user)
    with pytest.raises(TransitionNotAllowed):
        update_campaign(campaign, by=staff_user, title="Sửa sau khi kết thúc")
    with pytest.raises(TransitionNotAllowed):
        set_plan_item_status(item, PlanItem.Status.DONE, by=staff_user)
    assert AuditEntry.objects.filter(action="campaign.closed").count() == 1


def test_a_stale_campaign_edit_is_refused(campaign, staff_user):
    update_campaign(campaign, by=staff_user, version=1, title="Bản của người thứ nhất")
    with pytest.raises(StaleEdit):
        update_campaign(campaign, by=staff_user, version=1, title="Bản của người thứ hai")
    campaign.refresh_from_db()
    assert campaign.title == "Bản của người thứ nhất"


def test_a_stale_campaign_form_keeps_what_was_typed_and_says_why(staff_client, campaign, staff_user):
    update_campaign(campaign, by=staff_user, title="Bản đã lưu trước")
    response = staff_client.post(
        reverse("campaign:update", args=[campaign.pk]),
        {"year": "2020", "title": "Bản tôi vừa gõ", "number": "Số 12-KH/BDVHU", "signer_title": "TRƯỞNG BAN", "version": "1"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nội dung này vừa được người khác lưu sau khi bạn mở biểu mẫu." in body
    assert "Bản tôi vừa gõ" in body
    campaign.refresh_from_db()
    assert campaign.title == "Bản đã lưu trước"


def test_a_stale_task_edit_is_refused(item, staff_user):
    update_plan_item(item, by=staff_user, version=1, title="Lần sửa thứ nhất")
    with pytest.raises(StaleEdit):
        update_plan_item(item, by=staff_user, version=1, title="Lần sửa thứ hai")


def test_a_task_cannot_move_to_a_period_of_another_campaign(item, staff_user, district):
    other = Campaign.objects.create(owner=district, year=2021, title="Khác")
    period = other.periods.create(name="Quý I", starts_on="2021-01-01", ends_on="2021-03-31")
    with pytest.raises(NotAllowed):
        update_plan_item(item, by=staff_user, period=period)
    item.refresh_from_db()
    assert item.period.campaign_id != other.pk


def test_marking_done_records_the_day_and_reopening_clears_it(item, staff_user):
    set_plan_item_status(item, PlanItem.Status.DONE, by=staff_user, on=datetime.date(2020, 3, 27))
    item.refresh_from_db()
    assert (item.status, item.completed_on) == ("done", datetime.date(2020, 3, 27))
    set_plan_item_status(item, PlanItem.Status.IN_PROGRESS, by=staff_user)
    item.refresh_from_db()
    assert (item.status, item.completed_on) == ("in_progress", None)
    entries = AuditEntry.objects.filter(action="plan_item.status_changed").order_by("sequence")
    assert [(e.before, e.after) for e in entries] == [("planned", "done"), ("done", "in_progress")]


def test_setting_the_same_status_again_is_refused(item, staff_user):
    with pytest.raises(TransitionNotAllowed) as error:
        set_plan_item_status(item, PlanItem.Status.PLANNED, by=staff_user)
    assert error.value.message == "Nhiệm vụ đã ở trạng thái “Chưa thực hiện”."


def test_a_progress_update_dated_in_the_future_is_refused_and_leaves_nothing(item, staff_user):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(TransitionNotAllowed):
        record_plan_item_update(item, by=staff_user, date=tomorrow, text="Sẽ làm", new_status="done")
    item.refresh_from_db()
    assert (item.status, item.updates.count()) == ("planned", 0)


def test_an_update_can_change_the_status_in_the_same_step(item, staff_user):
    update = record_plan_item_update(item, by=staff_user, date=datetime.date(2020, 3, 27), text="Xong", new_status="done")
    item.refresh_from_db()
    assert (item.status, item.completed_on, update.status_after) == ("done", datetime.date(2020, 3, 27), "done")


def test_a_task_with_updates_is_cancelled_rather_than_deleted(item, staff_user):
    record_plan_item_update(item, by=staff_user, date=datetime.date(2020, 3, 27), text="Đã làm một phần")
    with pytest.raises(TransitionNotAllowed):
        delete_plan_item(item, by=staff_user)
    assert PlanItem.objects.filter(pk=item.pk).exists()


def test_a_task_without_updates_can_be_deleted_and_the_deletion_is_audited(item, staff_user):
    delete_plan_item(item, by=staff_user)
    assert not PlanItem.objects.filter(pk=item.pk).exists()
    assert AuditEntry.objects.get(action="plan_item.deleted").before["title"] == "Tổ chức quán triệt các văn bản mới"


def test_new_tasks_go_to_the_end_of_their_period(periods, staff_user):
    first = create_plan_item(periods[1], by=staff_user, title="Một")
    second = create_plan_item(periods[1], by=staff_user, title="Hai")
    assert (first.order, second.order) == (1, 2)


@pytest.mark.parametrize(
    ("status", "due_offset", "overdue"),
    [
        ("planned", -1, True),
        ("in_progress", -1, True),
        ("done", -1, False),
        ("cancelled", -1, False),
        ("planned", 0, False),
        ("planned", 1, False),
    ],
)
def test_a_task_is_overdue_only_when_its_due_day_has_passed_and_it_is_still_open(periods, status, due_offset, overdue):
    item = PlanItemFactory(period=periods[0], status=status, due_date=timezone.localdate() + datetime.timedelta(days=due_offset))
    assert item.is_overdue is overdue


def test_a_task_without_a_due_date_is_never_overdue(periods):
    assert PlanItemFactory(period=periods[0], due_date=None).is_overdue is False
