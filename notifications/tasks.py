from celery import shared_task


@shared_task
def deliver_notifications_task() -> int:
    """Beat runs this every minute: send what the outbox holds."""
    from .delivery import deliver_pending

    return deliver_pending().sent


@shared_task
def email_notification(notification_id: int) -> int:
    """Kept for messages queued before the outbox existed: they now just drain it."""
    return deliver_notifications_task()


@shared_task
def send_reminders_task() -> int:
    from .services import send_reminders

    return len(send_reminders())
