"""Grow the province board's current campaign of the demo to province scale (issue 14):
150 communes, 20 registrations each (3,000), 80 % of them put forward and scored by a
council of five on every criterion (about 60,000 criterion scores). ``--scale 0.1``
builds a tenth of it. Rows are written with ``bulk_create``; the demo is loaded first
when it is missing. Safe to run again: each run adds only the communes not yet there,
so running it at 0.1 then at 1.0 grows the same data set."""

import datetime
from decimal import Decimal

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Unit, User
from campaign.models import Campaign
from evaluations.models import Assignment, Council, CouncilMember, Criterion, Score, Scoresheet
from models.models import DvkModel, Field
from registrations.models import ProgressReport, Registration, Status

UNITS = 150
PER_UNIT = 20
NOMINATED_PER_UNIT = 16
CODE_PREFIX = "LD-SCALE-"
EXTRA_MEMBERS = ("hdtinh3", "hdtinh4")
FIELDS = list(Field.values)
# Place names with the tones and letters search must match without them ("ka do").
PLACES = ("Ka Đô", "Đạ Ròn", "Lạc Xuân", "Pró", "Quảng Lập", "Tu Tra", "Thạnh Mỹ", "Đinh Văn", "Đạ Huoai", "Lộc Bắc")
TEXT = (
    "Ban Dân vận phối hợp Mặt trận và các đoàn thể vận động nhân dân hiến đất, góp ngày công "
    "làm đường giao thông nông thôn, bê tông hóa đường liên thôn; tổ chức hội nghị dân chủ ở "
    "từng khu dân cư, công khai kinh phí và tiến độ, để người dân bàn, quyết định và giám sát. "
)


class Command(BaseCommand):
    help = "Build the province-scale data set (150 units, 3,000 registrations, about 60,000 scores) on the demo."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="fraction of the province to build (default 1.0)")

    def handle(self, *args, scale: float, **options):
        if not 0 < scale <= 10:
            raise CommandError("--scale must be above 0 and at most 10")
        if not Unit.objects.filter(code="LD").exists():
            call_command("seed_demo", stdout=self.stdout)
        campaign = Campaign.objects.filter(owner__code="LD", status=Campaign.Status.PUBLISHED).order_by("-year", "-pk").first()
        if campaign is None:
            raise CommandError("The demo's province campaign is missing; run seed_demo first.")
        wanted = max(1, round(UNITS * scale))
        with transaction.atomic():
            members = _council_members(campaign)
            units = _new_units(wanted)
            built = _registrations(campaign, units)
            sheets = _scores(campaign, members, built)
        _refresh_statistics()
        self.stdout.write(
            f"Province scale {scale:g}: {Unit.objects.filter(code__startswith=CODE_PREFIX).count()} units, "
            f"{campaign.registrations.count()} registrations, "
            f"{Score.objects.filter(scoresheet__assignment__registration__campaign=campaign).count()} criterion scores "
            f"(this run added {len(units)} units, {len(built)} registrations, {sheets} score sheets)."
        )


