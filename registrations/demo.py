"""Demo registrations of the 2020 Đơn Dương campaign: every model of the demo catalogue
is registered by its unit, most are accepted, a few returned with the reason, some
still waiting; interim reports for most accepted ones and year-end self-assessments
for several, with a few evidence files (real PDFs and images made on the spot).

Everything goes through the services, dated in 2020 with their ``now`` argument so
the deadlines of the time apply (Pró submits late on its extension); the audit ledger
records each step. A model already registered in the campaign is left untouched, so a
second run changes nothing."""

import datetime
import functools
import html
import io
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from accounts.models import Role, Unit, User
from campaign.models import Campaign, Deadline
from models import services as model_services
from models.models import DvkModel

from . import services
from .demo_content import story_for
from .models import ProgressReport, Registration

YEAR = 2020
DISTRICT_CODE = "DD"
REVIEWER = "bdv"


@dataclass(frozen=True)
class Plan:
    """How far a registration got in 2020."""

    status: str = "accepted"  # accepted | returned | submitted | draft | withdrawn
    interim: str | None = "submitted"  # None | draft | submitted
    final: str | None = None
    reason: str = ""
    evidence: tuple = field(default_factory=tuple)  # (format, file name, caption, report kind or None)


PLANS: dict[str, Plan] = {
    "Vận động nhân dân hiến đất mở rộng đường giao thông nông thôn": Plan(
        final="submitted",
        evidence=(
            ("pdf", "Danh sách hộ hiến đất thôn Lạc Viên A, Lạc Viên B.pdf", "Danh sách 67 hộ ký biên bản hiến đất", None),
            ("png", "Tuyến đường Lạc Viên A sau khi mở rộng.png", "Đoạn đường đã mở rộng lên 6 m", None),
            ("jpeg", "Thi công đoạn 1 - tháng 5-2020.jpg", "Nhân dân góp ngày công đổ bê tông", "interim"),
        ),
    ),
    "Trưởng thôn gương mẫu đi đầu hiến đất làm đường": Plan(final="submitted"),
    "Hợp tác xã rau an toàn liên kết tiêu thụ sản phẩm cho xã viên": Plan(
        status="returned",
        interim=None,
        reason=(
            "Đề nghị bổ sung: (1) mục tiêu, cách làm cần nêu rõ vai trò vận động của Hội Nông dân, không chỉ hoạt động kinh doanh "
            "của hợp tác xã; (2) kinh phí, ngày công ghi cụ thể từng nguồn; (3) gửi kèm bản chụp các hợp đồng bao tiêu đã ký."
        ),
    ),
    "Tổ tự quản an ninh trật tự thôn": Plan(
        final="submitted",
        evidence=(("pdf", "Quy ước tổ tự quản an ninh trật tự thôn Đường Mới.pdf", "Quy ước do các hộ thông qua", None),),
    ),
    "Khu dân cư văn minh, sạch đẹp, nói không với rác thải nhựa": Plan(final="draft"),
    "Tổ trưởng tổ dân phố tận tụy, gần dân, sát dân": Plan(status="submitted", interim=None),
    "Nông dân ứng dụng công nghệ cao trong sản xuất rau, hoa": Plan(final="submitted"),
    "Nông dân sản xuất giỏi chia sẻ kỹ thuật nhà kính cho bà con": Plan(final="submitted"),
    "Chi hội phụ nữ giúp nhau phát triển kinh tế": Plan(
        final="submitted",
        evidence=(
            ("pdf", "Biên bản sinh hoạt Chi hội phụ nữ thôn Ka Đô Cũ.pdf", "Chị em bàn quy chế tổ tiết kiệm xoay vòng", None),
            ("jpeg", "Tổ đổi công chăm sóc cà phê.jpg", "Buổi đổi công tháng 3/2020", None),
            ("pdf", "Danh sách hộ hội viên thoát nghèo năm 2020.pdf", "Có xác nhận của UBND xã Ka Đô", "final"),
        ),
    ),
    "Đồng bào K'Ho giữ gìn đường làng xanh – sạch – đẹp": Plan(final="draft"),
    "Người có uy tín tiêu biểu trong đồng bào K'Ho": Plan(
        final="submitted",
        evidence=(("pdf", "Xác nhận của Trường Tiểu học và THCS Ka Đô.pdf", "8 học sinh trở lại lớp", "final"),),
    ),
    "Nhân rộng mô hình hiến đất làm đường trong đồng bào dân tộc": Plan(final="submitted"),
    "Người có uy tín vận động con em đồng bào đến trường": Plan(),
    "Chi bộ thôn đối thoại trực tiếp với nhân dân hằng tháng": Plan(final="submitted"),
    "Tổ phụ nữ Chu Ru giúp nhau phát triển kinh tế": Plan(
        status="returned",
        interim=None,
        reason=(
            "Nội dung, cách làm còn sơ sài, chưa nêu cách vận động chị em Chu Ru tham gia; chưa xác định kinh phí mở lớp dệt thổ cẩm. "
            "Đề nghị bổ sung kết quả kiểm chứng được (số hội viên, số hộ được giúp đỡ) và ảnh hoạt động của tổ."
        ),
    ),
    "Câu lạc bộ cồng chiêng giữ gìn bản sắc văn hóa dân tộc": Plan(final="submitted"),
    "Dòng họ, gia đình không có người vi phạm pháp luật": Plan(interim="draft"),
    "Già làng, người có uy tín vận động đồng bào xóa bỏ hủ tục": Plan(
        final="submitted",
        evidence=(("pdf", "Quy ước thôn Pró Trong (sửa đổi) về việc cưới, việc tang.pdf", "Được 96% hộ tán thành", None),),
    ),
    "Tổ hòa giải ở cơ sở gắn với người có uy tín": Plan(),
    "Chức sắc tôn giáo tham gia xây dựng nông thôn mới": Plan(final="submitted"),
    "Nhân rộng mô hình hiến đất mở rộng đường liên thôn": Plan(status="submitted", interim=None),
    "Tổ liên gia tự quản trong vùng đồng bào có đạo": Plan(final="draft"),
    "Hộ đồng bào Chu Ru vươn lên thoát nghèo, giúp đỡ bà con": Plan(final="submitted"),
    "Ban công tác Mặt trận lắng nghe ý kiến nhân dân ở khu dân cư": Plan(final="draft"),
    "Chi hội nông dân nghề nghiệp sản xuất rau theo tiêu chuẩn VietGAP": Plan(),
    "Chi hội trưởng phụ nữ tận tâm với hội viên": Plan(),
    "Tuyến đường thanh niên tự quản xanh – sạch – đẹp": Plan(
        status="returned",
        interim=None,
        reason="Đề nghị ghi rõ từng tuyến đường (chiều dài, chi đoàn phụ trách), nguồn kinh phí và cách duy trì sau khi ra quân.",
    ),
    "Cựu chiến binh tham gia giữ gìn an ninh trật tự, hòa giải ở cơ sở": Plan(final="submitted"),
    "Công đoàn cơ sở đồng hành cùng người lao động trong doanh nghiệp": Plan(status="withdrawn", interim=None),
}


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_default_timezone())


