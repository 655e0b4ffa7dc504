import json

import pytest


def test_healthz_reports_database_ok_and_broker_state(client, db, settings):
    settings.CELERY_BROKER_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "broker": "disabled"}


def test_healthz_is_503_when_the_database_fails(client, db, monkeypatch):
    class DownDatabase:
        def cursor(self):
            raise RuntimeError("database down")

    monkeypatch.setattr("accounts.views.connection", DownDatabase())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "error: RuntimeError"


def test_healthz_reports_an_unreachable_broker(client, db, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content)["broker"].startswith("error")


@pytest.mark.redis
def test_healthz_reports_a_live_broker_ok(client, db):
    assert json.loads(client.get("/healthz").content)["broker"] == "ok"
