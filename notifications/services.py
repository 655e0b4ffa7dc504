import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .delivery import nudge_delivery
from .models import Notification, ReminderLog
from .obligations import open_deadlines
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


def reminder_message(reminder: Reminder, headings: dict | None = None) -> tuple[str, str]:
    """Title and body of a reminder: the deadline, when, for which unit, and each thing
    still owed with why (a draft not sent, a returned registration not resent, ...).
    ``headings`` keeps what all the reminders of one deadline and day share, so that a
    sweep translates it once, not once per recipient."""
    key = (reminder.deadline.pk, reminder.due_date, reminder.days_left)
    heading = None if headings is None else headings.get(key)
    if heading is None:
        heading = _reminder_heading(reminder)
        if headings is not None:
            headings[key] = heading
    title, lines, unit_line, what_line = heading
    lines = list(lines)
    if reminder.unit is not None:
        lines.append(unit_line % {"unit": reminder.unit})
    lines.append(what_line % {"what": reminder.outstanding})
    lines += [f"- {detail}" for detail in reminder.owed.details]
    return title, "\n".join(lines)


def _reminder_heading(reminder: Reminder) -> tuple[str, tuple[str, ...], str, str]:
    deadline = reminder.deadline
    title = _("Nhắc hạn: %(deadline)s – %(when)s") % {"deadline": deadline, "when": reminder.when_text}
    lines = (
        _("Kế hoạch: %(campaign)s") % {"campaign": deadline.campaign},
        _("Hạn cuối: hết ngày %(date)s") % {"date": reminder.due_date.strftime("%d/%m/%Y")},
    )
    return title, lines, _("Đơn vị: %(unit)s"), _("Còn thiếu: %(what)s")


def send_reminders(today: datetime.date | None = None, *, dry_run: bool = False) -> list[Reminder]:
    """Send each owed reminder once; returns the reminders that were (or, in a dry run,
    would be) sent. In bulk: the same number of queries whatever the number of people.

    The deadlines are locked for the sweep, so concurrent sweeps run one after the other
    and each sees what the previous one logged; the inbox messages, their e-mails (in the
    outbox) and the log are committed together."""
    today = today or timezone.localdate()
    with transaction.atomic():
        deadlines = open_deadlines()
        if not dry_run:
            deadlines = deadlines.select_for_update(of=("self",))
        deadlines = list(deadlines)
        reminders = due_reminders(today, deadlines)
        if not reminders:
            return []
        # Only the reminder days due now: the log of earlier days is not read again.
        sent_keys = set(
            ReminderLog.objects.filter(
                deadline__in={r.deadline.pk for r in reminders}, offset_days__in={r.offset_days for r in reminders}
            ).values_list("deadline_id", "user_id", "subject", "offset_days", "due_date")
        )
        reminders = [reminder for reminder in reminders if reminder.key not in sent_keys]
        if dry_run or not reminders:
            return reminders
        now = timezone.now()
        notifications = []
        headings: dict = {}
        for reminder in reminders:
            title, body = reminder_message(reminder, headings)
            notifications.append(
                Notification(
                    user=reminder.user,
                    kind=Notification.Kind.REMINDER,
                    title=title[:300],
                    body=body,
                    url=reminder.owed.url,
                    organiser=reminder.deadline.campaign.owner,
                    **outbox_fields(reminder.user, now),
                )
            )
        Notification.objects.bulk_create(notifications)
        ReminderLog.objects.bulk_create(
            ReminderLog(
                deadline=reminder.deadline,
                user=reminder.user,
                unit=reminder.unit,
                subject=reminder.owed.subject,
                offset_days=reminder.offset_days,
                due_date=reminder.due_date,
                notification=notification,
            )
            for reminder, notification in zip(reminders, notifications, strict=True)
        )
        if any(n.email_status == Notification.EmailStatus.PENDING for n in notifications):
            nudge_delivery()
    return reminders
