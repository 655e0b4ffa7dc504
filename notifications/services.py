import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .delivery import nudge_delivery
from .models import Notification, ReminderLog
from .reminders import Reminder, due_reminders


def notify(
    user, title: str, *, body: str = "", url: str = "", kind: str = Notification.Kind.WORKFLOW, organiser=None
) -> Notification:
    """Put a message in the user's inbox and, when they have an address, its e-mail in
    the outbox, both in the caller's transaction: the e-mail exists exactly when the
    change that caused it was committed."""
    notification = Notification.objects.create(
        user=user, title=title[:300], body=body, url=url, kind=kind, organiser=organiser, **outbox_fields(user)
    )
    if notification.email_status == Notification.EmailStatus.PENDING:
        nudge_delivery()
    return notification


def outbox_fields(user, now=None) -> dict:
    if not user.email:
        return {}
    return {"email_status": Notification.EmailStatus.PENDING, "email_next_attempt_at": now or timezone.now()}


def mark_read(notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def _reminder_message(reminder: Reminder) -> tuple[str, str]:
    deadline = reminder.deadline
    title = _("Nhắc hạn: %(deadline)s – %(when)s") % {"deadline": deadline, "when": reminder.when_text}
    lines = [
        _("Kế hoạch: %(campaign)s") % {"campaign": deadline.campaign},
        _("Hạn cuối: hết ngày %(date)s") % {"date": reminder.due_date.strftime("%d/%m/%Y")},
    ]
    if reminder.unit is not None:
        lines.append(_("Đơn vị: %(unit)s") % {"unit": reminder.unit})
    lines.append(_("Còn thiếu: %(what)s") % {"what": reminder.outstanding})
    return title, "\n".join(lines)


def send_reminders(today: datetime.date | None = None, *, dry_run: bool = False) -> list[Reminder]:
    """Send each due reminder once; returns the reminders that were (or, in a dry run,
    would be) sent. A reminder already in the log is skipped."""
    today = today or timezone.localdate()
    sent: list[Reminder] = []
    for reminder in due_reminders(today):
        already = ReminderLog.objects.filter(
            deadline=reminder.deadline, user=reminder.user, offset_days=reminder.offset_days, due_date=reminder.due_date
        ).exists()
        if already:
            continue
        if dry_run:
            sent.append(reminder)
            continue
        title, body = _reminder_message(reminder)
        try:
            with transaction.atomic():
                notification = notify(reminder.user, title, body=body, kind=Notification.Kind.REMINDER, url=settings.SITE_URL)
                ReminderLog.objects.create(
                    deadline=reminder.deadline,
                    user=reminder.user,
                    unit=reminder.unit,
                    offset_days=reminder.offset_days,
                    due_date=reminder.due_date,
                    notification=notification,
                )
        except IntegrityError:
            continue  # another sweep sent it a moment ago
        sent.append(reminder)
    return sent
