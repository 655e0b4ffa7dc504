import datetime
import uuid
from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .collation import by_name

PATH_SEPARATOR = "/"


class UnitQuerySet(models.QuerySet):
    def within(self, units) -> "UnitQuerySet":
        """The given units and every unit below them, at any depth, in one query: a unit's
        materialised path starts with the path of each of its ancestors."""
        condition = Q(pk__in=[])
        for unit in units:
            condition |= Q(path__startswith=unit.path)
        return self.filter(condition)

    def below_any(self, units) -> "UnitQuerySet":
        """Every unit strictly below any of ``units``."""
        return self.within(units).exclude(pk__in=[unit.pk for unit in units])

    def below(self, unit: "Unit", levels: int | None = None) -> "UnitQuerySet":
        """The units under ``unit`` (not itself), down to ``levels`` levels when given."""
        qs = self.filter(path__startswith=unit.path, depth__gt=unit.depth)
        if levels is not None:
            qs = qs.filter(depth__lte=unit.depth + levels)
        return qs


class Unit(models.Model):
    """A unit of the political system at any level: a province, a former district, a
    commune, ward or special zone, a village or residential group, a Party board or a
    mass organisation. Units form a tree of any depth, stored as a materialised path so
    that a subtree is one indexed prefix query whatever its depth.

    Any unit can organise a campaign for the units below it (the province board for its
    communes, a commune's Party committee for its villages); the letterhead and document
    numbering it prints with are data of the unit, edited by its staff."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Tỉnh, thành phố")
        BOARD = "board", _("Ban Đảng (Ban Tuyên giáo và Dân vận)")
        DISTRICT = "district", _("Huyện (trước 01/7/2025)")
        WARD = "ward", _("Phường")
        TOWN = "town", _("Thị trấn")
        COMMUNE = "commune", _("Xã")
        SPECIAL_ZONE = "special_zone", _("Đặc khu")
        VILLAGE = "village", _("Thôn, buôn, bon")
        RESIDENTIAL_GROUP = "residential_group", _("Tổ dân phố")
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
    # "/<root pk>/.../<own pk>/": kept by save() and by accounts.services.move_unit.
    path = models.CharField(max_length=255, default="", editable=False, db_index=True)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    is_ethnic_minority_area = models.BooleanField(_("vùng đồng bào dân tộc thiểu số"), default=False)
    is_religious_area = models.BooleanField(_("vùng đồng bào có đạo"), default=False)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    # Reorganisation (sắp xếp đơn vị): the unit this one was merged into, and since when.
    successor = models.ForeignKey(
        "self",
        verbose_name=_("sáp nhập vào"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
    )
    dissolved_on = models.DateField(_("thôi tồn tại từ ngày"), null=True, blank=True)
    # Every unit merged into this one, at any remove: their history is shown as this
    # unit's inheritance without a recursive query. Kept by accounts.services.merge_units.
    inherited_ids = models.JSONField(default=list, blank=True, editable=False)

    # Letterhead and numbering of the documents this unit issues as an organiser.
    issuer_parent_line = models.CharField(
        _("cơ quan cấp trên (dòng 1)"), max_length=120, blank=True, help_text=_("Ví dụ: TỈNH ỦY LÂM ĐỒNG")
    )
    issuer_line = models.CharField(
        _("cơ quan ban hành (dòng 2)"), max_length=120, blank=True, help_text=_("Ví dụ: BAN TUYÊN GIÁO VÀ DÂN VẬN")
    )
    number_suffix = models.CharField(
        _("ký hiệu văn bản"), max_length=30, blank=True, help_text=_("Phần sau loại văn bản, ví dụ BTGDVTU trong 45-BC/BTGDVTU")
    )
    place_name = models.CharField(
        _("địa danh"), max_length=100, blank=True, help_text=_("Dùng ở dòng “…, ngày … tháng … năm …”, ví dụ Lâm Đồng")
    )
    signer_behalf = models.CharField(
        _("dòng thẩm quyền ký"), max_length=120, blank=True, help_text=_("Ví dụ: T/M BAN TUYÊN GIÁO VÀ DÂN VẬN")
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True, help_text=_("Ví dụ: TRƯỞNG BAN"))

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["kind", by_name()]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        indexes = [models.Index(fields=["path"], name="unit_path_prefix", opclasses=["varchar_pattern_ops"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        creating = self.pk is None
        if not creating and self.parent_id is not None:
            parent_path = self._parent_path()
            if f"{PATH_SEPARATOR}{self.pk}{PATH_SEPARATOR}" in parent_path:
                raise ValueError("A unit cannot be placed under itself or its own descendant.")
        super().save(*args, **kwargs)
        expected = self._expected_path()
        if creating or self.path != expected:
            self._move_subtree(expected)

    def _parent_path(self) -> str:
        return Unit.objects.filter(pk=self.parent_id).values_list("path", flat=True).get()

    def _expected_path(self) -> str:
        head = self._parent_path() if self.parent_id is not None else PATH_SEPARATOR
        return f"{head}{self.pk}{PATH_SEPARATOR}"

    def _move_subtree(self, new_path: str) -> None:
        old_path, new_depth = self.path, new_path.count(PATH_SEPARATOR) - 2
        if old_path:
            # Every descendant keeps its tail and gets the new head, in one UPDATE.
            Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
                depth=F("depth") + (new_depth - self.depth),
            )
        Unit.objects.filter(pk=self.pk).update(path=new_path, depth=new_depth)
        self.path, self.depth = new_path, new_depth

    @property
    def ancestor_ids(self) -> list[int]:
        """Ancestors from the root down, read from the path without a query."""
        return [int(part) for part in self.path.strip(PATH_SEPARATOR).split(PATH_SEPARATOR)[:-1] if part]

    @property
    def root_id(self) -> int | None:
        ids = self.ancestor_ids
        return ids[0] if ids else self.pk

    def is_within(self, other: "Unit") -> bool:
        return bool(other.path) and self.path.startswith(other.path)

    @property
    def letterhead(self) -> tuple[str, str]:
        """The two lines of the left header of a document this unit issues."""
        return (self.issuer_parent_line or "").upper(), (self.issuer_line or self.name).upper()

    @property
    def is_dissolved(self) -> bool:
        return self.dissolved_on is not None


class Role(models.TextChoices):
    DISTRICT_STAFF = "district_staff", _("Chuyên viên đơn vị tổ chức")
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

    def member_units(self, roles=None) -> list[Unit]:
        """The user's active units, already loaded (no query)."""
        seen: dict[int, Unit] = {}
        for m in self._memberships:
            if roles is None or m.role in roles:
                seen.setdefault(m.unit_id, m.unit)
        return list(seen.values())

    def organiser_ids(self) -> set[int]:
        """Organising bodies whose campaigns, units and accounts this user manages: every
        unit, of any level, where they are staff or board head."""
        return self.unit_ids(STAFF_ROLES)

    def organisers(self):
        return Unit.objects.filter(pk__in=self.organiser_ids())

    def reader_organiser_ids(self) -> set[int]:
        """Organising bodies whose campaigns this user reads in full: managed ones and
        those where they are a leader following the movement (viewer)."""
        return self.unit_ids((*STAFF_ROLES, Role.VIEWER))

    def organiser_units(self) -> list[Unit]:
        return self.member_units(STAFF_ROLES)

    def manages_unit(self, unit: Unit) -> bool:
        """Whether ``unit`` lies in the tree of a body this user is staff of (no query)."""
        return unit is not None and any(unit.is_within(organiser) for organiser in self.organiser_units())

    @property
    def is_organiser_staff(self) -> bool:
        """Staff or board head of some organising body (the head can do all staff can)."""
        return bool(self.organiser_ids())

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

    def heritage_unit_ids(self, roles=None) -> set[int]:
        """The user's units and every unit merged into them: the history they read."""
        ids = set()
        for unit in self.member_units(roles):
            ids.add(unit.pk)
            ids.update(unit.inherited_ids)
        return ids


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


