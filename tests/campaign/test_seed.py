"""The demo loads the 2020 Đơn Dương plan faithfully — every task of the
seed document, in its own words and order, under its period — and loading it twice
changes nothing."""

import datetime
import hashlib
import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts.models import User
from audit.models import AuditEntry
from audit.services import verify_chain
from campaign import demo
from campaign.models import Acknowledgement, Campaign, Deadline, DeadlineExtension, Document, PlanItem, PlanItemUpdate, PlanPeriod
from tests.text import assert_in_order

pytestmark = pytest.mark.django_db

SEED_NAME = "ke-hoach-dan-van-kheo-2020.txt"
SEED_COPY = Path(__file__).parent / "data" / SEED_NAME
SHARED_SEED = Path(settings.BASE_DIR).parent / "shared" / "seed" / SEED_NAME


def seed_paragraphs() -> list[str]:
    """The seed document's paragraphs, with the page breaks that cut a sentence in two
    (a paragraph ending mid-sentence followed by one starting in lower case) mended."""
    blocks = [" ".join(block.split()) for block in SEED_COPY.read_text(encoding="utf-8").split("\n\n") if block.strip()]
    mended: list[str] = []
    for block in blocks:
        if mended and not re.search(r"[.:;,”]$", mended[-1]) and block[:1].islower():
            mended[-1] = f"{mended[-1]} {block}"
        else:
            mended.append(block)
    return mended


def section(paragraphs: list[str], start: str, end: str) -> list[str]:
    return paragraphs[paragraphs.index(start) + 1 : paragraphs.index(end)]


def seed_plan() -> list[tuple[str, list[str]]]:
    """[(period name, [task, ...]), ...] from section II of the seed document."""
    plan: list[tuple[str, list[str]]] = []
    for paragraph in section(seed_paragraphs(), "II. NỘI DUNG TRỌNG TÂM", "III. TỔ CHỨC THỰC HIỆN"):
        heading = re.fullmatch(r"\d+\. (.+)", paragraph)
        if heading:
            plan.append((heading.group(1), []))
        else:
            plan[-1][1].append(paragraph)
    return plan


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The demo accounts' passwords are hashed with Argon2 otherwise: seconds per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def seeded(db):
    demo.seed()
    return Campaign.objects.get(owner__code="DD", year=2020)


# SHA-256 of the 2020 plan as the design documents ship it.
SEED_SHA256 = "bb2a287037830a9e8839134603a492795f338016cbd2bc24b52ecba524a7811e"


def test_the_copy_of_the_seed_document_is_the_shared_one():
    assert hashlib.sha256(SEED_COPY.read_bytes()).hexdigest() == SEED_SHA256
    if SHARED_SEED.exists():
        assert SEED_COPY.read_bytes() == SHARED_SEED.read_bytes()


def test_the_seed_document_has_nine_tasks_in_three_periods():
    assert [(name, len(tasks)) for name, tasks in seed_plan()] == [("Quý I và quý II", 3), ("Quý III", 3), ("Quý IV", 3)]


def test_every_task_of_the_seed_plan_is_loaded_in_its_own_words_and_order_under_its_period(seeded):
    loaded = [
        (period.name, [item.description for item in period.items.order_by("order", "pk")])
        for period in PlanPeriod.objects.filter(campaign=seeded).order_by("order")
    ]
    assert loaded == seed_plan()


def test_every_task_title_is_the_opening_words_of_its_seed_paragraph(seeded):
    for item in PlanItem.objects.filter(period__campaign=seeded):
        assert item.description.startswith(item.title)


def test_the_printed_plan_shows_every_task_in_order_under_its_period(seeded, viewer_client_dd):
    body = html.unescape(viewer_client_dd.get(reverse("campaign:print", args=[seeded.pk])).content.decode())
    body = re.sub(r"\s+", " ", body)
    expected = ["II. NỘI DUNG TRỌNG TÂM"]
    for number, (period, tasks) in enumerate(seed_plan(), start=1):
        expected += [f"{number}. {period}", *tasks]
    assert_in_order(body, [*expected, "III. TỔ CHỨC THỰC HIỆN"])


def test_the_board_lists_the_tasks_under_their_periods_for_a_focal_point(seeded, kado_dd):
    body = html.unescape(kado_dd.get(reverse("campaign:board", args=[seeded.pk])).content.decode())
    expected = []
    for period in PlanPeriod.objects.filter(campaign=seeded).order_by("order"):
        expected += [f'data-period="{period.name}"', *(item.title for item in period.items.order_by("order"))]
    assert len(expected) > 10
    assert_in_order(body, expected)


