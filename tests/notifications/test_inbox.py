from django.urls import reverse

from notifications.models import Notification
from notifications.services import notify


def test_inbox_lists_only_my_notifications(focal_client, focal_user, other_focal_user):
    notify(focal_user, "Đăng ký của bạn đã được tiếp nhận")
    notify(other_focal_user, "Thư của đơn vị khác")
    content = focal_client.get(reverse("notifications:inbox")).content.decode()
    assert "Đăng ký của bạn đã được tiếp nhận" in content
    assert "Thư của đơn vị khác" not in content


def test_opening_another_users_notification_is_a_404(focal_client, other_focal_user):
    other = notify(other_focal_user, "Thư của đơn vị khác")
    assert focal_client.post(reverse("notifications:open", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.read_at is None


def test_opening_marks_read_and_follows_only_local_links(focal_client, focal_user):
    local = notify(focal_user, "Có việc", url="/registrations/")
    remote = notify(focal_user, "Lừa đảo", url="https://evil.example/")
    assert focal_client.post(reverse("notifications:open", args=[local.pk])).url == "/registrations/"
    assert focal_client.post(reverse("notifications:open", args=[remote.pk])).url == reverse("notifications:inbox")
    assert Notification.objects.filter(user=focal_user, read_at__isnull=True).count() == 0


def test_mark_all_read(focal_client, focal_user):
    notify(focal_user, "Một")
    notify(focal_user, "Hai")
    focal_client.post(reverse("notifications:mark_all_read"))
    assert Notification.objects.filter(user=focal_user, read_at__isnull=True).count() == 0
