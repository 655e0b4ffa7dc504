"""Demo commemorative-medal nominations for the 2020 Đơn Dương campaign, and one person
who already received the medal in 2019 (so that nominating her again shows the refusal).
Idempotent: a person already nominated in that campaign is left alone.

Proposals are not seeded: they are drafted from results after the chair finalises, and
the demo leaves results unfinalised."""

import datetime

from django.db import transaction

import audit
from accounts.models import Unit, User
from campaign.models import Campaign

from . import awards
from .models import MedalNomination

DISTRICT_CODE = "DD"
STAFF_USERNAME = "bdv"

EARLIER_CAMPAIGN = {
    "year": 2019,
    "number": "Số 08-KH/BDVHU",
    "title": "Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” trong xây dựng nông thôn mới, đô thị văn minh năm 2019",
    "issued_on": datetime.date(2019, 3, 12),
}

# (campaign year, full name, birth year, gender, position, unit code, years in the work, achievements, awarded)
NOMINATIONS = [
    (
        2019,
        "Touneh Ha Bi",
        1961,
        MedalNomination.Gender.FEMALE,
        "Nguyên Chủ tịch Ủy ban MTTQ Việt Nam xã Pró",
        "DD-PRO",
        24,
        "Hơn 20 năm vận động đồng bào Chu Ru xóa bỏ hủ tục trong cưới hỏi, tang ma; "
        "cùng Ban công tác Mặt trận thôn vận động 70 hộ hiến đất làm đường liên thôn Pró Trong – Pró Ngoài.",
        True,
    ),
    (
        2020,
        "Nguyễn Văn Hòa",
        1964,
        MedalNomination.Gender.MALE,
        "Trưởng khối Dân vận xã Lạc Lâm",
        "DD-LACLAM",
        21,
        "Chỉ đạo xây dựng mô hình “Vận động nhân dân hiến đất mở rộng đường giao thông nông thôn”: "
        "186 hộ hiến hơn 12.000 m² đất, mở rộng 9,5 km đường liên thôn; mô hình được nhân rộng ra 6 xã.",
        False,
    ),
    (
        2020,
        "Ma Lê Ha Thủy",
        1972,
        MedalNomination.Gender.FEMALE,
        "Chủ tịch Hội Liên hiệp Phụ nữ xã Ka Đô",
        "DD-KADO",
        15,
        "Vận động chị em đồng bào dân tộc thiểu số tham gia “Chi hội phụ nữ giúp nhau phát triển kinh tế”, "
        "giúp 48 hộ thoát nghèo; hòa giải thành 23 vụ mâu thuẫn trong cộng đồng dân cư.",
        False,
    ),
    (
        2020,
        "Phan Đình Lộc",
        1958,
        MedalNomination.Gender.MALE,
        "Chủ tịch Hội Cựu chiến binh huyện",
        "DD-CCB",
        18,
        "Vận động hội viên cựu chiến binh đi đầu giữ gìn an ninh trật tự ở thôn, tổ dân phố; "
        "xây dựng 12 tổ tự quản đường làng, ngõ xóm sáng – xanh – sạch – đẹp.",
        False,
    ),
]


def _earlier_campaign(district: Unit, staff: User) -> Campaign:
    campaign = Campaign.objects.filter(owner=district, year=EARLIER_CAMPAIGN["year"]).first()
    if campaign is None:
        campaign = Campaign.objects.create(
            owner=district,
            status=Campaign.Status.CLOSED,
            signer_title="TRƯỞNG BAN",
            signer_name="Lê Đình Thủy",
            **EARLIER_CAMPAIGN,
        )
        audit.record(staff, "campaign.created", campaign, after={"year": campaign.year, "source": "seed_demo"})
    return campaign


@transaction.atomic
def seed(stdout=None) -> None:
    district = Unit.objects.filter(code=DISTRICT_CODE).first()
    current = Campaign.objects.filter(owner=district, year=2020).order_by("pk").first() if district else None
    staff = User.objects.filter(username=STAFF_USERNAME).first()
    if current is None or staff is None:
        if stdout:
            stdout.write("  medals: the 2020 campaign is not loaded yet, skipped")
        return
    campaigns = {2020: current, 2019: _earlier_campaign(district, staff)}
    units = {unit.code: unit for unit in Unit.objects.within([district])}
    created = 0
    for year, name, birth_year, gender, position, unit_code, years, achievements, awarded in NOMINATIONS:
        unit = units[unit_code]
        campaign = campaigns[year]
        if MedalNomination.objects.filter(
            campaign=campaign, name_key=MedalNomination.make_name_key(name), birth_year=birth_year, unit=unit
        ).exists():
            continue
        nomination = awards.nominate_for_medal(
            campaign,
            by=staff,
            full_name=name,
            birth_year=birth_year,
            gender=gender,
            position=position,
            unit=unit,
            years_in_work=years,
            achievements=achievements,
        )
        if awarded:
            awards.mark_medal_nomination(nomination, by=staff, status=MedalNomination.Status.AWARDED)
        created += 1
    if stdout:
        stdout.write(f"  medals: {created} commemorative-medal nominations added")