def _refresh_statistics() -> None:
    """The planner's statistics after the bulk load, as autovacuum would gather them a
    little later: without them PostgreSQL plans the pages for a few dozen rows."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _council_members(campaign: Campaign) -> list[CouncilMember]:
    council = Council.objects.get(campaign=campaign)
    seated = {member.user.username for member in council.members.select_related("user")}
    for number, username in enumerate(EXTRA_MEMBERS, start=3):
        if username in seated:
            continue
        user, _created = User.objects.get_or_create(
            username=username, defaults={"full_name": f"Thành viên hội đồng {number}", "email": f"{username}@example.org"}
        )
        CouncilMember.objects.create(council=council, user=user, represents="Sở Nội vụ tỉnh")
    return list(council.members.order_by("pk"))


def _new_units(wanted: int) -> list[Unit]:
    province = Unit.objects.get(code="LD")
    existing = set(Unit.objects.filter(code__startswith=CODE_PREFIX).values_list("code", flat=True))
    units = []
    for number in range(wanted):
        code = f"{CODE_PREFIX}{number:03d}"
        if code in existing:
            continue
        # save() (not bulk_create) keeps the tree path every scope query uses.
        units.append(
            Unit.objects.create(
                kind=Unit.Kind.COMMUNE, code=code, name=f"Xã {PLACES[number % len(PLACES)]} {number:03d}", parent=province
            )
        )
    return units


def _registrations(campaign: Campaign, units: list[Unit]) -> list[Registration]:
    models = []
    for unit in units:
        for number in range(PER_UNIT):
            exemplar = number % 10 == 9
            place = PLACES[(unit.pk + number) % len(PLACES)]
            models.append(
                DvkModel(
                    unit=unit,
                    kind=DvkModel.Kind.EXEMPLAR if exemplar else DvkModel.Kind.MODEL,
                    name=f"Dân vận khéo trong xây dựng nông thôn mới ở thôn {place} số {number + 1}",
                    field=FIELDS[number % len(FIELDS)],
                    address=f"Thôn {place}, {unit.name}",
                    is_ethnic_minority_area=number % 3 == 0,
                    is_religious_area=number % 4 == 0,
                    person_name=f"Ka Đô Nguyễn Thị {number + 1}" if exemplar else "",
                    person_birth_year=1975 if exemplar else None,
                )
            )
    DvkModel.objects.bulk_create(models, batch_size=1000)
    submitted = timezone.now() - datetime.timedelta(days=20)
    registrations = [
        Registration(
            campaign=campaign,
            model=model,
            unit=model.unit,
            status=Status.NOMINATED if index % PER_UNIT < NOMINATED_PER_UNIT else Status.ACCEPTED,
            situation=TEXT,
            objectives=TEXT,
            content_and_method=TEXT * 2,
            area_and_target=model.address,
            lead_forces="Ban Dân vận xã",
            expected_outputs=TEXT,
            submitted_at=submitted,
            reviewed_at=submitted,
        )
        for index, model in enumerate(models)
    ]
    Registration.objects.bulk_create(registrations, batch_size=1000)
    reports = [
        ProgressReport(
            registration=registration,
            kind=kind,
            status=ProgressReport.ReportStatus.SUBMITTED,
            results=TEXT,
            households=120,
            funds_vnd=350_000_000,
            socialised_funds_vnd=200_000_000,
            workdays=900,
            submitted_at=submitted,
        )
        for registration in registrations
        for kind in (ProgressReport.Kind.INTERIM, ProgressReport.Kind.FINAL)
    ]
    ProgressReport.objects.bulk_create(reports, batch_size=2000)
    return registrations


def _scores(campaign: Campaign, members: list[CouncilMember], registrations: list[Registration]) -> int:
    nominated = [registration for registration in registrations if registration.status == Status.NOMINATED]
    assignments = [Assignment(member=member, registration=registration) for registration in nominated for member in members]
    Assignment.objects.bulk_create(assignments, batch_size=2000)
    submitted = timezone.now() - datetime.timedelta(days=2)
    sheets = [
        Scoresheet(assignment=assignment, status=Scoresheet.Status.SUBMITTED, submitted_at=submitted)
        for assignment in assignments
    ]
    Scoresheet.objects.bulk_create(sheets, batch_size=2000)
    criteria = {kind: [] for kind in DvkModel.Kind.values}
    for criterion in Criterion.objects.filter(criteria_set__campaign=campaign).select_related("criteria_set").order_by("order"):
        criteria[criterion.criteria_set.kind].append(criterion)
    kinds = {registration.pk: registration.model.kind for registration in nominated}
    scores = []
    for index, (assignment, sheet) in enumerate(zip(assignments, sheets, strict=True)):
        for criterion in criteria[kinds[assignment.registration.pk]]:
            # Spread the points so that ranks differ and a few sheets disagree.
            points = criterion.max_points - Decimal((index * 7 + criterion.order) % 5)
            scores.append(Score(scoresheet=sheet, criterion=criterion, points=max(points, Decimal("0"))))
    Score.objects.bulk_create(scores, batch_size=5000)
    return len(sheets)
