"""On a phone (390×844): the failed-deliveries page and the home page's "Việc cần làm"
fit the screen, and staff retry a refused e-mail from the page."""

import datetime

from django.utils import timezone

from campaign.models import Campaign, Deadline
from notifications import delivery
from notifications.models import Notification
from tests.e2e.conftest import login
from tests.factories import CampaignFactory, DeadlineFactory, DvkModelFactory, MembershipFactory, RegistrationFactory, UserFactory
from tests.factories.accounts import TEST_PASSWORD

LONG = "Mô hình “Dân vận khéo” trong phát triển kinh tế hộ gia đình đồng bào dân tộc thiểu số thôn Ka Đơn, xã Ka Đô " * 2


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_on_a_phone_staff_retry_a_refused_email_and_the_unit_sees_what_it_owes(page, transactional_db, district, unit):
    page.set_viewport_size({"width": 390, "height": 844})
    staff = UserFactory(username="bdvphone", full_name="Nguyễn Thị Hồng")
    MembershipFactory(user=staff, unit=district, role="district_staff")
    focal = UserFactory(username="kadophone", email="kado-phone-rat-dai-de-xuong-dong@example.org")
    MembershipFactory(user=focal, unit=unit, role="focal_point")
    campaign = CampaignFactory(owner=district, status=Campaign.Status.PUBLISHED)
    DeadlineFactory(campaign=campaign, kind=Deadline.Kind.REGISTRATION, due_date=timezone.localdate() + datetime.timedelta(days=2))
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name=LONG[:300]), status="draft")
    Notification.objects.create(
        user=focal,
        title=f"Đăng ký “{LONG[:200]}” được trả lại để bổ sung",
        organiser=district,
        email_status=Notification.EmailStatus.FAILED,
        email_attempts=delivery.MAX_ATTEMPTS,
        email_last_error="SMTPRecipientsRefused: {'kado-phone-rat-dai-de-xuong-dong@example.org': (550, b'5.1.1 Mailbox unavailable')}",
    )

    login(page, staff.username, TEST_PASSWORD)
    page.goto(f"{page.base_url}/notifications/deliveries/")
    assert page.locator("h1").inner_text() == "Thư điện tử chưa gửi được"
    assert _fits(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi lại", exact=True).click()
    assert "Đã đưa 1 thư vào hàng đợi gửi lại" in page.content()
    assert Notification.objects.get().email_status != Notification.EmailStatus.FAILED

    page.context.clear_cookies()
    login(page, focal.username, TEST_PASSWORD)
    todo = page.locator("#todo")
    assert "Việc cần làm" in todo.inner_text()
    assert "bản nháp chưa gửi" in todo.inner_text()
    assert _fits(page)
    with page.expect_navigation():
        todo.locator("a").first.click()
    assert "/registrations/" in page.url
    assert page.js_errors == []
