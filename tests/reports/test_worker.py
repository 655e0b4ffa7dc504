"""A real Celery worker on Redis makes a report's PDF and stores it where the web
process serves it from."""

import time

import pytest

from config.celery import app as celery_app
from reports.models import ReportFile
from tests.integration.test_celery_worker import worker  # noqa: F401 - the worker fixture

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.xdist_group("celery_worker")]


@pytest.fixture
def shared_media(settings, monkeypatch):
    """The worker process writes to the test's private media folder."""
    monkeypatch.setenv("MEDIA_ROOT", str(settings.MEDIA_ROOT))


def test_worker_renders_and_stores_the_pdf(shared_media, worker, report):  # noqa: F811
    result = celery_app.send_task("reports.tasks.render_report", args=[report.pk, "pdf"], queue=worker)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        row = ReportFile.objects.filter(report=report, format="pdf", status=ReportFile.Status.READY).first()
        if row is not None:
            break
        time.sleep(0.5)
    else:
        pytest.fail(f"the worker did not render the report (task {result.id}) within 90 s")
    with row.file.open("rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    assert row.report_version == report.version
