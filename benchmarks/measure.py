"""The in-process half of the bench (Django set up on the bench database): which pages,
as whom, their query counts, the session cookies gunicorn is called with, and the PDF
against raw WeasyPrint."""

import time

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Unit, User
from campaign.models import Campaign

STAFF = "tinh"  # the province board's staff
HEAD = "tinhtruongban"
CHAIR = "hdtinh"
MEMBER = "hdtinh1"
FOCAL_POINT = "xakado"


def campaign() -> Campaign:
    return Campaign.objects.filter(owner__code="LD", status=Campaign.Status.PUBLISHED).order_by("-year", "-pk").first()


def main_pages() -> dict[str, tuple[str, str]]:
    """NAME: (username, url) for the main pages of each role."""
    pk = campaign().pk
    registrations = reverse("registrations:list")
    return {
        "home (staff)": (STAFF, reverse("home")),
        "dashboard (staff)": (STAFF, reverse("campaign:dashboard")),
        "dashboard (board head)": (HEAD, reverse("campaign:dashboard")),
        "plan board (staff)": (STAFF, reverse("campaign:board", args=[pk])),
        "registrations list": (STAFF, f"{registrations}?campaign={pk}"),
        "registrations list, page 2": (STAFF, f"{registrations}?campaign={pk}&page=2"),
        "registrations list, filtered": (STAFF, f"{registrations}?campaign={pk}&field=economy&status=nominated"),
        "registrations list, search ka do": (STAFF, f"{registrations}?campaign={pk}&q=ka+do"),
        "appraisal home (staff)": (STAFF, reverse("evaluations:home")),
        "assignments (staff)": (STAFF, reverse("evaluations:assignments", args=[pk])),
        "results (staff)": (STAFF, reverse("evaluations:results", args=[pk])),
        "results, exemplars page 2 (staff)": (STAFF, f"{reverse('evaluations:results', args=[pk])}?kind=exemplar&page=2"),
        "results, needing attention (staff)": (STAFF, f"{reverse('evaluations:results', args=[pk])}?kind=model&attention=1"),
        "results (chair)": (CHAIR, reverse("evaluations:results", args=[pk])),
        "finalise (chair)": (CHAIR, reverse("evaluations:finalise", args=[pk])),
        "scoring queue (member)": (MEMBER, reverse("evaluations:queue")),
        "scoring queue (chair)": (CHAIR, reverse("evaluations:queue")),
        "unit home (focal point)": (FOCAL_POINT, reverse("registrations:unit_home")),
        "showcase (staff)": (STAFF, reverse("showcase:index")),
    }


def exports() -> dict[str, tuple[str, str]]:
    pk = campaign().pk
    return {
        "registrations": (STAFF, f"{reverse('registrations:export')}?campaign={pk}"),
        "results": (STAFF, reverse("evaluations:export_results", args=[pk])),
        "score matrix": (STAFF, reverse("evaluations:export_matrix", args=[pk])),
    }


def signed_in(username: str) -> Client:
    """A client signed in as ``username`` with a second factor verified, as production
    asks of staff: a confirmed authenticator device, its id in the session."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = User.objects.get(username=username)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="bench", confirmed=True
    )
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def query_counts(pages: dict[str, tuple[str, str]]) -> dict[str, int]:
    """Each page's queries (second request: caches warm), in process."""
    counts = {}
    clients = {}
    for name, (username, url) in pages.items():
        if username not in clients:
            clients[username] = signed_in(username)
        client = clients[username]
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{name} ({url}, as {username}) answered {response.status_code} in process")
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts[name] = len(queries)
    return counts


def session_cookies(pages: dict[str, tuple[str, str]]) -> dict[str, str]:
    """A signed-in session per user, stored in the database gunicorn reads."""
    cookies = {}
    for username in {username for username, _url in pages.values()} | {STAFF}:
        client = signed_in(username)
        cookies[username] = client.cookies["sessionid"].value
    return cookies


