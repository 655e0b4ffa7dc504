"""Demo data of the accounts layer: the Đơn Dương district, its units and the demo
accounts of DESIGN §10. Every step is get-or-create, so a second run changes nothing."""

import datetime

from django.db import transaction

import audit

from .models import Membership, Reorganisation, Role, Unit, User

DEMO_PASSWORD = "danvankheo2020"  # noqa: S105 - published demo password (DESIGN §10)

PROVINCE = ("LD", "Tỉnh Lâm Đồng")
DISTRICT = ("DD", "Huyện ủy Đơn Dương – Ban Dân vận")

# (code, name, kind, ethnic-minority area, religious area, focal-point username)
UNITS = [
    ("DD-THANHMY", "Thị trấn Thạnh Mỹ", Unit.Kind.TOWN, False, True, "thanhmy"),
    ("DD-DRAN", "Thị trấn D'Ran", Unit.Kind.TOWN, False, True, "dran"),
    ("DD-DARON", "Xã Đạ Ròn", Unit.Kind.COMMUNE, True, True, "daron"),
    ("DD-KADO", "Xã Ka Đô", Unit.Kind.COMMUNE, True, False, "kado"),
    ("DD-KADON", "Xã Ka Đơn", Unit.Kind.COMMUNE, True, True, "kadon"),
    ("DD-LACLAM", "Xã Lạc Lâm", Unit.Kind.COMMUNE, False, False, "laclam"),
    ("DD-LACXUAN", "Xã Lạc Xuân", Unit.Kind.COMMUNE, True, False, "lacxuan"),
    ("DD-PRO", "Xã Pró", Unit.Kind.COMMUNE, True, True, "pro"),
    ("DD-QUANGLAP", "Xã Quảng Lập", Unit.Kind.COMMUNE, False, True, "quanglap"),
    ("DD-TUTRA", "Xã Tu Tra", Unit.Kind.COMMUNE, True, True, "tutra"),
    ("DD-MTTQ", "Ủy ban MTTQ Việt Nam huyện", Unit.Kind.ORGANISATION, False, False, "mttq"),
    ("DD-HND", "Hội Nông dân huyện", Unit.Kind.ORGANISATION, False, False, "hoinongdan"),
    ("DD-LHPN", "Hội Liên hiệp Phụ nữ huyện", Unit.Kind.ORGANISATION, False, False, "hoiphunu"),
    ("DD-DTN", "Đoàn TNCS Hồ Chí Minh huyện", Unit.Kind.ORGANISATION, False, False, "doanthanhnien"),
    ("DD-CCB", "Hội Cựu chiến binh huyện", Unit.Kind.ORGANISATION, False, False, "hoiccb"),
    ("DD-LDLD", "Liên đoàn Lao động huyện", Unit.Kind.ORGANISATION, False, False, "congdoan"),
]

# (username, full name, position, role or None, unit code or None)
PEOPLE = [
    ("bdv", "Nguyễn Thị Hồng", "Chuyên viên Ban Dân vận Huyện ủy", Role.DISTRICT_STAFF, DISTRICT[0]),
    ("truongban", "Lê Đình Thủy", "Trưởng Ban Dân vận Huyện ủy", Role.BOARD_HEAD, DISTRICT[0]),
    ("thuongtruc", "Trần Văn Minh", "Phó Bí thư Thường trực Huyện ủy", Role.VIEWER, DISTRICT[0]),
    ("chutich", "Phạm Văn Sơn", "Phó Chủ tịch UBND huyện, Chủ tịch Hội đồng thẩm định", None, None),
    ("thamdinh1", "Hoàng Thị Lan", "Thường trực Hội đồng Thi đua – Khen thưởng huyện", None, None),
    ("thamdinh2", "Đỗ Quang Huy", "Văn phòng điều phối nông thôn mới huyện", None, None),
    ("thamdinh3", "Ka Sô Liễng", "Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện", None, None),
    ("thamdinh4", "Bùi Thị Mai", "Phó Chủ tịch Hội Liên hiệp Phụ nữ huyện", None, None),
]


def _user(username: str, **fields) -> User:
    user, created = User.objects.get_or_create(username=username, defaults=fields)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        audit.record(None, "account.created", user, after={"username": username, "source": "seed_demo"})
    return user


def _unit(code: str, **fields) -> Unit:
    unit, created = Unit.objects.get_or_create(code=code, defaults=fields)
    if created:
        audit.record(None, "unit.created", unit, after={"code": code, "name": unit.name, "source": "seed_demo"})
    return unit


def _membership(user: User, unit: Unit, role: str) -> None:
    membership, created = Membership.objects.get_or_create(user=user, unit=unit, role=role)
    if created:
        audit.record(None, "membership.created", membership, after={"user": user.username, "unit": unit.code, "role": role})