class Reorganisation(models.Model):
    """One change of the unit tree (sắp xếp đơn vị): units merged into a new or existing
    one, a unit renamed, or moved under another parent, effective on a date. The rows are
    the history that lets documents of past years print names as they were."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("Hợp nhất, sáp nhập")
        RENAME = "rename", _("Đổi tên")
        MOVE = "move", _("Chuyển đơn vị cấp trên")

    kind = models.CharField(_("loại sắp xếp"), max_length=10, choices=Kind.choices)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị sau sắp xếp"), on_delete=models.PROTECT, related_name="reorganisations"
    )
    sources = models.ManyToManyField(Unit, verbose_name=_("đơn vị được sáp nhập"), blank=True, related_name="merged_by")
    effective_on = models.DateField(_("có hiệu lực từ ngày"))
    decision = models.CharField(_("căn cứ (số quyết định, nghị quyết)"), max_length=200, blank=True)
    old_name = models.CharField(_("tên trước đây"), max_length=200, blank=True)
    new_name = models.CharField(_("tên mới"), max_length=200, blank=True)
    old_parent = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    new_parent = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-effective_on", "-pk"]
        verbose_name = _("sắp xếp đơn vị")
        verbose_name_plural = _("sắp xếp đơn vị")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.unit} ({self.effective_on:%d/%m/%Y})"


class PasswordResetRequest(models.Model):
    """One reset e-mail asked for: what the rate limit counts (accounts.credentials)."""

    email = models.CharField(max_length=254, db_index=True)
    client_address = models.CharField(max_length=45, blank=True, db_index=True)
    sent = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("yêu cầu đặt lại mật khẩu")
        verbose_name_plural = _("yêu cầu đặt lại mật khẩu")


class SubmittedForm(models.Model):
    """The one-time token of a rendered form whose POST was carried out: the same form
    posted again (a double click, twenty identical requests) changes nothing more."""

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("biểu mẫu đã gửi")
        verbose_name_plural = _("biểu mẫu đã gửi")


def export_file_upload_to(instance, filename):
    """Stored under a random name in private storage; the download view names the file."""
    return f"exports/{instance.requested_at:%Y/%m}/{uuid.uuid4().hex}.xlsx"


class ExportFile(models.Model):
    """One Excel export someone asked for (the registrations list, the appraisal results,
    the score matrix, ...). The request only records it; a Celery worker makes the file
    (accounts.exports) and only the person who asked downloads it, through a
    permission-checked view. Kept for ``KEEP`` after it was asked for, then removed."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ xử lý")
        RUNNING = "running", _("Đang tạo tệp")
        READY = "ready", _("Sẵn sàng")
        FAILED = "failed", _("Không tạo được")

    # A request still unfinished this long after it was asked for is offered again.
    PENDING_TIMEOUT = datetime.timedelta(minutes=10)
    KEEP = datetime.timedelta(days=1)

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("loại tệp xuất"), max_length=40)
    # What the builder of the kind needs: the list's filters, the campaign, ...
    params = models.JSONField(default=dict, blank=True)
    title = models.CharField(_("tên tệp xuất"), max_length=200)
    # The page the export was asked from, to go back to.
    back_url = models.CharField(max_length=500, blank=True)
    requested_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="exports")
    requested_at = models.DateTimeField(_("thời điểm yêu cầu"), default=timezone.now, db_index=True)
    # When the request reached the broker; None while it could not be queued (beat retries).
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    generated_at = models.DateTimeField(_("thời điểm tạo"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    file = models.FileField(_("tệp"), upload_to=export_file_upload_to, max_length=300, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    rows = models.PositiveIntegerField(_("số dòng"), default=0)
    error = models.CharField(_("lỗi"), max_length=300, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("tệp xuất Excel")
        verbose_name_plural = _("tệp xuất Excel")
        indexes = [models.Index(fields=["requested_by", "-requested_at"], name="export_file_by_requester")]

    def __str__(self):
        return self.title

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY and bool(self.file)

    @property
    def is_unfinished(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def is_stale(self) -> bool:
        """Unfinished past its timeout: the worker never made it (or the request was lost)."""
        return self.is_unfinished and timezone.now() - self.requested_at >= self.PENDING_TIMEOUT

    @property
    def is_waiting(self) -> bool:
        return self.is_unfinished and not self.is_stale
