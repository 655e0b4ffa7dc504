"""Excel exports made in the background (DESIGN §5: large exports go to Celery).

A page that offers a spreadsheet asks for it with ``request_export``: the request only
records an ``ExportFile`` and hands its id to the broker after the commit, so it answers
at once whatever the size of the list. A worker makes the file (``generate_export``)
with the builder the kind's app registered (``register``), as the person who asked: the
builder checks again that they may read what it lists. Only that person downloads it.

Nothing is lost when the broker is down: the request is then made in the same request
(the user still gets the file), and beat (``tend_exports``) queues again every request
a worker never finished, and removes files older than ``ExportFile.KEEP``."""

import datetime
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

import audit

from .broker import queue_once
from .models import ExportFile, User
from .xlsx import build_workbook, workbook_bytes

logger = logging.getLogger(__name__)

Sheet = tuple[str, Sequence[str], Iterable[Sequence]]


@dataclass(frozen=True)
class Workbook:
    """What a builder returns: the file's name and its sheets, (title, headers, rows)
    each; the rows may be a generator, consumed once while the file is written."""

    filename: str
    sheets: list[Sheet]


Builder = Callable[[User, dict], Workbook]
_BUILDERS: dict[str, Builder] = {}


def register(kind: str, build: Builder) -> None:
    """Called from an app's ``ready()``: ``build(user, params)`` makes the workbook of
    ``kind``, raising PermissionDenied (or DoesNotExist) if the user may not read it."""
    _BUILDERS[kind] = build


def request_export(kind: str, params: dict, *, by: User, title: str, back_url: str = "") -> ExportFile:
    """Record the request and queue it after the commit. The same export asked for
    again while the first is still being made (a double click) is that first one."""
    if kind not in _BUILDERS:
        raise ValueError(f"unknown export {kind!r}")
    with transaction.atomic():
        # One requester's requests one at a time, so that two clicks make one file.
        User.objects.select_for_update().filter(pk=by.pk).first()
        for row in ExportFile.objects.filter(requested_by=by, kind=kind, status__in=_UNFINISHED):
            if row.params == params and row.is_waiting:
                return row
        row = ExportFile.objects.create(kind=kind, params=params, title=title[:200], back_url=back_url[:500], requested_by=by)
        audit.record(by, "export.requested", row, after={"kind": kind, "params": params})
        export_id = row.pk
        transaction.on_commit(lambda: queue_export(export_id))
    return row


_UNFINISHED = (ExportFile.Status.PENDING, ExportFile.Status.RUNNING)


def retry_export(row: ExportFile, *, by: User) -> ExportFile:
    """Ask again for an export that failed or that no worker finished in time."""
    if row.requested_by_id != by.pk:
        raise PermissionDenied
    with transaction.atomic():
        row = ExportFile.objects.select_for_update().get(pk=row.pk)
        if row.is_ready or row.is_waiting:
            return row
        row.status = ExportFile.Status.PENDING
        row.requested_at = timezone.now()
        row.queued_at = row.started_at = None
        row.error = ""
        row.save(update_fields=["status", "requested_at", "queued_at", "started_at", "error"])
        export_id = row.pk
        transaction.on_commit(lambda: queue_export(export_id))
    return row


def queue_export(export_id: int) -> bool:
    """Hand the export to a worker. If the broker cannot take it, make it here and now:
    nobody should wait a minute for beat to give them a list."""
    from .tasks import make_export

    if queue_once(make_export, (export_id,)):
        ExportFile.objects.filter(pk=export_id, queued_at__isnull=True).update(queued_at=timezone.now())
        return True
    generate_export(export_id)
    return False


def _counted(rows: Iterable[Sequence], counter: list[int]) -> Iterator[Sequence]:
    for row in rows:
        counter[0] += 1
        yield row


def generate_export(export_id: int) -> ExportFile | None:
    """Make and store one export (run by the worker). Only one worker makes a given
    request: it is claimed first (pending → running), and a second delivery of the same
    task finds it claimed. A failure is shown on the export's page, never half-stored."""
    claimed = ExportFile.objects.filter(pk=export_id, status=ExportFile.Status.PENDING).update(
        status=ExportFile.Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return None
    row = ExportFile.objects.select_related("requested_by").get(pk=export_id)
    counter = [0]
    try:
        built = _BUILDERS[row.kind](row.requested_by, row.params)
        sheets = [(title, headers, _counted(rows, counter)) for title, headers, rows in built.sheets]
        data = workbook_bytes(build_workbook(sheets))
    except (PermissionDenied, ObjectDoesNotExist):
        return _failed(row, _("Bạn không còn quyền xem nội dung của tệp này."))
    except Exception:  # noqa: BLE001 - any failure is shown on the page, not raised
        logger.exception("Making export %s (%s) failed", export_id, row.kind)
        return _failed(row, _("Không tạo được tệp. Hãy bấm “Tạo lại”; nếu vẫn lỗi, báo quản trị hệ thống."))
    row.file.save(built.filename, ContentFile(data), save=False)
    row.filename = built.filename[:200]
    row.size = len(data)
    row.rows = counter[0]
    row.status = ExportFile.Status.READY
    row.generated_at = timezone.now()
    row.error = ""
    row.save(update_fields=["file", "filename", "size", "rows", "status", "generated_at", "error"])
    return row


def _failed(row: ExportFile, message: str) -> ExportFile:
    ExportFile.objects.filter(pk=row.pk).update(status=ExportFile.Status.FAILED, error=message[:300])
    row.status, row.error = ExportFile.Status.FAILED, message
    return row


def tend_exports(now: datetime.datetime | None = None) -> tuple[int, int]:
    """Run by beat: queue again each request the broker never took or no worker
    finished in time, and remove the exports older than ``ExportFile.KEEP`` with their
    files. Returns (queued again, removed)."""
    now = now or timezone.now()
    with transaction.atomic():
        stuck = list(
            ExportFile.objects.select_for_update(skip_locked=True)
            .filter(status__in=_UNFINISHED)
            .filter(
                Q(status=ExportFile.Status.PENDING, queued_at__isnull=True)
                | Q(requested_at__lte=now - ExportFile.PENDING_TIMEOUT)
            )
            .values_list("pk", flat=True)
        )
        ExportFile.objects.filter(pk__in=stuck).update(
            status=ExportFile.Status.PENDING, requested_at=now, queued_at=None, started_at=None
        )
    for export_id in stuck:
        queue_export(export_id)
    old = list(ExportFile.objects.filter(requested_at__lte=now - ExportFile.KEEP).exclude(pk__in=stuck))
    for row in old:
        if row.file:
            row.file.delete(save=False)
    ExportFile.objects.filter(pk__in=[row.pk for row in old]).delete()
    return len(stuck), len(old)


def exports_of(user: User):
    """The exports a person asked for and may still download, newest first."""
    return ExportFile.objects.filter(requested_by=user).order_by("-requested_at", "-pk")