def test_the_campaign_header_legal_bases_purposes_implementation_recipients_and_signer_follow_the_seed(seeded):
    paragraphs = seed_paragraphs()
    assert seeded.title == "Thực hiện phong trào thi đua “Dân vận khéo” trong xây dựng nông thôn mới năm 2020"
    assert (seeded.number, seeded.issued_on, seeded.status) == ("Số 12-KH/BDVHU", datetime.date(2020, 3, 10), "published")
    assert seeded.legal_bases[0] == "Kế hoạch số 75-KH/BDVTU ngày 03/3/2020 của Ban Dân vận Tỉnh ủy Lâm Đồng"
    assert f"Thực hiện {seeded.legal_bases[0]}." in paragraphs
    purposes_text = section(paragraphs, "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG TRỌNG TÂM")
    for basis in seeded.legal_bases[1:]:
        assert basis in purposes_text[0]
    assert (
        seeded.preamble.splitlines()
        == paragraphs[paragraphs.index("I. MỤC ĐÍCH, YÊU CẦU") - 2 : paragraphs.index("I. MỤC ĐÍCH, YÊU CẦU")]
    )
    assert seeded.purposes.splitlines() == purposes_text
    assert sum(line.startswith("- ") for line in seeded.purposes.splitlines()) == 3
    assert seeded.implementation.splitlines() == section(paragraphs, "III. TỔ CHỨC THỰC HIỆN", "Nơi nhận:")
    recipients = paragraphs[paragraphs.index("Nơi nhận:") + 1]
    assert ["- " + name for name in seeded.recipients] == re.split(r" (?=- )", recipients)
    assert (seeded.signer_title, seeded.signer_name) == ("TRƯỞNG BAN", "Lê Đình Thủy")


def test_the_deadlines_are_those_of_the_yearly_cycle(seeded):
    deadlines = {d.kind: (d.due_date, d.audience, d.reminder_offsets) for d in Deadline.objects.filter(campaign=seeded)}
    assert deadlines == {
        "registration": (datetime.date(2020, 4, 30), "units", [7, 3, 1, 0, -1]),
        "interim_report": (datetime.date(2020, 6, 15), "units", [7, 3, 1, 0, -1]),
        "final_report": (datetime.date(2020, 10, 31), "units", [7, 3, 1, 0, -1]),
        "scoring": (datetime.date(2020, 11, 30), "council", [7, 3, 1, 0, -1]),
    }


def test_the_first_half_year_is_done_with_progress_updates_and_some_units_have_disseminated(seeded):
    first, third, fourth = PlanPeriod.objects.filter(campaign=seeded).order_by("order")
    assert set(first.items.values_list("status", flat=True)) == {"done"}
    assert PlanItemUpdate.objects.filter(item__period__campaign=seeded).count() == 5
    assert Document.objects.filter(campaign=seeded).count() == 2
    assert Document.objects.filter(campaign=seeded, content_type="application/pdf").count() == 2
    acknowledged = set(Acknowledgement.objects.filter(document__campaign=seeded).values_list("unit__code", flat=True))
    assert "DD-THANHMY" in acknowledged
    assert "DD-KADO" not in acknowledged
    assert DeadlineExtension.objects.get().unit.code == "DD-PRO"


def test_seeding_twice_changes_nothing(seeded):
    models = (Campaign, PlanPeriod, PlanItem, PlanItemUpdate, Deadline, DeadlineExtension, Document, Acknowledgement, AuditEntry)
    before = {model.__name__: model.objects.count() for model in models}
    demo.seed()
    assert {model.__name__: model.objects.count() for model in models} == before


def test_the_seed_is_written_through_the_services_so_the_audit_chain_tells_it(seeded):
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"campaign.created", "plan_item.created", "campaign.published", "deadline.created", "document.acknowledged"} <= actions
    assert verify_chain() == AuditEntry.objects.count()


@pytest.fixture
def viewer_client_dd(seeded):
    client = Client()
    client.force_login(User.objects.get(username="thuongtruc"))
    return client


@pytest.fixture
def kado_dd(seeded):
    client = Client()
    client.force_login(User.objects.get(username="kado"))
    return client