def _before(due, wanted: datetime.date) -> datetime.datetime:
    """``wanted``, or the last working morning before the unit's due date (extensions included)."""
    if due is not None and wanted > due.due_date:
        wanted = due.due_date
    return _at(wanted)


# Evidence files ----------------------------------------------------------------------


def _pdf(title: str, unit_name: str, paragraphs: list[str]) -> bytes:
    return _made_pdf(title, unit_name, tuple(paragraphs))


# The same arguments make the same file: made once per process (seeding again, tests).
@functools.lru_cache(maxsize=64)
def _made_pdf(title: str, unit_name: str, paragraphs: tuple[str, ...]) -> bytes:
    from django.contrib.staticfiles import finders
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    body = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs if text)
    document = f"""<html><head><meta charset="utf-8"><style>
      @page {{ size: A4; margin: 2cm 2cm 2cm 3cm; }}
      body {{ font-family: "Liberation Serif"; font-size: 13pt; line-height: 1.4; }}
      .head {{ display: flex; justify-content: space-between; font-weight: bold; font-size: 12pt; }}
      h1 {{ text-align: center; font-size: 15pt; margin-top: 1.2cm; }}
      .date {{ text-align: right; font-style: italic; }}
    </style></head><body>
      <div class="head"><div>{html.escape(unit_name.upper())}</div><div>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div></div>
      <p class="date">Đơn Dương, năm {YEAR}</p>
      <h1>{html.escape(title)}</h1>{body}
    </body></html>"""
    # The shipped typeface, as in every document the portal prints.
    fonts = FontConfiguration()
    typeface = CSS(filename=finders.find("css/document-fonts.css"), font_config=fonts)
    return HTML(string=document).write_pdf(stylesheets=[typeface], font_config=fonts)


