"""What people still owe, in one place: the reminder sweep and the home pages both read
``owed()``. It works in bulk (a fixed number of queries per kind of deadline, whatever
the number of units and people) and names each thing owed and why.

Nothing is owed once it is moot: only published campaigns count (a closed one owes
nothing), withdrawn registrations owe nothing, and once the council has finalised the
results no sheet is to be scored and no progress report is chased any more."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Membership, Role, Unit, User
from campaign.models import Campaign, Deadline
from evaluations.models import Assignment, AwardProposal, Council, CouncilMember
from registrations.models import ProgressReport, Registration, Status

UNIT_KINDS = (Deadline.Kind.REGISTRATION, Deadline.Kind.INTERIM_REPORT, Deadline.Kind.FINAL_REPORT)
REPORT_KINDS = {Deadline.Kind.INTERIM_REPORT: ProgressReport.Kind.INTERIM, Deadline.Kind.FINAL_REPORT: ProgressReport.Kind.FINAL}


@dataclass(frozen=True)
class Owed:
    """One thing one person owes for one deadline. ``subject`` tells apart two things the
    same person owes for the same deadline (the focal point of two units owes twice)."""

    deadline: Deadline
    user: User
    unit: Unit | None
    subject: str
    due_date: datetime.date
    what: str
    details: tuple[str, ...] = field(default_factory=tuple)
    url: str = ""

    @property
    def campaign(self) -> Campaign:
        return self.deadline.campaign


def open_deadlines() -> QuerySet[Deadline]:
    return (
        Deadline.objects.filter(campaign__status=Campaign.Status.PUBLISHED)
        .select_related("campaign__owner")
        .prefetch_related("extensions")
        .order_by("due_date", "pk")
    )


def _due_date(deadline: Deadline, unit: Unit | None) -> datetime.date:
    if unit is not None:
        for extension in deadline.extensions.all():
            if extension.unit_id == unit.pk:
                return extension.due_date
    return deadline.due_date


def _focal_points(unit_ids, users) -> dict[int, list[User]]:
    memberships = Membership.objects.filter(unit_id__in=unit_ids, role=Role.FOCAL_POINT, user__is_active=True)
    if users is not None:
        memberships = memberships.filter(user__in=users)
    found: dict[int, list[User]] = defaultdict(list)
    for membership in memberships.select_related("user").order_by("user__username"):
        found[membership.unit_id].append(membership.user)
    return found


def _finalised_campaign_ids(campaign_ids) -> set[int]:
    return set(
        Council.objects.filter(campaign_id__in=campaign_ids, finalised_at__isnull=False).values_list("campaign_id", flat=True)
    )


def _participants(campaigns) -> dict[int, list[Unit]]:
    return {campaign.pk: list(campaign.participants()) for campaign in campaigns}


def _registration_owed(deadline, units, registrations) -> dict[int, tuple[str, list[str], str]]:
    """unit id -> (what, details, url) for the units that still owe a registration."""
    by_unit: dict[int, list[Registration]] = defaultdict(list)
    for registration in registrations.get(deadline.campaign_id, ()):
        by_unit[registration.unit_id].append(registration)
    owing = {}
    create_url, unit_home_url = reverse("registrations:create"), reverse("registrations:unit_home")
    nothing_sent = _("chưa gửi đăng ký thi đua")
    for unit in units:
        mine = by_unit.get(unit.pk, [])
        drafts = [r for r in mine if r.status == Status.DRAFT]
        returned = [r for r in mine if r.status == Status.RETURNED]
        if drafts or returned:
            details = [_("“%(model)s”: bản nháp chưa gửi") % {"model": r.model.name} for r in drafts]
            details += [
                _("“%(model)s”: bị trả lại để bổ sung, chưa gửi lại (lý do: %(reason)s)")
                % {"model": r.model.name, "reason": r.return_reason or _("không ghi")}
                for r in returned
            ]
            pending = drafts + returned
            url = reverse("registrations:detail", args=[pending[0].pk]) if len(pending) == 1 else unit_home_url
            what = ngettext("%(count)d đăng ký chưa gửi", "%(count)d đăng ký chưa gửi", len(pending)) % {"count": len(pending)}
            owing[unit.pk] = (what, details, url)
        elif not mine:
            owing[unit.pk] = (nothing_sent, [], create_url)
        # Every registration sent, or all withdrawn: nothing is owed.
    return owing


def _report_owed(deadline, units, registrations, reported) -> dict[int, tuple[str, list[str], str]]:
    kind = REPORT_KINDS[deadline.kind]
    unit_ids = {unit.pk for unit in units}
    missing: dict[int, list[Registration]] = defaultdict(list)
    for registration in registrations.get(deadline.campaign_id, ()):
        if (
            registration.status in Status.OWES_REPORTS
            and registration.unit_id in unit_ids
            and (registration.pk, kind) not in reported
        ):
            missing[registration.unit_id].append(registration)
    label = _("báo cáo sơ kết") if kind == ProgressReport.Kind.INTERIM else _("báo cáo tự đánh giá")
    owing = {}
    for unit_id, pending in missing.items():
        what = _("%(count)d %(report)s chưa gửi") % {"count": len(pending), "report": label}
        details = [_("“%(model)s”: %(report)s chưa gửi") % {"model": r.model.name, "report": label} for r in pending]
        if len(pending) == 1:
            url = reverse("registrations:report_edit", args=[pending[0].pk, kind])
        else:
            url = reverse("registrations:unit_home")
        owing[unit_id] = (what, details, url)
    return owing


def _unit_deadlines(deadlines, users) -> list[Owed]:
    campaigns = {deadline.campaign_id: deadline.campaign for deadline in deadlines}
    if not campaigns:
        return []
    if users is not None:  # a home page: only the units of these people
        people = _focal_points(Membership.objects.filter(user__in=users).values("unit_id"), users)
        if not people:
            return []
        participants = {cid: [u for u in units if u.pk in people] for cid, units in _participants(campaigns.values()).items()}
    else:
        participants = _participants(campaigns.values())
        people = _focal_points({unit.pk for units in participants.values() for unit in units}, users)
    wanted_units = {unit.pk for units in participants.values() for unit in units}
    registrations: dict[int, list[Registration]] = defaultdict(list)
    rows = (
        Registration.objects.filter(campaign_id__in=campaigns, unit_id__in=wanted_units)
        .select_related("model")
        .only("pk", "campaign_id", "unit_id", "status", "return_reason", "model__name")
        .order_by("pk")
    )
    for registration in rows:
        registrations[registration.campaign_id].append(registration)
    reported = set(
        ProgressReport.objects.filter(
            registration__campaign_id__in=campaigns,
            registration__unit_id__in=wanted_units,
            status=ProgressReport.ReportStatus.SUBMITTED,
        ).values_list("registration_id", "kind")
    )
    finalised = _finalised_campaign_ids(campaigns)
    found: list[Owed] = []
    for deadline in deadlines:
        units = participants[deadline.campaign_id]
        if deadline.kind == Deadline.Kind.REGISTRATION:
            owing = _registration_owed(deadline, units, registrations)
        elif deadline.kind in REPORT_KINDS:
            owing = {} if deadline.campaign_id in finalised else _report_owed(deadline, units, registrations, reported)
        else:  # a custom deadline for the units: nothing records "done", everyone owes it
            what, unit_home_url = str(deadline), reverse("registrations:unit_home")
            owing = {unit.pk: (what, [], unit_home_url) for unit in units}
        by_pk = {unit.pk: unit for unit in units}
        for unit_id, (what, details, url) in owing.items():
            unit = by_pk[unit_id]
            for user in people.get(unit_id, []):
                found.append(Owed(deadline, user, unit, f"unit:{unit_id}", _due_date(deadline, unit), what, tuple(details), url))
    return found


def _council_deadlines(deadlines, users) -> list[Owed]:
    campaign_ids = {deadline.campaign_id for deadline in deadlines}
    if not campaign_ids:
        return []
    finalised = _finalised_campaign_ids(campaign_ids)
    assignments = (
        Assignment.objects.filter(
            member__council__campaign_id__in=campaign_ids - finalised, recusal="", member__user__is_active=True
        )
        .exclude(scoresheet__status="submitted")
        .exclude(scoresheet__is_locked=True)
        .select_related("member__user", "member__council", "registration__model")
        .order_by("registration__model__name", "pk")
    )
    members = CouncilMember.objects.filter(
        council__campaign_id__in=campaign_ids - finalised, user__is_active=True
    ).select_related("user", "council")
    if users is not None:
        assignments = assignments.filter(member__user__in=users)
        members = members.filter(user__in=users)
    sheets: dict[tuple[int, int], list[Assignment]] = defaultdict(list)
    for assignment in assignments:
        sheets[(assignment.member.council.campaign_id, assignment.member.user_id)].append(assignment)
    found: list[Owed] = []
    queue = reverse("evaluations:queue")
    for deadline in deadlines:
        if deadline.campaign_id in finalised:
            continue
        if deadline.kind == Deadline.Kind.SCORING:
            for (campaign_id, _user_id), pending in sheets.items():
                if campaign_id != deadline.campaign_id:
                    continue
                member = pending[0].member
                what = _("%(count)d phiếu chấm chưa nộp") % {"count": len(pending)}
                details = tuple(_("Phiếu chấm “%(model)s”") % {"model": a.registration.model.name} for a in pending)
                found.append(
                    Owed(deadline, member.user, None, f"council:{member.council_id}", deadline.due_date, what, details, queue)
                )
        else:
            for member in members:
                if member.council.campaign_id == deadline.campaign_id:
                    found.append(
                        Owed(
                            deadline,
                            member.user,
                            None,
                            f"council:{member.council_id}",
                            deadline.due_date,
                            str(deadline),
                            (),
                            queue,
                        )
                    )
    return found


def _is_council_deadline(deadline: Deadline) -> bool:
    return deadline.kind == Deadline.Kind.SCORING or (
        deadline.kind == Deadline.Kind.CUSTOM and deadline.audience == Deadline.Audience.COUNCIL
    )


def owed(deadlines=None, *, users=None) -> list[Owed]:
    """Everything still owed for ``deadlines`` (default: every deadline of a published
    campaign), by everyone or only by ``users``; most urgent first."""
    deadlines = list(open_deadlines() if deadlines is None else deadlines)
    council = [deadline for deadline in deadlines if _is_council_deadline(deadline)]
    units = [deadline for deadline in deadlines if not _is_council_deadline(deadline)]
    found = _unit_deadlines(units, users) + _council_deadlines(council, users)
    return sorted(found, key=lambda item: (item.due_date, item.deadline.pk, item.user.username, item.subject))


def owed_by(user: User) -> list[Owed]:
    """What one person still owes: the list on their home page."""
    return owed(users=[user])


def votes_to_cast(user: User) -> list[tuple[str, str, tuple[str, ...]]]:
    """(text, url) for the award proposals open for voting that this member has not voted on."""
    proposals = list(
        AwardProposal.objects.filter(
            status=AwardProposal.Status.VOTING,
            campaign__status=Campaign.Status.PUBLISHED,
            campaign__council__members__user=user,
        )
        .exclude(votes__member__user=user)
        .select_related("registration__model")
        .order_by("pk")
        .distinct()
    )
    if not proposals:
        return []
    url = reverse("evaluations:proposal_vote", args=[proposals[0].pk]) if len(proposals) == 1 else reverse("evaluations:proposals")
    what = ngettext("%(count)d đề nghị khen thưởng chờ biểu quyết", "%(count)d đề nghị khen thưởng chờ biểu quyết", len(proposals))
    return [(what % {"count": len(proposals)}, url, tuple(f"“{p.registration.model.name}”" for p in proposals))]


def reviews_waiting(user: User) -> list[tuple[str, str, tuple[str, ...]]]:
    """Registrations sent by the units and waiting for this staff member's organiser."""
    organisers = user.organiser_ids()
    if not organisers:
        return []
    count = Registration.objects.filter(
        campaign__owner_id__in=organisers, campaign__status=Campaign.Status.PUBLISHED, status=Status.SUBMITTED
    ).count()
    if not count:
        return []
    what = ngettext("%(count)d đăng ký chờ xem xét", "%(count)d đăng ký chờ xem xét", count) % {"count": count}
    return [(what, reverse("registrations:list") + "?status=submitted", ())]


def todo_items(user: User) -> list:
    """The home page's "Việc cần làm": the same obligations the sweep reminds of, then
    what has no deadline (votes to cast, registrations waiting for review)."""
    from accounts.todo import TodoItem

    items = []
    for item in owed_by(user):
        title = f"{item.deadline}: {item.what}"
        if item.unit is not None:
            title = f"{title} ({item.unit})"
        items.append(TodoItem(title=title, url=item.url, due_date=item.due_date, details=item.details))
    for what, url, details in votes_to_cast(user) + reviews_waiting(user):
        items.append(TodoItem(title=what, url=url, details=details))
    return items
