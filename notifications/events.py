"""Inbox messages for the events that change what someone must do next: an extension
granted to a unit, a scoresheet reopened by the chair, award voting opened, results
published, a report signed.

Every one of these state changes is already written to the audit ledger by its one
service function, so the ledger entry is the event: the lower apps need not know that
anyone listens. Messages go out once the whole change has committed, through
``notify`` like every other message (inbox, then e-mail)."""

from django.db import transaction
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from accounts.models import STAFF_ROLES, Role, User
from audit.models import AuditEntry
from campaign.models import DeadlineExtension
from evaluations.models import AwardProposal, Council, CouncilMember, Result, Scoresheet

from .services import notify


def _focal_points(unit_ids):
    return User.objects.filter(is_active=True, memberships__unit_id__in=unit_ids, memberships__role=Role.FOCAL_POINT).distinct()


def extension_granted(entry: AuditEntry) -> None:
    extension = DeadlineExtension.objects.select_related("deadline", "unit").filter(pk=entry.object_id).first()
    if extension is None:
        return
    title = _("Được gia hạn “%(deadline)s” đến hết ngày %(date)s") % {
        "deadline": extension.deadline,
        "date": formats.date_format(extension.due_date, "d/m/Y"),
    }
    body = _("Lý do: %(reason)s") % {"reason": extension.reason} if extension.reason else ""
    for user in _focal_points([extension.unit_id]):
        notify(user, title, body=body, url=reverse("registrations:unit_home"))


def scoresheet_reopened(entry: AuditEntry) -> None:
    sheet = Scoresheet.objects.select_related("assignment__member__user", "assignment__registration__model").filter(pk=entry.object_id).first()
    if sheet is None:
        return
    registration = sheet.assignment.registration
    title = _("Phiếu chấm “%(model)s” được mở lại để chấm lại") % {"model": registration.model.name}
    body = _("Lý do: %(reason)s") % {"reason": (entry.after or {}).get("reason", "")}
    notify(sheet.assignment.member.user, title, body=body, url=reverse("evaluations:scoresheet", args=[registration.pk]))


def voting_opened(entry: AuditEntry) -> None:
    proposal = AwardProposal.objects.select_related("campaign").filter(pk=entry.object_id).first()
    if proposal is None:
        return
    title = _("Mời biểu quyết đề nghị khen thưởng “%(nominee)s”") % {"nominee": proposal.nominee}
    members = CouncilMember.objects.filter(council__campaign=proposal.campaign, user__is_active=True).select_related("user")
    for member in members:
        notify(member.user, title, url=reverse("evaluations:proposal_vote", args=[proposal.pk]))


def results_published(entry: AuditEntry) -> None:
    council = Council.objects.select_related("campaign").filter(pk=entry.object_id).first()
    if council is None:
        return
    unit_ids = set(Result.objects.filter(registration__campaign=council.campaign).values_list("registration__unit_id", flat=True))
    title = _("Đã công bố kết quả thẩm định “%(campaign)s”") % {"campaign": council.campaign.title}
    for user in _focal_points(unit_ids):
        notify(user, title, url=reverse("evaluations:unit_results"))


def report_signed(entry: AuditEntry) -> None:
    # notifications and reports sit side by side in the layers: the ledger entry says
    # enough (the signer is the head of the organising body that owns the report).
    if entry.actor is None:
        return
    title = _("Báo cáo “%(report)s” đã được ký ban hành") % {"report": entry.object_repr}
    owners = entry.actor.unit_ids(roles=(Role.BOARD_HEAD,))
    staff = User.objects.filter(is_active=True, memberships__unit_id__in=owners, memberships__role__in=STAFF_ROLES)
    for user in staff.exclude(pk=entry.actor_id).distinct():
        notify(user, title, url=reverse("reports:edit", args=[entry.object_id]))


EVENTS = {
    "deadline.extension_granted": extension_granted,
    "scoresheet.reopened": scoresheet_reopened,
    "award_proposal.voting_opened": voting_opened,
    "council.results_published": results_published,
    "report.signed": report_signed,
}


def on_audit_entry(sender, instance: AuditEntry, created: bool, **kwargs) -> None:
    handler = EVENTS.get(instance.action)
    if created and handler is not None:
        transaction.on_commit(lambda: handler(instance))


def connect() -> None:
    post_save.connect(on_audit_entry, sender=AuditEntry, dispatch_uid="notify_audited_events")