def data_size() -> str:
    from evaluations.models import Score
    from registrations.models import Registration

    return (
        f"{Unit.objects.filter(parent__code='LD').count()} units under the province, "
        f"{Registration.objects.filter(campaign=campaign()).count()} registrations, {Score.objects.count()} criterion scores"
    )


def pdf_ratio() -> dict:
    """The province's year-end report as the product renders it (data, HTML, layout, PDF)
    against WeasyPrint alone on the same HTML and stylesheet."""
    from django.conf import settings
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from reports import pdf, services
    from reports.models import ReportFile, SummaryReport

    staff = User.objects.get(username=STAFF)
    # An earlier run on a kept database made it already.
    report = SummaryReport.objects.filter(campaign=campaign(), kind=SummaryReport.Kind.SUMMARY).first()
    if report is None:
        report = services.create_report(campaign(), SummaryReport.Kind.SUMMARY, by=staff)
    html_text = pdf.render_html(services.build_document(report, services.content_for_rendering(report)))

    def product():
        return services.render_bytes(report, ReportFile.Format.PDF)

    def raw():
        fonts = FontConfiguration()
        stylesheet = CSS(filename=pdf.stylesheet_path(), font_config=fonts)
        laid_out = HTML(string=html_text, base_url=str(settings.BASE_DIR)).render(
            stylesheets=[stylesheet], font_config=fonts, presentational_hints=True
        )
        return laid_out.write_pdf(), len(laid_out.pages)

    # Alternated, twice each, the faster of each kept: a busy moment weighs on both.
    product_times, raw_times = [], []
    for _ in range(2):
        started = time.perf_counter()
        content = product()
        product_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        _raw_content, pages = raw()
        raw_times.append(time.perf_counter() - started)
    product_s, raw_s = min(product_times), min(raw_times)
    assert content.startswith(b"%PDF")
    return {"ratio": round(product_s / raw_s, 2), "product_s": round(product_s, 2), "raw_s": round(raw_s, 2), "pages": pages}


def _sweep_recipients(count: int, today) -> Campaign:
    """``count`` communes under an organiser of their own, each with one focal point (an
    e-mail address) and nothing sent yet for a registration deadline a week after
    ``today``: ``count`` reminders owed. Built in bulk, outside the timing."""
    import datetime

    from accounts.models import PATH_SEPARATOR, Membership, Role
    from campaign.models import Deadline

    tag = f"SW{count}-{time.time_ns()}"
    organiser = Unit.objects.create(kind=Unit.Kind.DISTRICT, code=tag, name=f"Ban đo nhắc hạn {count}")
    communes = Unit.objects.bulk_create(
        Unit(kind=Unit.Kind.COMMUNE, code=f"{tag}-{index}", name=f"Xã nhắc hạn {index}", parent=organiser)
        for index in range(count)
    )
    for commune in communes:
        commune.path, commune.depth = f"{organiser.path}{commune.pk}{PATH_SEPARATOR}", organiser.depth + 1
    Unit.objects.bulk_update(communes, ["path", "depth"], batch_size=1000)
    people = User.objects.bulk_create(
        User(username=f"{tag.lower()}-{index}", email=f"xa{index}@{tag.lower()}.invalid", password="!")  # noqa: S106
        for index in range(count)
    )
    Membership.objects.bulk_create(
        Membership(user=user, unit=commune, role=Role.FOCAL_POINT) for user, commune in zip(people, communes, strict=True)
    )
    sweep_campaign = Campaign.objects.create(
        owner=organiser, year=today.year, title=f"Đo nhắc hạn {count}", status=Campaign.Status.PUBLISHED
    )
    Deadline.objects.create(campaign=sweep_campaign, kind=Deadline.Kind.REGISTRATION, due_date=today + datetime.timedelta(days=7))
    return sweep_campaign


