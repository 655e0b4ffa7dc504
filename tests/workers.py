"""Starting and stopping the Celery worker a test runs in a process of its own."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

# A test's worker is alone on its broker: it need not look for others when it starts
# (mingle waits a second for answers), nor keep talking to them.
ALONE = ("--without-gossip", "--without-mingle", "--without-heartbeat")


def database_url() -> str:
    """The test database, for a process of its own (worker, manage.py)."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(broker_url: str, name: str) -> subprocess.Popen:
    """A real worker (one process) on ``broker_url``, the test database and the test's
    private media, so that what it stores the test reads back."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker_url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "DEBUG": "1",
        "CONN_MAX_AGE": "0",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--loglevel=INFO", *ALONE, "-n", f"{name}@%h"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop_worker(process: subprocess.Popen, *, timeout: float = 20) -> str:
    """Stop at once (Celery's cold shutdown: the test has seen what it waited for, and
    a warm shutdown spends seconds saying goodbye to the broker); the end of what the
    worker printed, for the test's report."""
    process.send_signal(signal.SIGQUIT)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return (output or "")[-4000:]
