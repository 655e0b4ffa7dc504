"""The reminder sweep: who still owes what for each deadline, and on which days they are
reminded (DESIGN §3: 7, 3 and 1 day before, and the day after if still outstanding)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Membership, Role, Unit, User
from campaign.models import Campaign, Deadline
from evaluations.models import Assignment, CouncilMember
from registrations.models import ProgressReport, Registration, Status


@dataclass(frozen=True)
class Reminder:
    deadline: Deadline
    user: User
    unit: Unit | None
    due_date: datetime.date
    offset_days: int
    outstanding: str

    @property
    def when_text(self) -> str:
        if self.offset_days > 0:
            return ngettext("còn %(days)d ngày", "còn %(days)d ngày", self.offset_days) % {"days": self.offset_days}
        if self.offset_days == 0:
            return _("hết hạn hôm nay")
        days = -self.offset_days
        return ngettext("đã quá hạn %(days)d ngày", "đã quá hạn %(days)d ngày", days) % {"days": days}


def _focal_points_by_unit(unit_ids) -> dict[int, list[User]]:
    found: dict[int, list[User]] = defaultdict(list)
    memberships = Membership.objects.filter(
        unit_id__in=unit_ids, role=Role.FOCAL_POINT, user__is_active=True
    ).select_related("user")
    for membership in memberships:
        found[membership.unit_id].append(membership.user)
    return found


def _district_units(campaign: Campaign) -> list[Unit]:
    return list(campaign.participants())


def _units_owing_registration(campaign: Campaign) -> dict[int, str]:
    units = {unit.pk for unit in _district_units(campaign)}
    owing: dict[int, str] = {}
    statuses_by_unit: dict[int, set[str]] = defaultdict(set)
    for unit_id, status in Registration.objects.filter(campaign=campaign).values_list("unit_id", "status"):
        statuses_by_unit[unit_id].add(status)
    for unit_id in units:
        statuses = statuses_by_unit.get(unit_id, set())
        if statuses & set(Status.EDITABLE):
            owing[unit_id] = _("còn đăng ký nháp hoặc bị trả lại chưa gửi")
        elif not statuses & set(Status.SENT):
            owing[unit_id] = _("chưa gửi đăng ký thi đua")
    return owing


def _units_owing_report(campaign: Campaign, kind: str) -> dict[int, str]:
    submitted = ProgressReport.objects.filter(kind=kind, status=ProgressReport.ReportStatus.SUBMITTED).values("registration_id")
    missing = (
        Registration.objects.filter(campaign=campaign, status=Status.ACCEPTED)
        .exclude(pk__in=submitted)
        .values_list("unit_id", flat=True)
    )
    counts: dict[int, int] = defaultdict(int)
    for unit_id in missing:
        counts[unit_id] += 1
    label = _("báo cáo sơ kết") if kind == ProgressReport.Kind.INTERIM else _("báo cáo tự đánh giá")
    return {unit_id: _("%(count)d %(report)s chưa gửi") % {"count": count, "report": label} for unit_id, count in counts.items()}


def _members_owing_scores(campaign: Campaign) -> dict[int, tuple[User, str]]:
    assignments = (
        Assignment.objects.filter(member__council__campaign=campaign, recusal="", member__user__is_active=True)
        .exclude(scoresheet__status="submitted")
        .select_related("member__user")
    )
    counts: dict[int, int] = defaultdict(int)
    users: dict[int, User] = {}
    for assignment in assignments:
        counts[assignment.member.user_id] += 1
        users[assignment.member.user_id] = assignment.member.user
    return {user_id: (users[user_id], _("%(count)d phiếu chấm chưa nộp") % {"count": count}) for user_id, count in counts.items()}


def _owing(deadline: Deadline) -> list[tuple[Unit | None, User, str]]:
    """(unit, user, what is outstanding) for everyone who still owes this deadline."""
    campaign = deadline.campaign
    if deadline.kind == Deadline.Kind.SCORING or (
        deadline.kind == Deadline.Kind.CUSTOM and deadline.audience == Deadline.Audience.COUNCIL
    ):
        if deadline.kind == Deadline.Kind.SCORING:
            return [(None, user, text) for user, text in _members_owing_scores(campaign).values()]
        members = CouncilMember.objects.filter(council__campaign=campaign, user__is_active=True).select_related("user")
        return [(None, member.user, str(deadline)) for member in members]

    if deadline.kind == Deadline.Kind.REGISTRATION:
        owing_units = _units_owing_registration(campaign)
    elif deadline.kind == Deadline.Kind.INTERIM_REPORT:
        owing_units = _units_owing_report(campaign, ProgressReport.Kind.INTERIM)
    elif deadline.kind == Deadline.Kind.FINAL_REPORT:
        owing_units = _units_owing_report(campaign, ProgressReport.Kind.FINAL)
    else:  # a custom deadline for the units: everyone is reminded, nothing records "done"
        owing_units = {unit.pk: str(deadline) for unit in _district_units(campaign)}
    units = Unit.objects.in_bulk(owing_units.keys())
    people = _focal_points_by_unit(owing_units.keys())
    return [(units[unit_id], user, text) for unit_id, text in owing_units.items() for user in people.get(unit_id, [])]


def due_reminders(today: datetime.date) -> list[Reminder]:
    deadlines = (
        Deadline.objects.filter(campaign__status=Campaign.Status.PUBLISHED)
        .select_related("campaign")
        .prefetch_related("extensions")
    )
    reminders: list[Reminder] = []
    for deadline in deadlines:
        offsets = set(deadline.reminder_offsets or Deadline.DEFAULT_REMINDER_OFFSETS)
        extended = {extension.unit_id: extension.due_date for extension in deadline.extensions.all()}
        # Work out who owes only on the days when some due date is a reminder day.
        if not any((due - today).days in offsets for due in {deadline.due_date, *extended.values()}):
            continue
        for unit, user, outstanding in _owing(deadline):
            due = extended.get(unit.pk, deadline.due_date) if unit is not None else deadline.due_date
            offset = (due - today).days
            if offset in offsets:
                reminders.append(Reminder(deadline, user, unit, due, offset, outstanding))
    return reminders
