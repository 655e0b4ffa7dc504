"""Nothing lost, nothing twice: with a real Redis broker (started by the test on its own
port), a real Celery worker and beat, and a real SMTP server."""

import datetime
import os
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection
from django.utils import timezone

from campaign.models import Campaign, Deadline
from notifications import delivery
from notifications.models import DeliveryAttempt, Notification, ReminderLog
from notifications.services import send_reminders
from tests.factories import (
    CampaignFactory,
    DeadlineFactory,
    DvkModelFactory,
    MembershipFactory,
    RegistrationFactory,
    UnitFactory,
    UserFactory,
)
from tests.workers import ALONE, database_url, stop_worker

from .conftest import free_port

pytestmark = [pytest.mark.postgres, pytest.mark.redis]


def _wait_for(condition, what: str, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    pytest.fail(f"{what}: not within {timeout} s")


class RedisServer:
    """A redis-server of the test's own, to stop and start again on the same port."""

    def __init__(self, directory: Path):
        self.port = free_port()
        self.directory = directory
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def answers(self) -> bool:
        try:
            return redis.Redis(port=self.port, socket_connect_timeout=0.5).ping()
        except redis.RedisError:
            return False

    def start(self):
        self.process = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.directory,
            stdout=subprocess.DEVNULL,
        )
        _wait_for(self.answers, "redis-server starts", 20)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        assert not self.answers()


@pytest.fixture
def own_redis(tmp_path):
    if shutil.which("redis-server") is None:
        pytest.fail("redis-server is not installed")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


def _environment(own_redis, smtp_server) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": own_redis.url,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_server.port}",
        "DELIVERY_INTERVAL_SECONDS": "1",
        "DEBUG": "1",
        "CONN_MAX_AGE": "0",
        # The production settings: tasks go through the broker, not run in process.
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    env.pop("DVK_TESTING", None)
    return env


@pytest.fixture
def worker_with_beat(transactional_db, own_redis, smtp_server, tmp_path):
    """A worker with embedded beat, on the test's own Redis and SMTP server."""
    env = _environment(own_redis, smtp_server)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "-B",
            "--pool=solo",
            "--loglevel=INFO",
            *ALONE,
            "-s",
            str(tmp_path / "beat-schedule"),
        ],
        cwd=Path(settings.BASE_DIR),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield env
    finally:
        print(stop_worker(process))


def _manage(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=Path(settings.BASE_DIR), env=env, capture_output=True, text=True, timeout=120
    )


def _owing_units(count: int) -> list:
    """A published campaign whose registration deadline is three days away, and
    ``count`` units that have not sent; the first person answers for two units."""
    district = UnitFactory(kind="district", name="Ban Dân vận Tỉnh ủy Lâm Đồng", code="LD")
    campaign = CampaignFactory(owner=district, status=Campaign.Status.PUBLISHED)
    DeadlineFactory(
        campaign=campaign, kind=Deadline.Kind.REGISTRATION, due_date=timezone.localdate() + datetime.timedelta(days=3)
    )
    users = []
    for index in range(count):
        unit = UnitFactory(kind="commune", name=f"Xã {index:03d}", code=f"LD-{index:03d}", parent=district)
        RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit), status="draft")
        user = users[0] if index == 1 else UserFactory(username=f"xa{index:03d}")
        MembershipFactory(user=user, unit=unit, role="focal_point")
        users.append(user)
    return users


def test_reminders_written_while_the_broker_is_down_are_emailed_once_it_is_back(worker_with_beat, own_redis, smtp_server):
    """The sweep runs while the broker is down; once it is back, worker and beat e-mail
    every owed reminder exactly once."""
    users = _owing_units(4)
    own_redis.stop()
    sweep = _manage(worker_with_beat, "send_reminders")
    assert sweep.returncode == 0, sweep.stderr
    assert "4 reminder(s) sent." in sweep.stdout
    assert list(Notification.objects.values_list("email_status", flat=True)) == ["pending"] * 4
    assert "could not queue notifications.tasks.deliver_notifications_task" in sweep.stderr
    assert smtp_server.messages == []

    own_redis.start()
    _wait_for(lambda: len(smtp_server.messages) >= 4, "the worker delivers the reminders after the broker is back")
    _wait_for(
        lambda: not Notification.objects.exclude(email_status=Notification.EmailStatus.SENT).exists(),
        "every reminder marked sent",
    )
    assert _manage(worker_with_beat, "send_reminders").stdout.strip().endswith("0 reminder(s) sent.")
    assert _manage(worker_with_beat, "deliver_notifications", "--now").returncode == 0
    expected = sorted([users[0].email, users[0].email, users[2].email, users[3].email])
    assert smtp_server.recipients() == expected
    assert DeliveryAttempt.objects.filter(succeeded=True).count() == 4
    assert ReminderLog.objects.count() == 4


def test_four_concurrent_sweeps_and_two_delivery_workers_send_nothing_twice(transactional_db, smtp_server, monkeypatch):
    users = _owing_units(40)
    # The two delivery workers below do the sending, not the sweeps' own nudge.
    monkeypatch.setattr(delivery, "_deliver_soon", lambda: None)
    errors = []

    def in_threads(count, work):
        barrier = threading.Barrier(count)

        def run():
            try:
                barrier.wait(timeout=30)
                work()
            except Exception as error:  # noqa: BLE001 - reported by the assertion below
                errors.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=run) for _ in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert errors == []

    swept = []
    in_threads(4, lambda: swept.append(len(send_reminders())))
    assert sorted(swept) == [0, 0, 0, 40]
    assert Notification.objects.count() == 40
    assert Counter(Notification.objects.values_list("user_id", flat=True))[users[0].pk] == 2

    monkeypatch.setattr(delivery, "BATCH_SIZE", 3)
    runs = []
    in_threads(2, lambda: runs.append(delivery.deliver_pending().sent))
    assert sum(runs) == 40
    recipients = Counter(smtp_server.recipients())
    assert recipients[users[0].email] == 2
    assert len(smtp_server.messages) == 40
    assert set(recipients.values()) == {1, 2} and sum(recipients.values()) == 40
    assert DeliveryAttempt.objects.count() == 40
