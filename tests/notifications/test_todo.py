"""The home page's "Việc cần làm" and the reminder sweep name the
same obligations for the demo's accounts, both read from notifications.obligations."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from notifications.obligations import open_deadlines, owed, owed_by
from notifications.services import send_reminders
from tests.seeded import demo_seeded_once

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("notifications_demo")]


demo_database = demo_seeded_once()


@pytest.fixture
def demo(db, demo_database, settings):
    """The demo, seeded once for the module; what a test changes is rolled back after it."""
    settings.MEDIA_ROOT = demo_database


def _reminder_days():
    """One sweep day per deadline of the published campaigns: 3 days before it."""
    return sorted({deadline.due_date - datetime.timedelta(days=3) for deadline in open_deadlines()})


def test_home_list_and_sweep_name_the_same_obligations_for_the_demo_accounts(demo):
    everything = owed()
    assert everything, "the demo has something owed"
    people = User.objects.filter(pk__in={item.user.pk for item in everything}).order_by("username")
    for user in people:
        mine = owed_by(user)
        assert mine == [item for item in everything if item.user.pk == user.pk], user.username
        client = Client()
        client.force_login(user)
        page = client.get(reverse("home")).content.decode()
        assert "Việc cần làm" in page
        for item in mine:
            assert f'href="{item.url}"' in page, (user.username, item)
            assert item.what in page, (user.username, item)
    for day in _reminder_days():
        for reminder in send_reminders(day, dry_run=True):
            assert reminder.owed in everything


def test_the_most_urgent_comes_first_and_someone_who_owes_nothing_sees_no_list(demo):
    owing = next(item.user for item in owed() if item.unit is not None)
    client = Client()
    client.force_login(owing)
    page = client.get(reverse("home")).content.decode()
    mine = owed_by(owing)
    positions = [page.index(f'href="{item.url}"') for item in mine]
    assert [item.due_date for item in mine] == sorted(item.due_date for item in mine)
    assert positions[0] == min(positions)
    nobody = User.objects.get(username="thuongtruc")  # a viewer: reads, owes nothing
    client.force_login(nobody)
    assert 'id="todo"' not in client.get(reverse("home")).content.decode()
