"""Report files are never stuck: a request the broker cannot take is kept and queued
again by beat; a file pending past its timeout can be made again; a file is outdated as
soon as anything it shows changes."""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from config.celery import app as celery_app
from evaluations.models import CouncilMember
from evaluations.services import finalise_results
from registrations.models import Status
from reports.models import ReportFile
from reports.services import request_file, requeue_report_files
from tests.notifications.conftest import free_port
from tests.notifications.test_outage import RedisServer
from tests.workers import start_worker, stop_worker

from .builders import add_appraisal, add_registration


@pytest.fixture
def broker(settings, tmp_path):
    """The test's own Redis, stopped at first: the test process publishes to it."""
    server = RedisServer(tmp_path)
    previous = celery_app.conf.task_always_eager, celery_app.conf.broker_url, celery_app.conf.broker_write_url
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = celery_app.conf.broker_write_url = server.url
    try:
        yield server
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.broker_url, celery_app.conf.broker_write_url = previous
        if server.process is not None and server.process.poll() is None:
            server.stop()


def _wait_for(condition, what: str, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(f"{what}: not within {timeout} s")


@pytest.mark.postgres
@pytest.mark.redis
def test_with_the_broker_down_the_request_is_kept_and_made_once_it_is_back(
    transactional_db, client, staff_user, report, broker, tmp_path
):
    """No error page while the broker is down; the worker makes the file once it is back."""
    client.force_login(staff_user)
    response = client.post(reverse("reports:render", args=[report.pk, "pdf"]), follow=True)
    assert response.status_code == 200
    assert "hệ thống sẽ tự thử lại" in response.content.decode()
    row = ReportFile.objects.get(report=report, format="pdf")
    assert (row.status, row.queued_at) == (ReportFile.Status.PENDING, None)
    assert requeue_report_files() == 1  # beat while the broker is still down: kept
    assert ReportFile.objects.get(pk=row.pk).queued_at is None

    broker.start()
    worker = start_worker(broker.url, f"w{free_port()}")
    try:
        assert requeue_report_files() == 1  # what beat does every minute
        assert ReportFile.objects.get(pk=row.pk).queued_at is not None
        _wait_for(lambda: ReportFile.objects.get(pk=row.pk).status == ReportFile.Status.READY, "the worker makes the PDF")
    finally:
        print(stop_worker(worker))
    row.refresh_from_db()
    with row.file.open("rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    assert requeue_report_files() == 0


@pytest.mark.django_db
def test_a_file_pending_past_its_timeout_offers_to_make_it_again(client, staff_user, report):
    request_file(report, "pdf", by=staff_user)
    ReportFile.objects.filter(report=report).update(
        requested_at=timezone.now() - ReportFile.PENDING_TIMEOUT - datetime.timedelta(minutes=1), queued_at=timezone.now()
    )
    client.force_login(staff_user)
    content = client.get(reverse("reports:files", args=[report.pk])).content.decode()
    assert "Quá thời gian chờ mà tệp chưa được tạo" in content
    assert 'id="render-pdf"' in content and "Tạo lại PDF" in content
    assert 'hx-trigger="load delay:3s"' not in content  # no endless spinner
    assert requeue_report_files() == 1  # beat: made at once in the test process
    assert ReportFile.objects.get(report=report, format="pdf").status == ReportFile.Status.READY


@pytest.mark.django_db
def test_a_request_while_the_file_is_being_made_is_still_not_queued_again(report, staff_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        request_file(report, "pdf", by=staff_user)
        request_file(report, "pdf", by=staff_user)
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_finalising_after_the_file_was_made_marks_it_outdated(
    client, staff_user, report, campaign, unit, other_unit, django_capture_on_commit_callbacks
):
    registrations = [
        add_registration(campaign, unit, status=Status.NOMINATED, name="Dân vận khéo giữ gìn an ninh thôn"),
        add_registration(campaign, other_unit, status=Status.NOMINATED, name="Ân tình xóm đạo"),
    ]
    council, members = add_appraisal(campaign, registrations, by=staff_user, finalised_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        request_file(report, "pdf", by=staff_user)
    client.force_login(staff_user)
    page = reverse("reports:files", args=[report.pk])
    assert 'id="outdated-pdf"' not in client.get(page).content.decode()
    chair = next(member for member in members if member.position == CouncilMember.Position.CHAIR)
    finalise_results(council, by=chair.user)
    content = client.get(page).content.decode()
    assert 'id="outdated-pdf"' in content
    assert "Số liệu hoặc nội dung đã thay đổi sau khi tạo tệp" in content
