"""Exports are made in the background (accounts.exports): the request that asks answers
at once, a real worker makes the file, only the person who asked downloads it, and a
broker that is down, a worker that never finishes or a builder that fails loses nothing
and never shows an error page."""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import exports
from accounts.models import ExportFile
from registrations.models import Status
from tests.exports import XLSX, ask, exported, workbook_of
from tests.factories import DvkModelFactory, RegistrationFactory
from tests.notifications.conftest import free_port
from tests.reports.test_file_outage import broker  # noqa: F401 - the fixture
from tests.workers import start_worker, stop_worker

EXPORT = reverse("registrations:export")


def _wait_for(condition, what: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"{what}: not within {timeout} s")


def _page(client, row: ExportFile) -> str:
    response = client.get(reverse("accounts:export_detail", args=[row.key]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_export_url_shows_a_button_and_asks_for_nothing_until_it_is_pressed(staff_client, registration):
    response = staff_client.get(EXPORT, {"status": "draft"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'method="post"' in body and 'id="export-request"' in body and "Tạo tệp Excel" in body
    assert not ExportFile.objects.exists()


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(client, registration):
    response = client.post(EXPORT)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    assert not ExportFile.objects.exists()


def test_the_request_records_the_filters_and_the_worker_lists_only_what_they_keep(
    staff_client, campaign, unit, registration_deadline
):
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name="Đường làng xanh"), status=Status.ACCEPTED)
    RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit, name="Tổ an ninh"), status=Status.RETURNED)
    response = exported(staff_client, EXPORT, {"status": "accepted", "page": "3"})
    row = ExportFile.objects.get()
    assert row.params == {"query": {"status": ["accepted"]}}
    assert row.back_url == f"{reverse('registrations:list')}?status=accepted"
    assert (row.rows, row.requested_by.username, row.title) == (1, "bdv", "Danh sách đăng ký thi đua (Excel)")
    assert [r[2] for r in workbook_of(response).active.iter_rows(min_row=2, values_only=True)] == ["Đường làng xanh"]
    page = _page(staff_client, row)
    assert 'id="export-download"' in page and "1 dòng" in page and "hx-trigger" not in page


def test_only_the_person_who_asked_reads_the_page_downloads_or_asks_again(
    staff_client, viewer_client, focal_client, registration
):
    ask(staff_client, EXPORT)
    row = ExportFile.objects.get()
    assert row.is_ready
    for other in (viewer_client, focal_client):
        assert other.get(reverse("accounts:export_detail", args=[row.key])).status_code == 404
        assert other.get(reverse("accounts:export_download", args=[row.key])).status_code == 404
        assert other.post(reverse("accounts:export_retry", args=[row.key])).status_code == 404
        assert row.title not in other.get(reverse("accounts:exports")).content.decode()
    assert row.title in staff_client.get(reverse("accounts:exports")).content.decode()


def test_a_double_click_asks_once(staff_client, registration):
    first = staff_client.post(EXPORT)
    second = staff_client.post(EXPORT)
    assert first["Location"] == second["Location"]
    assert ExportFile.objects.count() == 1
    assert staff_client.post(f"{EXPORT}?status=draft")["Location"] != first["Location"]
    assert ExportFile.objects.count() == 2


def test_while_it_is_being_made_the_page_asks_again_and_says_so(staff_client, registration):
    staff_client.post(EXPORT)  # the commit never happens in this test: nothing is queued
    row = ExportFile.objects.get()
    assert row.status == ExportFile.Status.PENDING
    page = _page(staff_client, row)
    assert 'id="export-waiting"' in page and 'hx-trigger="load delay:2s"' in page
    assert '<meta http-equiv="refresh" content="2">' in page  # without scripts too
    assert staff_client.get(reverse("accounts:export_download", args=[row.key])).status_code == 404
    partial = staff_client.get(reverse("accounts:export_detail", args=[row.key]), headers={"HX-Request": "true"})
    assert partial.content.decode().lstrip().startswith('<div id="export-status"')
    exports.generate_export(row.pk)
    partial = staff_client.get(reverse("accounts:export_detail", args=[row.key]), headers={"HX-Request": "true"})
    assert 'id="export-download"' in partial.content.decode() and "hx-trigger" not in partial.content.decode()


def test_a_second_delivery_of_the_same_task_makes_nothing_more(staff_client, registration):
    staff_client.post(EXPORT)
    row = ExportFile.objects.get()
    assert exports.generate_export(row.pk).is_ready
    first_file = ExportFile.objects.get().file.name
    assert exports.generate_export(row.pk) is None
    assert ExportFile.objects.get().file.name == first_file


