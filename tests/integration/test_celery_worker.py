"""A real Celery worker process on Redis runs a task whose effect lands in the
(PostgreSQL) test database."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from audit import record
from audit.models import AuditEntry
from config.celery import app as celery_app
from tests.workers import ALONE, stop_worker

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(transactional_db):
    """A Celery worker of this test's own, on a queue of its own and the test's own database,
    so that two such tests on two xdist workers never take each other's tasks."""
    queue = f"dvk-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "DEBUG": "1",
        "CONN_MAX_AGE": "0",
    }
    env.pop("DVK_TESTING", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=INFO", *ALONE, "-Q", queue, "-n", f"{queue}@%h"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        yield queue
    finally:
        celery_app.conf.task_always_eager = previous
        print(stop_worker(process))


def test_worker_runs_the_audit_check_and_records_its_result(worker, django_user_model):
    record(None, "system.note", None, after={"seed": 1})
    record(None, "system.note", None, after={"seed": 2})
    result = celery_app.send_task("audit.tasks.verify_audit_chain", queue=worker)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        entry = AuditEntry.objects.filter(action="audit.chain_verified").first()
        if entry is not None:
            break
        time.sleep(0.3)
    else:
        pytest.fail(f"the worker did not run task {result.id} within 60 s")
    assert entry.after == {"entries": 2}
    assert (entry.chain, entry.position) == ("", 3)
