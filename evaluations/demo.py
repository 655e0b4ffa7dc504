"""Demo appraisal of the 2020 Đơn Dương campaign: the council (chutich as chair,
thamdinh1–thamdinh4 for the bodies of the seed plan), the default criteria, the accepted
registrations whose year-end report is in put forward for appraisal, most sheets
submitted with plausible scores, thamdinh4 still behind with a few drafts, and results
not yet finalised, so the chair can finalise them in the demo.

The demo replays 2020 but is used today, so the council's window is set explicitly:
it opens on 01/11/2020 and closes at 23:59 on 31/12 of next year (counted from the day
the demo is loaded), instead of following the 30/11/2020 scoring deadline, which has long passed.

Everything goes through the services (and so the audit ledger). A step already done is
skipped: a second run changes nothing."""

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from accounts.models import Unit, User
from campaign.models import Campaign
from registrations.models import ProgressReport, Registration, Status

from . import demo_awards, selectors, services
from .models import Assignment, Council, CouncilMember, Scoresheet

YEAR = 2020
DISTRICT_CODE = "DD"
STAFF_USERNAME = "bdv"
# (username, position, body represented, unit code for automatic recusal)
SEATS = [
    ("chutich", CouncilMember.Position.CHAIR, "Ủy ban nhân dân huyện", None),
    ("thamdinh1", CouncilMember.Position.MEMBER, "Thường trực Hội đồng Thi đua – Khen thưởng huyện", None),
    ("thamdinh2", CouncilMember.Position.MEMBER, "Văn phòng điều phối nông thôn mới huyện", None),
    ("thamdinh3", CouncilMember.Position.MEMBER, "Ủy ban MTTQ Việt Nam huyện", "DD-MTTQ"),
    ("thamdinh4", CouncilMember.Position.MEMBER, "Hội Liên hiệp Phụ nữ huyện", "DD-LHPN"),
]
# The member who is behind: a few drafts, nothing submitted.
BEHIND = "thamdinh4"
# A declared conflict of interest, so that recusal shows even when no registration of
# the members' own units (MTTQ, Hội LHPN) is in the appraisal.
DECLARED_CONFLICT = (
    "thamdinh1",
    "Chi hội phụ nữ giúp nhau phát triển kinh tế",
    "Em gái tôi là chi hội trưởng, trực tiếp chủ trì mô hình này.",
)
HALF = Decimal("0.5")


def _half_points(value: float, maximum: Decimal) -> Decimal:
    points = (Decimal(str(value)) / HALF).quantize(Decimal(1), rounding=ROUND_HALF_UP) * HALF
    return max(Decimal(0), min(maximum, points))


def planned_points(registration: Registration, username: str, criteria) -> dict[int, Decimal]:
    """Plausible, repeatable points: each registration has a level (most between khá and
    xuất sắc, a few below 70), each member a slight leaning, each criterion some noise;
    now and then one member judges a registration much lower (a disagreement to see)."""
    level = random.Random(f"{YEAR}:{registration.model.name}")
    quality = level.uniform(0.7, 0.97)
    harsh_member = "thamdinh2" if level.random() < 0.15 else None
    member = random.Random(f"{YEAR}:{registration.model.name}:{username}")
    leaning = member.uniform(-0.03, 0.03) - (0.18 if username == harsh_member else 0)
    return {
        criterion.pk: _half_points(
            float(criterion.max_points) * min(1.0, max(0.3, quality + leaning + member.uniform(-0.05, 0.05))),
            criterion.max_points,
        )
        for criterion in criteria
    }


def _council(campaign: Campaign, staff: User) -> Council:
    existed = Council.objects.filter(campaign=campaign).exists()
    council = services.ensure_council(campaign, by=staff)
    if not existed:
        tz = timezone.get_default_timezone()
        services.update_council(
            council,
            by=staff,
            changes={
                "name": "Hội đồng thẩm định mô hình, điển hình “Dân vận khéo” huyện Đơn Dương",
                "opens_at": datetime.datetime(YEAR, 11, 1, 8, 0, tzinfo=tz),
                "closes_at": datetime.datetime(timezone.localdate().year + 1, 12, 31, 23, 59, tzinfo=tz),
            },
        )
        council.refresh_from_db()
    return council


def _seat_members(council: Council, staff: User) -> int:
    seated = set(council.members.values_list("user__username", flat=True))
    users = {user.username: user for user in User.objects.filter(username__in=[seat[0] for seat in SEATS])}
    units = {unit.code: unit for unit in Unit.objects.filter(code__in=[seat[3] for seat in SEATS if seat[3]])}
    added = 0
    for username, position, represents, unit_code in SEATS:
        if username in seated or username not in users:
            continue
        services.add_member(
            council, user=users[username], position=position, represents=represents, unit=units.get(unit_code), by=staff
        )
        added += 1
    return added


def _nominate(campaign: Campaign, staff: User) -> int:
    ready = Registration.objects.filter(
        campaign=campaign,
        status=Status.ACCEPTED,
        reports__kind=ProgressReport.Kind.FINAL,
        reports__status=ProgressReport.ReportStatus.SUBMITTED,
    ).distinct()
    if not ready:
        return 0
    return len(services.nominate(campaign, list(ready), by=staff).nominated)


