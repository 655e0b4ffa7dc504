from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Unit(models.Model):
    """A unit of the bloc: the province, a district, a commune or town, or a
    district organisation (MTTQ, Hội Nông dân, ...). Communes, towns and
    organisations hang directly under their district."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Tỉnh")
        DISTRICT = "district", _("Huyện")
        TOWN = "town", _("Thị trấn")
        COMMUNE = "commune", _("Xã")
        ORGANISATION = "organisation", _("Cơ quan, đoàn thể")

    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=Kind.choices)
    code = models.CharField(_("mã đơn vị"), max_length=50, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    is_ethnic_minority_area = models.BooleanField(_("vùng đồng bào dân tộc thiểu số"), default=False)
    is_religious_area = models.BooleanField(_("vùng đồng bào có đạo"), default=False)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self):
        return self.name

    @property
    def district_id_or_self(self) -> int | None:
        """The district this unit belongs to (a district belongs to itself)."""
        if self.kind == self.Kind.DISTRICT:
            return self.pk
        return self.parent_id

    @classmethod
    def in_district(cls, district_ids):
        """The district units themselves and every unit directly under them."""
        return cls.objects.filter(Q(pk__in=district_ids) | Q(parent_id__in=district_ids))


class Role(models.TextChoices):
    DISTRICT_STAFF = "district_staff", _("Chuyên viên Ban Dân vận")
    BOARD_HEAD = "board_head", _("Trưởng ban")
    FOCAL_POINT = "focal_point", _("Đầu mối đơn vị")
    VIEWER = "viewer", _("Lãnh đạo, theo dõi")


STAFF_ROLES = (Role.DISTRICT_STAFF, Role.BOARD_HEAD)


class User(AbstractUser):
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    def __str__(self):
        return self.full_name or self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return str(self)

    # Memberships are read once per request (the user object lives for one request).
    @cached_property
    def _memberships(self) -> list["Membership"]:
        if not self.pk or not self.is_active:
            return []
        return list(self.memberships.select_related("unit").filter(unit__is_active=True))

    def unit_ids(self, roles=None) -> set[int]:
        return {m.unit_id for m in self._memberships if roles is None or m.role in roles}

    def units(self, roles=None):
        return Unit.objects.filter(pk__in=self.unit_ids(roles))

    def district_ids(self) -> set[int]:
        """Districts whose data this user manages (staff or board head)."""
        return {
            m.unit_id
            for m in self._memberships
            if m.role in STAFF_ROLES and m.unit.kind == Unit.Kind.DISTRICT
        }

    def districts(self):
        return Unit.objects.filter(pk__in=self.district_ids())

    def viewer_district_ids(self) -> set[int]:
        """Districts this user may read: managed ones and those they view as leaders."""
        ids = self.district_ids()
        for m in self._memberships:
            if m.role == Role.VIEWER:
                ids.add(m.unit.district_id_or_self)
        return ids

    def home_district_ids(self) -> set[int]:
        """Every district any of this user's units belongs to."""
        return {m.unit.district_id_or_self for m in self._memberships if m.unit.district_id_or_self}

    @property
    def is_district_staff(self) -> bool:
        """Staff or board head of a district (the board head can do all staff can)."""
        return bool(self.district_ids())

    @property
    def is_board_head(self) -> bool:
        return any(m.role == Role.BOARD_HEAD for m in self._memberships)

    @property
    def is_focal_point(self) -> bool:
        return any(m.role == Role.FOCAL_POINT for m in self._memberships)

    @property
    def is_viewer(self) -> bool:
        return any(m.role == Role.VIEWER for m in self._memberships)

    def focal_unit_ids(self) -> set[int]:
        return self.unit_ids(roles=(Role.FOCAL_POINT,))


class Membership(models.Model):
    user = models.ForeignKey(User, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("vai trò tại đơn vị")
        verbose_name_plural = _("vai trò tại đơn vị")
        constraints = [models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique_role")]

    def __str__(self):
        return f"{self.user} – {self.unit} ({self.get_role_display()})"
