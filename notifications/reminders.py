"""On which days the sweep reminds what is owed (notifications/obligations.py).

Each deadline has its reminder days (by default 7, 3 and 1 day before, the due day and
the day after). A sweep reminds of the most recent reminder day that has come and was
not yet sent: a day missed because beat or the broker was down is made up once by the
next sweep, and older missed days are not sent on top of it."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from campaign.models import Deadline

from .obligations import Owed, owed

# How long after a reminder day a sweep still makes it up.
MAKE_UP_DAYS = 7


@dataclass(frozen=True)
class Reminder:
    owed: Owed
    offset_days: int  # the reminder day it stands for: days before the due date
    days_left: int  # on the day it is sent

    @property
    def deadline(self) -> Deadline:
        return self.owed.deadline

    @property
    def user(self):
        return self.owed.user

    @property
    def unit(self):
        return self.owed.unit

    @property
    def due_date(self) -> datetime.date:
        return self.owed.due_date

    @property
    def outstanding(self) -> str:
        return self.owed.what

    @property
    def key(self) -> tuple:
        """What the never-twice log records."""
        return (self.deadline.pk, self.user.pk, self.owed.subject, self.offset_days, self.due_date)

    @property
    def when_text(self) -> str:
        if self.days_left > 0:
            return ngettext("còn %(days)d ngày", "còn %(days)d ngày", self.days_left) % {"days": self.days_left}
        if self.days_left == 0:
            return _("hạn cuối hôm nay")
        days = -self.days_left
        return ngettext("đã quá hạn %(days)d ngày", "đã quá hạn %(days)d ngày", days) % {"days": days}


def reminder_offsets(deadline: Deadline) -> list[int]:
    return sorted(set(deadline.reminder_offsets or Deadline.DEFAULT_REMINDER_OFFSETS))


def reminder_day_offset(offsets: list[int], days_left: int) -> int | None:
    """The reminder day on or before today, if it is recent enough to be (made up) now."""
    passed = [offset for offset in offsets if offset >= days_left]
    if not passed:
        return None
    offset = min(passed)
    return offset if offset - days_left <= MAKE_UP_DAYS else None


def _may_be_due(deadline: Deadline, today: datetime.date) -> bool:
    offsets = reminder_offsets(deadline)
    dues = {deadline.due_date, *(extension.due_date for extension in deadline.extensions.all())}
    return any(reminder_day_offset(offsets, (due - today).days) is not None for due in dues)


def due_reminders(today: datetime.date, deadlines) -> list[Reminder]:
    """The reminders a sweep on ``today`` owes, before checking which were sent."""
    deadlines = [deadline for deadline in deadlines if _may_be_due(deadline, today)]
    reminders = []
    for item in owed(deadlines):
        days_left = (item.due_date - today).days
        offset = reminder_day_offset(reminder_offsets(item.deadline), days_left)
        if offset is not None:
            reminders.append(Reminder(item, offset, days_left))
    return reminders
