"""More than one machine (issue 14): with the object-storage backend configured, evidence
uploaded through the real view and a generated report live in the bucket, not on the
local disk, and come back only through the permission-checked views. The S3-protocol
server is moto's, started by the test on 127.0.0.1."""

import datetime
import hashlib
import json
import os
import socket
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from registrations.models import Evidence
from reports.models import SummaryReport
from tests.factories import CampaignFactory, DeadlineFactory, DvkModelFactory, MembershipFactory, RegistrationFactory, UserFactory
from tests.registrations.files import image_bytes, pdf_bytes, upload

pytestmark = [pytest.mark.django_db, pytest.mark.object_storage]
KEYS = {"access_key": "dvk-test-access", "secret_key": "dvk-test-secret"}  # moto accepts any


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def bucket(settings, monkeypatch):
    """A private bucket on a local moto server, and the default storage pointed at it."""
    import boto3
    from moto.server import ThreadedMotoServer

    # Credentials are given; nothing may ask an instance-metadata service for them.
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
    )
    # moto keeps its buckets for the whole process: a fresh one per test.
    client.bucket = f"dvk-private-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=client.bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": client.bucket,
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "addressing_style": "path",
                "default_acl": None,
                "file_overwrite": False,
                **KEYS,
            },
        },
    }
    try:
        yield client
    finally:
        server.stop()


def _keys(client) -> list[str]:
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=client.bucket).get("Contents", []))


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def registration(district, unit):
    today = timezone.localdate()
    campaign = CampaignFactory(owner=district, year=today.year, status="published")
    DeadlineFactory(campaign=campaign, kind="registration", due_date=today + datetime.timedelta(days=20))
    return RegistrationFactory(campaign=campaign, model=DvkModelFactory(unit=unit))


def test_evidence_is_stored_in_the_bucket_and_served_only_through_the_checked_views(
    bucket, registration, focal_client, other_focal_client, staff_client, settings, django_capture_on_commit_callbacks
):
    document, photo = pdf_bytes("Bien ban hop dan thon Ka Do"), image_bytes("PNG")
    for name, data in (("biên bản.pdf", document), ("ảnh hiện trường.png", photo)):
        response = focal_client.post(
            reverse("registrations:evidence_upload", args=[registration.pk]), {"file": upload(name, data), "caption": name}
        )
        assert response.status_code == 302
    pdf_evidence, image_evidence = Evidence.objects.order_by("pk")
    assert _keys(bucket) == sorted([pdf_evidence.file.name, image_evidence.file.name, image_evidence.thumbnail.name])
    assert not settings.MEDIA_ROOT.exists()  # nothing on this machine's disk

    for client in (focal_client, staff_client):
        response = client.get(reverse("registrations:evidence_download", args=[pdf_evidence.pk]))
        assert (response.status_code, _body(response)) == (200, document)
    thumbnail = focal_client.get(reverse("registrations:evidence_thumbnail", args=[image_evidence.pk]))
    assert (thumbnail.status_code, thumbnail["Content-Type"]) == (200, "image/jpeg")
    for url in ("registrations:evidence_download", "registrations:evidence_thumbnail"):
        assert other_focal_client.get(reverse(url, args=[image_evidence.pk])).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        focal_client.post(reverse("registrations:evidence_delete", args=[image_evidence.pk]))
    assert _keys(bucket) == [pdf_evidence.file.name]


def test_a_generated_report_is_stored_in_the_bucket_and_downloaded_by_its_organiser_only(
    bucket, district, other_district, staff_client, focal_client, client, django_capture_on_commit_callbacks
):
    campaign = CampaignFactory(owner=district, year=2020, signer_title="Trưởng ban", signer_name="Lê Đình Thủy")
    report = SummaryReport.objects.create(
        campaign=campaign,
        kind=SummaryReport.Kind.SUMMARY,
        superior_name="HUYỆN ỦY ĐƠN DƯƠNG",
        issuer_name="BAN DÂN VẬN",
        number="45-BC/BDVHU",
        place="Đơn Dương",
        date=datetime.date(2020, 12, 15),
        subject="Tổng kết phong trào thi đua “Dân vận khéo” năm 2020",
        signer_capacity="T/M BAN DÂN VẬN",
        signer_title="TRƯỞNG BAN",
        signer_name="Lê Đình Thủy",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("reports:render", args=[report.pk, "pdf"]))
    assert response.status_code == 302
    [row] = report.files.all()
    assert row.is_ready and _keys(bucket) == [row.file.name]

    download = reverse("reports:download", args=[report.pk, "pdf"])
    response = staff_client.get(download)
    assert response.status_code == 200
    assert hashlib.sha256(_body(response)).hexdigest() == row.sha256
    other_staff = UserFactory(username="bdv_lacduong")
    MembershipFactory(user=other_staff, unit=other_district, role="district_staff")
    client.force_login(other_staff)
    assert client.get(download).status_code == 404
    assert focal_client.get(download).status_code == 404


def test_the_environment_turns_on_object_storage_and_the_redis_cache_and_sessions():
    """What a second web node is given: the bucket, and Redis for the cache and sessions."""
    env = {
        **os.environ,
        "STORAGE_S3_BUCKET": "dvk-media",
        "STORAGE_S3_ENDPOINT_URL": "http://minio:9000",
        "STORAGE_S3_ACCESS_KEY": "dvk",
        "STORAGE_S3_SECRET_KEY": "secret",
        "REDIS_CACHE_URL": "redis://redis:6379/1",
    }
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from django.conf import settings as s; "
            "print(json.dumps([s.STORAGES['default'], s.CACHES['default'], s.SESSION_ENGINE]))",
        ],
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    storage, cache, session_engine = json.loads(shown.stdout)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert {key: storage["OPTIONS"][key] for key in ("bucket_name", "endpoint_url", "default_acl", "file_overwrite")} == {
        "bucket_name": "dvk-media",
        "endpoint_url": "http://minio:9000",
        "default_acl": None,
        "file_overwrite": False,
    }
    assert cache == {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://redis:6379/1"}
    assert session_engine == "django.contrib.sessions.backends.cached_db"
    # Without them: the private local disk and the database, as before.
    assert settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_a_report_file_missing_from_the_bucket_is_a_404_not_a_500(bucket, district, staff_client):
    campaign = CampaignFactory(owner=district, year=2020)
    report = SummaryReport.objects.create(campaign=campaign, kind=SummaryReport.Kind.SUMMARY, date=datetime.date(2020, 12, 15))
    report.files.create(format="pdf", status="ready", file="reports/2020/12/khong-con.pdf")
    assert staff_client.get(reverse("reports:download", args=[report.pk, "pdf"])).status_code == 404