def sweep(counts=(1000, 10000)) -> dict:
    """The reminder sweep at each number of recipients: seconds and queries, each on a
    day of its own far from the province's deadlines, so that only its recipients owe.
    The e-mails stay in the outbox (the delivery task sends them), as in production."""
    import datetime
    from unittest import mock

    from notifications import delivery
    from notifications.services import send_reminders

    # Left open by an interrupted run on a kept bench database, they would be swept too.
    Campaign.objects.filter(owner__code__startswith="SW", title__startswith="Đo nhắc hạn").update(status=Campaign.Status.CLOSED)
    result = {}
    for count in counts:
        today = datetime.date(2040, 1, 1) + datetime.timedelta(days=30 * len(result))
        sweep_campaign = _sweep_recipients(count, today)
        with mock.patch.object(delivery, "_deliver_soon", lambda: None), CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            sent = send_reminders(today)
            seconds = time.perf_counter() - started
        # Closed, it owes nothing to a later sweep (a kept bench database measures again).
        Campaign.objects.filter(pk=sweep_campaign.pk).update(status=Campaign.Status.CLOSED)
        if len(sent) != count:
            raise SystemExit(f"the sweep sent {len(sent)} reminders for {count} recipients")
        result[str(count)] = {"s": round(seconds, 2), "queries": len(queries)}
    return result


def _sheets_for_the_unscored(council) -> int:
    """A submitted sheet, full marks, for every assignment of the council still without
    one (the demo leaves a few registrations unscored, which would make finalising
    refuse for want of quorum). Bulk-written, outside the timing."""
    from evaluations.models import Assignment, Criterion, Score, Scoresheet
    from registrations.models import Status

    assignments = list(
        Assignment.objects.filter(
            member__council=council, registration__status=Status.NOMINATED, scoresheet__isnull=True
        ).select_related("registration__model")
    )
    if not assignments:
        return 0
    sheets = Scoresheet.objects.bulk_create(
        Scoresheet(assignment=assignment, status=Scoresheet.Status.SUBMITTED, submitted_at=timezone.now())
        for assignment in assignments
    )
    criteria = {}
    for criterion in Criterion.objects.filter(criteria_set__campaign=council.campaign).select_related("criteria_set"):
        criteria.setdefault(criterion.criteria_set.kind, []).append(criterion)
    Score.objects.bulk_create(
        Score(scoresheet=sheet, criterion=criterion, points=criterion.max_points)
        for assignment, sheet in zip(assignments, sheets, strict=True)
        for criterion in criteria.get(assignment.registration.model.kind, [])
    )
    return len(sheets)


def finalise() -> dict:
    """The chair finalising the province's appraisal (every nominated registration
    recognised or not, the models marked, the table sealed): seconds and queries, in a
    transaction rolled back afterwards, so that whatever is measured on this database
    after it still finds the results open."""
    from evaluations import services
    from evaluations.models import Council

    chair = User.objects.get(username=CHAIR)
    council = Council.objects.get(campaign=campaign())
    queries = 0

    def counted(execute, sql, params, many, context):
        # Counted rather than captured: the capture keeps only the last 9,000 queries.
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with transaction.atomic():
        _sheets_for_the_unscored(council)
        with connection.execute_wrapper(counted):
            started = time.perf_counter()
            results = services.finalise_results(council, by=chair)
            seconds = time.perf_counter() - started
        docx = _year_end_docx()
        transaction.set_rollback(True)
    return {"s": round(seconds, 2), "queries": queries, "results": len(results), "docx": docx}


def _year_end_docx() -> dict:
    """The province's year-end report as DOCX once the results are final (its longest
    form: every result listed): seconds from the data to the file's bytes, and its size."""
    from reports import services
    from reports.models import ReportFile, SummaryReport

    staff = User.objects.get(username=STAFF)
    report = SummaryReport.objects.filter(campaign=campaign(), kind=SummaryReport.Kind.SUMMARY).first()
    if report is None:
        report = services.create_report(campaign(), SummaryReport.Kind.SUMMARY, by=staff)
    started = time.perf_counter()
    data = services.render_bytes(report, ReportFile.Format.DOCX)
    seconds = time.perf_counter() - started
    assert data.startswith(b"PK")
    return {"s": round(seconds, 2), "bytes": len(data)}