@functools.lru_cache(maxsize=64)
def _image(caption: str, fmt: str) -> bytes:
    """A small landscape picture (sky, hills, a road) with the caption written on it."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = 800, 560
    image = Image.new("RGB", (width, height), (135, 190, 235))
    draw = ImageDraw.Draw(image)
    for y in range(0, 260):
        shade = 235 - y // 4
        draw.line([(0, y), (width, y)], fill=(150, 200, shade))
    draw.polygon([(0, 300), (180, 190), (360, 280), (560, 170), (800, 290), (800, 560), (0, 560)], fill=(74, 140, 70))
    draw.polygon([(0, 380), (250, 330), (520, 360), (800, 320), (800, 560), (0, 560)], fill=(96, 166, 82))
    draw.polygon([(330, 560), (470, 560), (420, 330), (395, 330)], fill=(150, 150, 150))
    draw.line([(400, 560), (407, 330)], fill=(235, 235, 235), width=3)
    draw.rectangle([(0, height - 60), (width, height)], fill=(0, 0, 0))
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 24)
    except OSError:
        font = ImageFont.load_default(size=24)
    draw.text((20, height - 45), caption, fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG" if fmt == "jpeg" else "PNG", **({"quality": 82} if fmt == "jpeg" else {"optimize": True}))
    return buffer.getvalue()


def _evidence_file(fmt: str, name: str, caption: str, registration: Registration) -> ContentFile:
    if fmt == "pdf":
        story = story_for(registration.model)
        title = name.rsplit(".", 1)[0]
        data = _pdf(
            title, registration.unit.name, [registration.model.name, caption, story.area_and_target, story.expected_outputs]
        )
    else:
        data = _image(caption, fmt)
    return ContentFile(data, name=name)


def _add_evidence(registration, plan: Plan, by, report_kind: str | None, report=None) -> int:
    added = 0
    for fmt, name, caption, kind in plan.evidence:
        if kind != report_kind:
            continue
        services.add_evidence(
            registration, _evidence_file(fmt, name, caption, registration), by=by, report=report, caption=caption
        )
        added += 1
    return added


# The story of one registration -----------------------------------------------------------


def _focal_point(unit) -> User | None:
    return User.objects.filter(memberships__unit=unit, memberships__role=Role.FOCAL_POINT).order_by("pk").first()


def _register(campaign: Campaign, model: DvkModel, plan: Plan, reviewer, order: int) -> dict[str, int]:
    counts = {"evidence": 0, "interim": 0, "final": 0}
    unit = model.unit
    focal = _focal_point(unit)
    story = story_for(model)
    registration = services.create_registration(campaign=campaign, model=model, by=focal, data=story.content())
    counts["evidence"] += _add_evidence(registration, plan, focal, None)
    if plan.status == "draft":
        return counts
    if plan.status == "withdrawn":
        services.withdraw_registration(registration, by=focal, now=_at(datetime.date(YEAR, 4, 20)))
        return counts

    due = campaign.deadline_for(Deadline.Kind.REGISTRATION, unit=unit)
    if due is not None and due.is_extended:
        submitted_on = due.due_date - datetime.timedelta(days=5)
    else:
        submitted_on = datetime.date(YEAR, 4, 14) + datetime.timedelta(days=order % 14)
    submitted_at = _before(due, submitted_on)
    services.submit_registration(registration, by=focal, now=submitted_at)
    if plan.status == "submitted":
        return counts
    reviewed_at = max(
        _at(datetime.date(YEAR, 5, 5) + datetime.timedelta(days=order % 6), 14), submitted_at + datetime.timedelta(days=3)
    )
    if plan.status == "returned":
        services.return_registration(registration, by=reviewer, reason=plan.reason, now=reviewed_at)
        return counts
    services.accept_registration(registration, by=reviewer, now=reviewed_at)

    for kind, wanted, state in (
        (ProgressReport.Kind.INTERIM, datetime.date(YEAR, 6, 2) + datetime.timedelta(days=order % 10), plan.interim),
        (ProgressReport.Kind.FINAL, datetime.date(YEAR, 10, 15) + datetime.timedelta(days=order % 12), plan.final),
    ):
        if state is None:
            continue
        data = story.report(kind)
        if not data["results"]:
            data["results"] = story.interim or story.objectives
        report = services.create_progress_report(registration, kind=kind, by=focal, data=data)
        counts["evidence"] += _add_evidence(registration, plan, focal, kind, report=report)
        if state == "submitted":
            report_due = campaign.deadline_for(report.deadline_kind, unit=unit)
            services.submit_progress_report(report, by=focal, now=_before(report_due, wanted))
            counts[kind] += 1
    return counts


@transaction.atomic
def seed(stdout=None) -> None:
    campaign = Campaign.objects.filter(owner__code=DISTRICT_CODE, year=YEAR).order_by("pk").first()
    if campaign is None or campaign.status != Campaign.Status.PUBLISHED:
        if stdout:
            stdout.write("  registrations: no published 2020 campaign of the district yet, nothing to register")
        return
    reviewer = User.objects.filter(username=REVIEWER).first()
    models = (
        DvkModel.objects.filter(unit__parent=campaign.owner, unit__is_active=True)
        .exclude(registrations__campaign=campaign)
        .select_related("unit")
        .order_by("unit__code", "pk")
    )
    totals = {"registrations": 0, "evidence": 0, "interim": 0, "final": 0}
    for order, model in enumerate(models):
        plan = PLANS.get(model.name, Plan())
        counts = _register(campaign, model, plan, reviewer, order)
        totals["registrations"] += 1
        for key, value in counts.items():
            totals[key] += value
    if stdout:
        total = Registration.objects.filter(campaign=campaign).count()
        stdout.write(
            f"  registrations: {total} in the {YEAR} campaign ({totals['registrations']} new, "
            f"{totals['interim']} interim and {totals['final']} final reports submitted, {totals['evidence']} evidence files)"
        )


# Today (DESIGN §0): the province board's campaign -----------------------------------------

PRESENT_CONTENT = {
    "situation": "Sau sắp xếp, xã mới rộng hơn, nhiều thôn đồng bào dân tộc thiểu số; việc vận động còn chưa đồng đều.",
    "objectives": "Phát huy vai trò tự quản của cộng đồng, dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng.",
    "content_and_method": "Họp dân từng thôn, bàn công khai; cán bộ phụ trách địa bàn cùng làm với dân.",
    "area_and_target": "Các thôn của xã; hộ gia đình, người có uy tín, già làng.",
    "lead_forces": "Khối Dân vận xã",
    "coordinating_forces": "Ủy ban MTTQ và các đoàn thể xã",
    "participating_forces": "Nhân dân các thôn",
    "resources": "Ngân sách xã và đóng góp tự nguyện của nhân dân",
    "timeline": "Cả năm",
    "expected_outputs": "Các công trình, phần việc hoàn thành có biên bản nghiệm thu của cộng đồng.",
    "sustainability": "Tổ tự quản duy trì; nhân rộng sang các thôn khác.",
}
# (unit code, model name, field, what happens to it)
PRESENT_REGISTRATIONS = [
    ("LD-KADO", "Dân vận khéo trong vận động hiến đất mở rộng đường liên thôn", "economy", "nominated"),
    ("LD-DONDUONG", "Tổ tự quản giữ gìn an ninh trật tự ở khu dân cư sau sáp nhập", "defence_security", "nominated"),
    ("LD-DRAN", "Vận động đồng bào tham gia xây dựng nông thôn mới kiểu mẫu", "new_rural", "returned"),
    ("LD-QUANGLAP", "Chi hội phụ nữ giúp nhau giảm nghèo bền vững", "economy", "draft"),
]
PRESENT_RETURN_REASON = "Bổ sung số hộ tham gia và kinh phí xã hội hóa dự kiến."


@transaction.atomic
def seed_present(stdout=None) -> None:
    """Registrations of the province board's current campaign: two sent early, accepted
    and reported on (so the council has something to score today), one returned, one
    still a draft (so reminders fall due)."""
    campaign = Campaign.objects.filter(owner__code="LD", status=Campaign.Status.PUBLISHED).order_by("-year", "-pk").first()
    if campaign is None or Registration.objects.filter(campaign=campaign).exists():
        if stdout:
            stdout.write("  registrations: province campaign already has its registrations" if campaign else "")
        return
    reviewer = User.objects.get(username="tinh")
    for code, name, field_name, state in PRESENT_REGISTRATIONS:
        unit = Unit.objects.get(code=code)
        focal = _focal_point(unit)
        model = model_services.create_model(unit, by=focal, name=name, kind=DvkModel.Kind.MODEL, field=field_name, address=unit.name)
        registration = services.create_registration(campaign=campaign, model=model, by=focal, data=PRESENT_CONTENT)
        if state == "draft":
            continue
        photo = ContentFile(_image(name, "jpeg"), name="Ra quân thực hiện mô hình.jpg")
        services.add_evidence(registration, photo, by=focal, caption="Ra quân thực hiện mô hình")
        services.submit_registration(registration, by=focal)
        if state == "returned":
            services.return_registration(registration, by=reviewer, reason=PRESENT_RETURN_REASON)
            continue
        services.accept_registration(registration, by=reviewer)
        report = services.create_progress_report(
            registration,
            kind=ProgressReport.Kind.FINAL,
            by=focal,
            data={"results": "Hoàn thành các phần việc đã đăng ký.", "households": 120, "funds_vnd": 350_000_000, "socialised_funds_vnd": 200_000_000, "workdays": 900},
        )
        services.submit_progress_report(report, by=focal)
    if stdout:
        stdout.write(f"  registrations: {len(PRESENT_REGISTRATIONS)} registrations in {campaign.number}")
