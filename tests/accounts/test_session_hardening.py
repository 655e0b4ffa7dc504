"""Idle sessions end, the published demo password is refused outside DEBUG, and a
database connection dropped under a worker is replaced instead of answering 500."""

import time

import psycopg2
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_started
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.middleware import IDLE_KEY
from accounts.passwords import password_problems
from tests.factories import UserFactory
from tests.factories.accounts import TEST_PASSWORD

DEMO_REFUSED = "Đây là mật khẩu của bản trình diễn, ai cũng biết: hãy chọn mật khẩu khác."


def _idle_for(client, minutes):
    session = client.session
    session[IDLE_KEY] = int(time.time()) - minutes * 60
    session.save()


def test_a_session_idle_for_longer_than_the_timeout_is_signed_out(staff_client):
    assert staff_client.get(reverse("home")).status_code == 200
    # The idle clock is kept to five minutes, never against the user: out after 30–35.
    _idle_for(staff_client, 36)
    response = staff_client.get(reverse("home"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("accounts:login"))
    assert "lâu không thao tác" in response.content.decode()
    assert "_auth_user_id" not in staff_client.session


def test_a_session_used_within_the_timeout_stays_and_the_timeout_is_a_setting(staff_client, settings):
    _idle_for(staff_client, 30)
    assert staff_client.get(reverse("home")).status_code == 200
    assert staff_client.session[IDLE_KEY] >= int(time.time()) - 5  # the clock restarted
    settings.SESSION_IDLE_TIMEOUT_MINUTES = 10
    _idle_for(staff_client, 16)
    assert staff_client.get(reverse("home")).status_code == 302


def test_the_idle_clock_starts_at_sign_in_so_pages_do_not_write_the_session(client, staff_user):
    client.post(reverse("accounts:login"), {"username": "bdv", "password": TEST_PASSWORD})
    assert client.session[IDLE_KEY] >= int(time.time()) - 5
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    sql = [query["sql"] for query in queries.captured_queries]
    assert any('FROM "django_session"' in statement for statement in sql)
    assert not [statement for statement in sql if statement.startswith(("UPDATE", "INSERT")) and "django_session" in statement]


def test_sessions_last_a_working_day_at_most(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 3600
    assert settings.SESSION_IDLE_TIMEOUT_MINUTES == 30


def test_the_demo_password_is_refused_outside_debug(db, settings):
    account = UserFactory(username="canbo")
    assert password_problems("DanVanKheo2020", account) == [DEMO_REFUSED]
    settings.DEBUG = True
    assert password_problems("danvankheo2020", account) == []


def test_changing_ones_password_to_the_demo_password_is_refused_in_vietnamese(staff_client, staff_user):
    response = staff_client.post(
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": "danvankheo2020", "new_password2": "danvankheo2020"},
    )
    assert response.status_code == 200
    assert DEMO_REFUSED in response.content.decode()
    staff_user.refresh_from_db()
    assert staff_user.check_password(TEST_PASSWORD)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_connection_the_database_dropped_is_replaced_on_the_next_request(client, settings):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    assert client.get("/healthz").json()["database"] == "ok"
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    db = connection.settings_dict
    other = psycopg2.connect(dbname=db["NAME"], user=db["USER"], password=db["PASSWORD"], host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432)
    try:
        other.autocommit = True
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        other.close()
    # What a worker does before each request (the test client skips it).
    request_started.send(sender=WSGIHandler)
    response = client.get("/healthz")
    assert (response.status_code, response.json()["database"]) == (200, "ok")