def _declare_conflict(council: Council) -> int:
    username, model_name, reason = DECLARED_CONFLICT
    assignment = (
        Assignment.objects.filter(
            member__council=council,
            member__user__username=username,
            registration__model__name=model_name,
            registration__status=Status.NOMINATED,
            recusal=Assignment.Recusal.NONE,
        )
        .exclude(pk__in=Scoresheet.objects.values("assignment_id"))
        .select_related("member__user")
        .first()
    )
    if assignment is None:
        return 0
    services.declare_conflict(assignment, reason=reason, by=assignment.member.user)
    return 1


def _score(council: Council) -> tuple[int, int]:
    """Fill the sheets not yet started; returns (submitted, drafts)."""
    criteria = selectors.criteria_by_kind(council.campaign)
    assignments = (
        Assignment.objects.filter(member__council=council, recusal=Assignment.Recusal.NONE, registration__status=Status.NOMINATED)
        .exclude(pk__in=Scoresheet.objects.values("assignment_id"))
        .select_related("member__user", "registration__model")
        .order_by("registration__pk", "member__pk")
    )
    submitted = drafts = 0
    for assignment in assignments:
        username = assignment.member.user.username
        kind_criteria = criteria.get(assignment.registration.model.kind, [])
        points = planned_points(assignment.registration, username, kind_criteria)
        if username == BEHIND:
            # Started about half of them; the choice depends on the registration only.
            if random.Random(f"{YEAR}:{assignment.registration.model.name}:started").random() < 0.5:
                continue
            # Half-done: the first criteria scored, the rest still empty.
            partial = {pk: (value if position < 2 else None) for position, (pk, value) in enumerate(points.items())}
            services.save_draft(assignment, points=partial, version=0, by=assignment.member.user)
            drafts += 1
            continue
        services.submit_scoresheet(
            assignment, points=points, comment="Mô hình có kết quả, minh chứng rõ ràng.", version=0, by=assignment.member.user
        )
        submitted += 1
    return submitted, drafts


def seed(stdout=None) -> None:
    seed_appraisal(stdout)
    demo_awards.seed(stdout)


@transaction.atomic
def seed_appraisal(stdout=None) -> None:
    campaign = Campaign.objects.filter(owner__code=DISTRICT_CODE, year=YEAR).order_by("pk").first()
    staff = User.objects.filter(username=STAFF_USERNAME).first()
    if campaign is None or staff is None:
        if stdout:
            stdout.write("  evaluations: no 2020 campaign of the district yet, no council")
        return
    council = _council(campaign, staff)
    if council.is_finalised:
        if stdout:
            stdout.write("  evaluations: results already finalised, nothing to do")
        return
    added = _seat_members(council, staff)
    nominated = _nominate(campaign, staff)
    _declare_conflict(council)
    submitted, drafts = _score(council)
    if stdout:
        in_appraisal = Registration.objects.filter(campaign=campaign, status=Status.NOMINATED).count()
        stdout.write(
            f"  evaluations: council of {council.members.count()} ({added} new), {in_appraisal} registrations in appraisal "
            f"({nominated} new), {submitted} sheets submitted and {drafts} drafts saved now; results not finalised"
        )


# Today (DESIGN §0): the province board's council, open for scoring now ---------------------

PRESENT_SEATS = [
    ("hdtinh", CouncilMember.Position.CHAIR, "Ủy ban nhân dân tỉnh"),
    ("hdtinh1", CouncilMember.Position.MEMBER, "Thường trực Hội đồng Thi đua – Khen thưởng tỉnh"),
    ("hdtinh2", CouncilMember.Position.MEMBER, "Ủy ban MTTQ Việt Nam tỉnh"),
]


@transaction.atomic
def seed_present(stdout=None) -> None:
    """The council of the province board's campaign: seated, criteria set, the two
    registrations already reported on put forward, scoring open from now until the
    end of the scoring deadline's day."""
    campaign = Campaign.objects.filter(owner__code="LD", status=Campaign.Status.PUBLISHED).order_by("-year", "-pk").first()
    if campaign is None:
        return
    staff = User.objects.get(username="tinh")
    existed = Council.objects.filter(campaign=campaign).exists()
    council = services.ensure_council(campaign, by=staff)
    if not existed:
        now = timezone.now()
        services.update_council(
            council,
            by=staff,
            changes={
                "name": "Hội đồng thẩm định mô hình, điển hình “Dân vận khéo” tỉnh Lâm Đồng",
                "opens_at": now - datetime.timedelta(hours=1),
                "closes_at": now + datetime.timedelta(days=30),
            },
        )
        council.refresh_from_db()
    seated = set(council.members.values_list("user__username", flat=True))
    for username, position, represents in PRESENT_SEATS:
        if username not in seated:
            services.add_member(council, user=User.objects.get(username=username), position=position, represents=represents, by=staff)
    ready = Registration.objects.filter(
        campaign=campaign,
        status=Status.ACCEPTED,
        reports__kind=ProgressReport.Kind.FINAL,
        reports__status=ProgressReport.ReportStatus.SUBMITTED,
    ).distinct()
    nominated = len(services.nominate(campaign, list(ready), by=staff).nominated) if ready else 0
    if stdout:
        stdout.write(f"  evaluations: council of {campaign.number} open for scoring, {nominated} registrations put forward")
