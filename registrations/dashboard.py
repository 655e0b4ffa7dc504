"""What registrations adds to the district dashboard (columns per unit) and to the unit
home page (what a unit still owes). Registered in RegistrationsConfig.ready()."""

import datetime
from collections import defaultdict

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.collation import by_name
from accounts.models import Unit
from campaign.dashboard import Cell, Column, Obligation
from campaign.models import Deadline

from .models import ProgressReport, Registration, Status


def registrations_cell(counts: dict[str, int]) -> Cell:
    total = sum(n for status, n in counts.items() if status != Status.WITHDRAWN)
    if not total:
        return Cell(text="0", level="danger", title=_("Chưa đăng ký mô hình, điển hình nào"))
    parts = [f"{Status(status).label}: {counts[status]}" for status in Status.values if counts.get(status)]
    accepted = sum(counts.get(status, 0) for status in Status.ACCEPTED_OR_LATER)
    waiting = counts.get(Status.SUBMITTED, 0)
    returned = counts.get(Status.RETURNED, 0) + counts.get(Status.DRAFT, 0)
    if returned:
        level = "warning"
    elif waiting:
        level = "info"
    else:
        level = "success" if accepted else "secondary"
    text = _("%(total)s (%(accepted)s tiếp nhận)") % {"total": total, "accepted": accepted}
    return Cell(text=text, level=level, title="; ".join(parts))


def compute_registrations(campaign, units) -> dict[int, Cell]:
    """'Đăng ký': how many each unit registered, by status. One query."""
    unit_ids = [unit.pk for unit in units]
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Registration.objects.filter(campaign=campaign, unit_id__in=unit_ids)
        .order_by()
        .values("unit_id", "status")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts[row["unit_id"]][row["status"]] = row["n"]
    return {unit_id: registrations_cell(counts.get(unit_id, {})) for unit_id in unit_ids}


def _report_column(kind: str):
    def compute(campaign, units) -> dict[int, Cell]:
        """Submitted reports of ``kind`` out of the unit's accepted registrations. Two queries."""
        unit_ids = [unit.pk for unit in units]
        expected = dict(
            Registration.objects.filter(campaign=campaign, unit_id__in=unit_ids, status__in=Status.ACCEPTED_OR_LATER)
            .order_by()
            .values("unit_id")
            .annotate(n=Count("pk"))
            .values_list("unit_id", "n")
        )
        submitted = dict(
            ProgressReport.objects.filter(
                registration__campaign=campaign,
                registration__unit_id__in=unit_ids,
                registration__status__in=Status.ACCEPTED_OR_LATER,
                kind=kind,
                status=ProgressReport.ReportStatus.SUBMITTED,
            )
            .order_by()
            .values("registration__unit_id")
            .annotate(n=Count("pk"))
            .values_list("registration__unit_id", "n")
        )
        cells = {}
        for unit_id in unit_ids:
            due, done = expected.get(unit_id, 0), submitted.get(unit_id, 0)
            if not due:
                cells[unit_id] = Cell(text="—", level="secondary", title=_("Chưa có đăng ký được tiếp nhận"))
                continue
            level = "success" if done >= due else ("warning" if done else "danger")
            title = _("Đã gửi %(done)s trên %(due)s báo cáo") % {"done": done, "due": due}
            cells[unit_id] = Cell(text=f"{done}/{due}", level=level, title=title)
        return cells

    compute.__name__ = f"compute_{kind}_reports"
    return compute


COLUMNS = [
    Column(key="registrations", label=gettext_lazy("Đăng ký"), compute=compute_registrations, order=20),
    Column(key="interim_reports", label=gettext_lazy("Sơ kết"), compute=_report_column(ProgressReport.Kind.INTERIM), order=30),
    Column(key="final_reports", label=gettext_lazy("Tự đánh giá"), compute=_report_column(ProgressReport.Kind.FINAL), order=40),
]


def _sort_date(due) -> datetime.date:
    return due.due_date if due is not None else datetime.date.max


def obligations(user, campaign) -> list[Obligation]:
    """What the user's units still owe in ``campaign``: registering before the deadline,
    answering returned registrations, the interim and final reports of accepted ones.
    A constant number of queries: the registrations with their reports, and the three
    deadlines per unit."""
    unit_ids = user.focal_unit_ids()
    if campaign is None or not unit_ids:
        return []
    registrations = list(
        Registration.objects.filter(campaign=campaign, unit_id__in=unit_ids)
        .select_related("model", "unit")
        .prefetch_related("reports")
        .order_by(by_name("model__name"))
    )
    units = list(Unit.objects.filter(pk__in=unit_ids, parent_id=campaign.owner_id).order_by(by_name()))
    found: list[Obligation] = []
    for unit in units:
        own = [registration for registration in registrations if registration.unit_id == unit.pk]
        due_dates = campaign.due_dates_by_kind(unit)
        due_registration = due_dates.get(Deadline.Kind.REGISTRATION)
        sent = [r for r in own if r.status in Status.SENT]
        drafts = [r for r in own if r.status == Status.DRAFT]
        found.append(
            Obligation(
                title=_("Đăng ký mô hình, điển hình “Dân vận khéo” (%(unit)s)") % {"unit": unit.name},
                url=reverse("registrations:unit_home"),
                due=due_registration,
                done=bool(sent) and not drafts,
                detail=ngettext("Đã gửi %(count)s đăng ký.", "Đã gửi %(count)s đăng ký.", len(sent)) % {"count": len(sent)}
                + (
                    (
                        " "
                        + ngettext("Còn %(count)s bản nháp chưa gửi.", "Còn %(count)s bản nháp chưa gửi.", len(drafts))
                        % {"count": len(drafts)}
                    )
                    if drafts
                    else ""
                ),
                sort_key=(_sort_date(due_registration), 0),
            )
        )
        for registration in own:
            if registration.status == Status.RETURNED:
                found.append(
                    Obligation(
                        title=_("Bổ sung đăng ký bị trả lại: %(model)s") % {"model": registration.model.name},
                        url=reverse("registrations:edit", args=[registration.pk]),
                        due=due_registration,
                        done=False,
                        detail=registration.return_reason,
                        sort_key=(datetime.date.min, 0),
                    )
                )
        accepted = [r for r in own if r.accepts_reports]
        if not accepted:
            continue
        for kind, deadline_kind, label in (
            (ProgressReport.Kind.INTERIM, Deadline.Kind.INTERIM_REPORT, _("Báo cáo sơ kết 6 tháng")),
            (ProgressReport.Kind.FINAL, Deadline.Kind.FINAL_REPORT, _("Báo cáo tự đánh giá cuối năm")),
        ):
            due = due_dates.get(deadline_kind)
            for registration in accepted:
                report = next((report for report in registration.reports.all() if report.kind == kind), None)
                found.append(
                    Obligation(
                        title=f"{label}: {registration.model.name}",
                        url=reverse("registrations:report_edit", args=[registration.pk, kind]),
                        due=due,
                        done=bool(report and report.is_submitted),
                        detail=_("Đang soạn (nháp).") if report and not report.is_submitted else "",
                        sort_key=(_sort_date(due), 1),
                    )
                )
    return found