def test_an_export_no_worker_finished_is_offered_again_and_beat_makes_it(staff_client, registration):
    staff_client.post(EXPORT)
    row = ExportFile.objects.get()
    late = timezone.now() - ExportFile.PENDING_TIMEOUT - datetime.timedelta(minutes=1)
    ExportFile.objects.filter(pk=row.pk).update(requested_at=late, queued_at=late)
    page = _page(staff_client, row)
    assert "Quá thời gian chờ mà tệp chưa được tạo" in page and 'id="export-retry"' in page and "hx-trigger" not in page
    assert exports.tend_exports() == (1, 0)  # beat; made at once here (no broker in the test process)
    assert ExportFile.objects.get().is_ready
    assert exports.tend_exports() == (0, 0)


def test_asking_again_after_a_failure_makes_the_file(staff_client, registration, django_capture_on_commit_callbacks):
    staff_client.post(EXPORT)
    row = ExportFile.objects.get()
    ExportFile.objects.filter(pk=row.pk).update(status=ExportFile.Status.FAILED, error="Không tạo được tệp.")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("accounts:export_retry", args=[row.key]))
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.is_ready, row.error) == (True, "")


def test_exports_older_than_a_day_are_removed_with_their_files(staff_client, registration):
    ask(staff_client, EXPORT)
    old = ExportFile.objects.get()
    storage, name = old.file.storage, old.file.name
    assert storage.exists(name)
    ExportFile.objects.filter(pk=old.pk).update(requested_at=timezone.now() - ExportFile.KEEP - datetime.timedelta(minutes=1))
    ask(staff_client, f"{EXPORT}?status=draft")
    assert exports.tend_exports() == (0, 1)
    assert list(ExportFile.objects.values_list("params", flat=True)) == [{"query": {"status": ["draft"]}}]
    assert not storage.exists(name)


@pytest.mark.django_db
def test_a_builder_that_fails_is_shown_on_the_page_with_a_button_to_try_again(staff_client, staff_user):
    def broken(user, params):
        raise RuntimeError("disk full")

    exports.register("broken-for-test", broken)
    try:
        row = exports.request_export("broken-for-test", {}, by=staff_user, title="Tệp hỏng")
        assert exports.generate_export(row.pk).status == ExportFile.Status.FAILED
    finally:
        exports._BUILDERS.pop("broken-for-test")
    page = _page(staff_client, row)
    assert "Không tạo được tệp" in page and 'id="export-retry"' in page and "disk full" not in page


def test_a_worker_making_the_matrix_for_someone_who_lost_the_right_makes_no_file(staff_client, staff_user, campaign):
    from evaluations import exports as appraisal_exports
    from evaluations.services import ensure_council

    ensure_council(campaign, by=staff_user)
    row = exports.request_export(appraisal_exports.MATRIX, {"campaign": campaign.pk}, by=staff_user, title="Ma trận")
    staff_user.memberships.all().delete()
    assert exports.generate_export(row.pk).status == ExportFile.Status.FAILED
    row.refresh_from_db()
    assert (row.error, bool(row.file)) == ("Bạn không còn quyền xem nội dung của tệp này.", False)


def test_an_export_whose_file_is_gone_is_a_404_not_an_error(staff_client, registration):
    ask(staff_client, EXPORT)
    row = ExportFile.objects.get()
    row.file.storage.delete(row.file.name)
    assert staff_client.get(reverse("accounts:export_download", args=[row.key])).status_code == 404


@pytest.mark.postgres
@pytest.mark.redis
def test_with_the_broker_down_the_export_is_made_in_the_request_without_an_error(
    transactional_db,
    client,
    staff_user,
    registration,
    broker,  # noqa: F811
):
    client.force_login(staff_user)
    response = client.post(EXPORT, follow=True)
    assert response.status_code == 200
    row = ExportFile.objects.get()
    assert (row.is_ready, row.queued_at, row.rows) == (True, None, 1)
    assert 'id="export-download"' in response.content.decode()


@pytest.mark.postgres
@pytest.mark.redis
def test_the_request_answers_at_once_and_a_real_worker_makes_the_file(
    transactional_db,
    client,
    staff_user,
    registration,
    broker,  # noqa: F811
):
    broker.start()
    client.force_login(staff_user)
    response = client.post(EXPORT)
    assert response.status_code == 302
    row = ExportFile.objects.get()
    assert row.status == ExportFile.Status.PENDING and row.queued_at is not None  # queued, not made here
    worker = start_worker(broker.url, f"export{free_port()}")
    try:
        _wait_for(lambda: ExportFile.objects.get(pk=row.pk).status == ExportFile.Status.READY, "the worker makes the export")
    finally:
        print(stop_worker(worker))
    download = client.get(reverse("accounts:export_download", args=[row.key]))
    assert download["Content-Type"] == XLSX
    names = [r[2] for r in workbook_of(download).active.iter_rows(min_row=2, values_only=True)]
    assert names == [registration.model.name]