@transaction.atomic
def seed(stdout=None) -> None:
    province = _unit(PROVINCE[0], name=PROVINCE[1], kind=Unit.Kind.PROVINCE)
    district = _unit(DISTRICT[0], name=DISTRICT[1], kind=Unit.Kind.DISTRICT, parent=province)
    _set_fields(district, DISTRICT_LETTERHEAD)
    units = {DISTRICT[0]: district}
    for code, name, kind, ethnic, religious, username in UNITS:
        unit = _unit(
            code, name=name, kind=kind, parent=district, is_ethnic_minority_area=ethnic, is_religious_area=religious
        )
        units[code] = unit
        user = _user(username, full_name=f"Khối Dân vận – {name}", position="Đầu mối Dân vận", email=f"{username}@{EMAIL_DOMAIN}")
        _membership(user, unit, Role.FOCAL_POINT)

    admin = _user("admin", full_name="Quản trị hệ thống", is_staff=True, is_superuser=True)
    _membership(admin, district, Role.DISTRICT_STAFF)
    for username, full_name, position, role, unit_code in PEOPLE:
        user = _user(username, full_name=full_name, position=position, email=f"{username}@{EMAIL_DOMAIN}")
        if role:
            _membership(user, units[unit_code], role)
    if stdout:
        stdout.write(f"  accounts: {len(units)} units in {district.name}, demo accounts ready")


# Since 1 July 2025 (DESIGN §0): the province board and the communes of today -----------

SUCCESSION_DATE = datetime.date(2025, 7, 1)
SUCCESSION_DECISION = "Nghị quyết số 1671/NQ-UBTVQH15 ngày 16/6/2025 (minh họa)"
PROVINCE_LETTERHEAD = {
    "issuer_parent_line": "TỈNH ỦY LÂM ĐỒNG",
    "issuer_line": "BAN TUYÊN GIÁO VÀ DÂN VẬN",
    "number_suffix": "BTGDVTU",
    "place_name": "Lâm Đồng",
    "signer_behalf": "T/M BAN TUYÊN GIÁO VÀ DÂN VẬN",
    "signer_title": "TRƯỞNG BAN",
}
DISTRICT_LETTERHEAD = {
    "issuer_parent_line": "HUYỆN ỦY ĐƠN DƯƠNG",
    "issuer_line": "BAN DÂN VẬN",
    "number_suffix": "BDVHU",
    "place_name": "Đơn Dương",
    "signer_behalf": "T/M BAN DÂN VẬN",
    "signer_title": "TRƯỞNG BAN",
}
# (code, name, kind, ethnic, religious, focal-point username, 2020 units merged into it).
# The communes formed from the former Đơn Dương district follow the 2025 arrangement as
# far as it could be confirmed; the README says the mapping is illustrative.
PRESENT_UNITS = [
    ("LD-DONDUONG", "Xã Đơn Dương", Unit.Kind.COMMUNE, True, True, "xadonduong", ("DD-THANHMY", "DD-DARON", "DD-TUTRA")),
    ("LD-DRAN", "Xã D'Ran", Unit.Kind.COMMUNE, True, True, "xadran", ("DD-DRAN", "DD-LACXUAN")),
    ("LD-KADO", "Xã Ka Đô", Unit.Kind.COMMUNE, True, False, "xakado", ("DD-KADO", "DD-LACLAM")),
    ("LD-QUANGLAP", "Xã Quảng Lập", Unit.Kind.COMMUNE, True, True, "xaquanglap", ("DD-QUANGLAP", "DD-PRO", "DD-KADON")),
    ("LD-XUANHUONG", "Phường Xuân Hương – Đà Lạt", Unit.Kind.WARD, False, True, "xuanhuong", ()),
    ("LD-PHUQUY", "Đặc khu Phú Quý", Unit.Kind.SPECIAL_ZONE, False, True, "phuquy", ()),
    ("LD-MTTQ", "Ủy ban MTTQ Việt Nam tỉnh", Unit.Kind.ORGANISATION, False, False, "mttqtinh", ()),
    ("LD-HND", "Hội Nông dân tỉnh", Unit.Kind.ORGANISATION, False, False, "hoinongdantinh", ()),
]
# Xã Ka Đô runs its own campaign for its villages.
KADO_VILLAGES = [
    ("LD-KADO-KDM", "Thôn Ka Đô Mới", Unit.Kind.VILLAGE, True, False, "kadomoi"),
    ("LD-KADO-KDC", "Thôn Ka Đô Cũ", Unit.Kind.VILLAGE, True, False, "kadocu"),
    ("LD-KADO-BK", "Buôn Kờ Long", Unit.Kind.VILLAGE, True, False, "buonkolong"),
]
# (username, full name, position, role, unit code)
PRESENT_PEOPLE = [
    ("tinh", "Trần Thị Thu Hà", "Chuyên viên Ban Tuyên giáo và Dân vận Tỉnh ủy", Role.DISTRICT_STAFF, PROVINCE[0]),
    ("tinhtruongban", "Nguyễn Văn Phúc", "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy", Role.BOARD_HEAD, PROVINCE[0]),
    ("tinhthuongtruc", "Lê Quang Vinh", "Phó Bí thư Thường trực Tỉnh ủy", Role.VIEWER, PROVINCE[0]),
    ("dangkado", "K'Brel", "Phó Bí thư Thường trực Đảng ủy xã Ka Đô", Role.DISTRICT_STAFF, "LD-KADO"),
    ("hdtinh", "Phạm Minh Tuấn", "Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng thẩm định", None, None),
    ("hdtinh1", "Võ Thị Ngọc Anh", "Thường trực Hội đồng Thi đua – Khen thưởng tỉnh", None, None),
    ("hdtinh2", "Ka Nhung", "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh", None, None),
]
EMAIL_DOMAIN = "example.gov.vn"


