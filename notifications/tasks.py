from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from accounts.text import header_text

from .models import Notification


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def email_notification(notification_id: int) -> bool:
    notification = Notification.objects.select_related("user").filter(pk=notification_id, emailed_at__isnull=True).first()
    if notification is None or not notification.user.email:
        return False
    body = notification.body
    if notification.url:
        body = f"{body}\n\n{notification.url}"
    send_mail(header_text(notification.title), body, settings.DEFAULT_FROM_EMAIL, [notification.user.email])
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
    return True


@shared_task
def send_reminders_task() -> int:
    from .services import send_reminders

    return len(send_reminders())
