"""Demo data of the accounts layer: the Đơn Dương district, its units and the demo
accounts of DESIGN §10. Every step is get-or-create, so a second run changes nothing."""

from django.db import transaction

import audit

from .models import Membership, Role, Unit, User

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
    units = {DISTRICT[0]: district}
    for code, name, kind, ethnic, religious, username in UNITS:
        unit = _unit(
            code, name=name, kind=kind, parent=district, is_ethnic_minority_area=ethnic, is_religious_area=religious
        )
        units[code] = unit
        user = _user(username, full_name=f"Khối Dân vận – {name}", position="Đầu mối Dân vận")
        _membership(user, unit, Role.FOCAL_POINT)

    admin = _user("admin", full_name="Quản trị hệ thống", is_staff=True, is_superuser=True)
    _membership(admin, district, Role.DISTRICT_STAFF)
    for username, full_name, position, role, unit_code in PEOPLE:
        user = _user(username, full_name=full_name, position=position)
        if role:
            _membership(user, units[unit_code], role)
    if stdout:
        stdout.write(f"  accounts: {len(units)} units in {district.name}, demo accounts ready")