def _set_fields(unit: Unit, fields: dict) -> None:
    changed = [name for name, value in fields.items() if getattr(unit, name) != value]
    if changed:
        for name in changed:
            setattr(unit, name, fields[name])
        unit.save(update_fields=changed)


@transaction.atomic
def seed_present(stdout=None) -> None:
    """The new Lâm Đồng province board and its commune-level units, the commune of Ka Đô
    with its villages, and the 2020 Đơn Dương units shown as merged into today's
    communes. The 2020 units stay open so that the replay can still be walked through
    by its own accounts; they no longer take part in any campaign begun after the merger."""
    province = Unit.objects.get(code=PROVINCE[0])
    district = Unit.objects.get(code=DISTRICT[0])
    _set_fields(province, PROVINCE_LETTERHEAD)
    _set_fields(district, {**DISTRICT_LETTERHEAD, "dissolved_on": SUCCESSION_DATE})
    for code, name, kind, ethnic, religious, username, merged in PRESENT_UNITS:
        unit = _unit(code, name=name, kind=kind, parent=province, is_ethnic_minority_area=ethnic, is_religious_area=religious)
        user = _user(username, full_name=f"Khối Dân vận – {name}", position="Đầu mối Dân vận", email=f"{username}@{EMAIL_DOMAIN}")
        _membership(user, unit, Role.FOCAL_POINT)
        old_units = list(Unit.objects.filter(code__in=merged))
        if old_units and sorted(unit.inherited_ids) != sorted(old.pk for old in old_units):
            _set_fields(unit, {"inherited_ids": sorted(old.pk for old in old_units)})
            reorganisation = Reorganisation.objects.create(
                kind=Reorganisation.Kind.MERGE, unit=unit, effective_on=SUCCESSION_DATE, decision=SUCCESSION_DECISION
            )
            reorganisation.sources.set(old_units)
            for old in old_units:
                _set_fields(old, {"successor": unit, "dissolved_on": SUCCESSION_DATE})
            audit.record(
                None,
                "unit.merged",
                unit,
                after={"sources": [old.code for old in old_units], "effective_on": SUCCESSION_DATE.isoformat(), "source": "seed_demo"},
            )
    kado = Unit.objects.get(code="LD-KADO")
    _set_fields(
        kado,
        {
            "issuer_parent_line": "ĐẢNG BỘ TỈNH LÂM ĐỒNG",
            "issuer_line": "ĐẢNG ỦY XÃ KA ĐÔ",
            "number_suffix": "ĐU",
            "place_name": "Ka Đô",
            "signer_behalf": "T/M ĐẢNG ỦY",
            "signer_title": "PHÓ BÍ THƯ",
        },
    )
    for code, name, kind, ethnic, religious, username in KADO_VILLAGES:
        village = _unit(code, name=name, kind=kind, parent=kado, is_ethnic_minority_area=ethnic, is_religious_area=religious)
        user = _user(username, full_name=f"Chi bộ – {name}", position="Đầu mối thôn", email=f"{username}@{EMAIL_DOMAIN}")
        _membership(user, village, Role.FOCAL_POINT)
    for username, full_name, position, role, unit_code in PRESENT_PEOPLE:
        user = _user(username, full_name=full_name, position=position, email=f"{username}@{EMAIL_DOMAIN}")
        if role:
            _membership(user, Unit.objects.get(code=unit_code), role)
    if stdout:
        stdout.write(f"  accounts: {province.name} with {len(PRESENT_UNITS)} units of today, {kado.name} with its villages")
