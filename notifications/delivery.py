"""The outbox: notifications waiting to be e-mailed are sent by the delivery task (beat,
every minute) or ``manage.py deliver_notifications``. Each row is locked while it is
sent (``SKIP LOCKED``), so two workers never send the same e-mail; a refusal is retried
with a backoff over hours and, after the last try, shown to staff to retry by hand."""

import datetime
import logging
from dataclasses import dataclass

from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

import audit
from accounts.broker import queue_once

from .mail import email_for
from .models import DeliveryAttempt, Notification

logger = logging.getLogger(__name__)

# Minutes to wait after the 1st, 2nd, ... refusal: about 16 hours in all before giving up.
RETRY_DELAYS_MINUTES = (1, 5, 15, 30, 60, 120, 240, 480)
MAX_ATTEMPTS = len(RETRY_DELAYS_MINUTES) + 1
BATCH_SIZE = 50


@dataclass
class DeliveryRun:
    sent: int = 0
    refused: int = 0
    given_up: int = 0


def next_attempt_after(attempts: int, now: datetime.datetime) -> datetime.datetime | None:
    """When to try again after ``attempts`` failed tries; None once they are used up."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return now + datetime.timedelta(minutes=RETRY_DELAYS_MINUTES[attempts - 1])


def _due(now: datetime.datetime, ignore_backoff: bool):
    pending = Notification.objects.filter(email_status=Notification.EmailStatus.PENDING)
    if not ignore_backoff:
        pending = pending.filter(email_next_attempt_at__lte=now)
    return pending


def _send_batch(now: datetime.datetime, ignore_backoff: bool, run: DeliveryRun, seen: set[int]) -> int:
    with transaction.atomic():
        batch = list(
            _due(now, ignore_backoff)
            .exclude(pk__in=seen)
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("user", "organiser")
            .order_by("email_next_attempt_at", "pk")[:BATCH_SIZE]
        )
        if not batch:
            return 0
        connection = get_connection(fail_silently=False)
        attempts = []
        for notification in batch:
            seen.add(notification.pk)
            attempted_at = timezone.now()
            if not notification.user.email:
                notification.email_status = Notification.EmailStatus.NONE
                continue
            try:
                email_for(notification, connection=connection).send()
            except Exception as error:  # noqa: BLE001 - any refusal is recorded and retried
                message = f"{error.__class__.__name__}: {error}"[:500]
                attempts.append(
                    DeliveryAttempt(notification=notification, attempted_at=attempted_at, succeeded=False, error=message)
                )
                notification.email_attempts += 1
                notification.email_last_error = message
                retry_at = next_attempt_after(notification.email_attempts, now)
                if retry_at is None:
                    notification.email_status = Notification.EmailStatus.FAILED
                    run.given_up += 1
                else:
                    notification.email_next_attempt_at = retry_at
                    run.refused += 1
                logger.warning("e-mail of notification %s refused: %s", notification.pk, message)
                continue
            attempts.append(DeliveryAttempt(notification=notification, attempted_at=attempted_at, succeeded=True))
            notification.email_attempts += 1
            notification.email_status = Notification.EmailStatus.SENT
            notification.emailed_at = attempted_at
            notification.email_last_error = ""
            run.sent += 1
        try:
            connection.close()
        except Exception:  # noqa: BLE001 - the messages are sent; a failing QUIT changes nothing
            logger.info("closing the mail connection failed", exc_info=True)
        Notification.objects.bulk_update(
            batch, ["email_status", "email_attempts", "email_next_attempt_at", "email_last_error", "emailed_at"]
        )
        DeliveryAttempt.objects.bulk_create(attempts)
    return len(batch)


def deliver_pending(*, now: datetime.datetime | None = None, ignore_backoff: bool = False) -> DeliveryRun:
    """Send every e-mail in the outbox whose time has come (or all pending ones, after an
    outage, with ``ignore_backoff``). Each notification is tried at most once per run."""
    now = now or timezone.now()
    run = DeliveryRun()
    seen: set[int] = set()
    while _send_batch(now, ignore_backoff, run, seen):
        pass
    return run


def retry_delivery(notification: Notification, *, by) -> Notification:
    """Staff put a failed e-mail back in the outbox, to be sent within a minute."""
    with transaction.atomic():
        notification = Notification.objects.select_for_update().get(pk=notification.pk)
        if notification.email_status != Notification.EmailStatus.FAILED:
            return notification
        notification.email_status = Notification.EmailStatus.PENDING
        notification.email_attempts = 0
        notification.email_next_attempt_at = timezone.now()
        notification.save(update_fields=["email_status", "email_attempts", "email_next_attempt_at"])
        audit.record(
            by,
            "notification.delivery_retried",
            notification,
            before={"email_status": "failed"},
            after={"email_status": "pending"},
        )
        nudge_delivery()
    return notification


def _deliver_soon() -> None:
    """One try; with the broker down, beat sends the task within a minute anyway and
    the outbox keeps the e-mails."""
    from .tasks import deliver_notifications_task

    queue_once(deliver_notifications_task)


def nudge_delivery() -> None:
    """Ask a worker to deliver right after this transaction commits. Only a shortcut:
    the outbox row is what guarantees delivery, beat picks it up if the broker is down."""
    connection = transaction.get_connection()
    if any(callback is _deliver_soon for _, callback, _ in connection.run_on_commit):
        return
    transaction.on_commit(_deliver_soon)
