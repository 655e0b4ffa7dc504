"""Messages for the events that change what someone must do: an extension granted to a
unit reaches its focal points, after the change commits, and only then."""

import datetime

from django.urls import reverse

from campaign import services as campaign_services
from notifications.models import Notification
from tests.factories import CampaignFactory, DeadlineFactory


def test_an_extension_granted_tells_the_units_focal_points_the_new_date_and_why(
    district, unit, other_unit, focal_user, other_focal_user, staff_user, django_capture_on_commit_callbacks
):
    campaign = CampaignFactory(owner=district)
    deadline = DeadlineFactory(campaign=campaign, kind="registration", title="Đăng ký mô hình", due_date=datetime.date(2020, 4, 30))
    with django_capture_on_commit_callbacks(execute=True):
        campaign_services.grant_extension(
            deadline, unit, by=staff_user, due_date=datetime.date(2020, 5, 10), reason="Đường sá khó khăn"
        )
    messages = list(Notification.objects.values_list("user__username", "title", "body", "url"))
    assert messages == [
        (
            focal_user.username,
            "Được gia hạn “Đăng ký mô hình” đến hết ngày 10/05/2020",
            "Lý do: Đường sá khó khăn",
            reverse("registrations:unit_home"),
        )
    ]


def test_the_bell_shows_the_unread_count_on_every_page_and_in_the_phone_header(client, focal_user):
    client.force_login(focal_user)
    assert 'id="bell-count"' not in client.get(reverse("campaign:list")).content.decode()
    for number in range(3):
        Notification.objects.create(user=focal_user, title=f"Tin {number}")
    Notification.objects.create(user=focal_user, title="Đã đọc", read_at=datetime.datetime(2020, 5, 1, tzinfo=datetime.UTC))
    for url in (reverse("campaign:list"), reverse("registrations:unit_home"), reverse("notifications:inbox")):
        page = client.get(url)
        assert page.context["unread_notifications"] == 3
        html = page.content.decode()
        bell = html[html.index('id="bell"') : html.index("</a>", html.index('id="bell"'))]
        assert 'id="bell-count" aria-hidden="true">3</span>' in bell
        assert 'aria-label="Thông báo: 3 chưa đọc"' in html
        # Outside the collapsing menu, so a phone shows it without opening the menu.
        assert html.index('id="bell"') < html.index('id="mainnav"')
