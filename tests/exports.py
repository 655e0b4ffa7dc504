"""Asking for a background export as a user would and downloading what it made."""

import io

from django.test import TestCase
from openpyxl import load_workbook

from accounts.models import ExportFile

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def ask(client, url: str, data: dict | None = None):
    """POST the export button (its query string in ``url`` or ``data``), run what the
    commit hands to the broker (the task runs in process in the tests), and return
    the answer to the POST."""
    if data:
        from urllib.parse import urlencode

        url = f"{url}?{urlencode(data, doseq=True)}"
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url)


def exported(client, url: str, data: dict | None = None):
    """The downloaded file of the export asked for at ``url``: POST, follow to its
    page, then its download link."""
    response = ask(client, url, data)
    assert response.status_code == 302, response.status_code
    page = client.get(response["Location"])
    assert page.status_code == 200
    row = ExportFile.objects.get(key=response["Location"].rstrip("/").rsplit("/", 1)[-1])
    assert row.is_ready, (row.status, row.error)
    download = client.get(f"{response['Location']}download/")
    assert download.status_code == 200
    assert download["Content-Type"] == XLSX
    assert download["Content-Disposition"].startswith("attachment")
    return download


def workbook_of(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))
