import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.collation import by_name
from accounts.models import Unit


class Field(models.TextChoices):
    ECONOMY = "economy", _("Kinh tế")
    CULTURE_SOCIETY = "culture_society", _("Văn hóa – xã hội")
    DEFENCE_SECURITY = "defence_security", _("Quốc phòng – an ninh")
    POLITICAL_SYSTEM = "political_system", _("Xây dựng hệ thống chính trị")
    NEW_RURAL = "new_rural", _("Xây dựng nông thôn mới")


# Older people are still honoured as exemplars, but a year before this is a typing slip.
EARLIEST_BIRTH_YEAR = 1920


class DvkModel(models.Model):
    """A "Dân vận khéo" model (collective) or exemplar (individual). Long-lived: it
    can be registered again in later campaigns."""

    class Kind(models.TextChoices):
        MODEL = "model", _("Mô hình (tập thể)")
        EXEMPLAR = "exemplar", _("Điển hình (cá nhân)")

    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="dvk_models")
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.MODEL)
    name = models.CharField(_("tên mô hình, điển hình"), max_length=300)
    field = models.CharField(_("lĩnh vực"), max_length=30, choices=Field.choices)
    address = models.CharField(_("địa bàn thực hiện"), max_length=300, blank=True)
    started_on = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    is_ethnic_minority_area = models.BooleanField(_("vùng đồng bào dân tộc thiểu số"), default=False)
    is_religious_area = models.BooleanField(_("vùng đồng bào có đạo"), default=False)
    person_name = models.CharField(_("họ tên cá nhân"), max_length=150, blank=True)
    person_birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    person_position = models.CharField(_("chức vụ, nghề nghiệp"), max_length=200, blank=True)
    replicates = models.ForeignKey(
        "self",
        verbose_name=_("nhân rộng từ mô hình"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replications",
    )
    # Set by the evaluations app when a campaign's results are finalised; only a model
    # recognised at least once may be shown to the public.
    recognised_in_year = models.PositiveSmallIntegerField(_("năm được công nhận"), null=True, blank=True)
    is_published = models.BooleanField(_("công bố trên trang giới thiệu"), default=False)
    published_at = models.DateTimeField(_("ngày công bố"), null=True, blank=True)
    # What the organiser approved for the public: the showcase shows this, not the unit's
    # later edits, until the organiser approves them too (models.services).
    published_content = models.JSONField(_("nội dung đã duyệt công bố"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [by_name("unit__name"), by_name()]
        verbose_name = _("mô hình, điển hình")
        verbose_name_plural = _("mô hình, điển hình")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="model") | ~models.Q(person_name=""),
                name="exemplar_has_person_name",
                violation_error_message=_("Điển hình cá nhân phải có họ tên người được giới thiệu."),
            ),
            # Also what keeps a double-clicked "Lưu" from adding the same model twice.
            models.UniqueConstraint(
                fields=["unit", "name"],
                name="dvk_model_unique_name_per_unit",
                violation_error_message=_("Đơn vị đã có mô hình, điển hình mang tên này."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def has_unapproved_showcase_changes(self) -> bool:
        """Published, and edited by its unit since the organiser approved what is shown."""
        return self.is_published and self.published_content != showcase_content(self)

    @property
    def is_exemplar(self) -> bool:
        return self.kind == self.Kind.EXEMPLAR

    def clean(self):
        """The rules a form and a service both need: an exemplar names a real person,
        and a model replicates another model of the same district."""
        errors = {}
        if self.kind == self.Kind.EXEMPLAR:
            if not self.person_name.strip():
                errors["person_name"] = _("Điển hình cá nhân phải có họ tên người được giới thiệu.")
            if not self.person_position.strip():
                errors["person_position"] = _("Điển hình cá nhân phải có chức vụ, nghề nghiệp của người được giới thiệu.")
        if self.person_birth_year is not None:
            this_year = timezone.localdate().year
            if not EARLIEST_BIRTH_YEAR <= self.person_birth_year <= this_year:
                errors["person_birth_year"] = _("Năm sinh phải từ %(first)s đến %(last)s.") % {
                    "first": EARLIEST_BIRTH_YEAR,
                    "last": this_year,
                }
        if self.replicates_id is not None:
            if self.pk is not None and self.replicates_id == self.pk:
                errors["replicates"] = _("Mô hình không thể nhân rộng từ chính nó.")
            elif self.unit_id is not None and self.replicates.unit.root_id != self.unit.root_id:
                errors["replicates"] = _("Chỉ được chọn mô hình nhân rộng trong cùng tỉnh.")
        if errors:
            raise ValidationError(errors)


# The fields the public showcase shows (an exemplar's are cut further by its template).
SHOWCASE_FIELDS = (
    "kind",
    "name",
    "field",
    "address",
    "started_on",
    "description",
    "is_ethnic_minority_area",
    "is_religious_area",
    "person_name",
    "person_position",
)


def showcase_content(model: DvkModel) -> dict:
    """The model's showcase fields as they are now, in a form the database keeps as JSON."""
    content = {name: getattr(model, name) for name in SHOWCASE_FIELDS}
    content["started_on"] = model.started_on.isoformat() if model.started_on else None
    return content


def as_published(model: DvkModel) -> DvkModel:
    """The model as the public may see it: its approved content over its current one
    (in memory only, for display)."""
    content = dict(model.published_content or {})
    if content.get("started_on"):
        content["started_on"] = datetime.date.fromisoformat(content["started_on"])
    for name in SHOWCASE_FIELDS:
        if name in content:
            setattr(model, name, content[name])
    return model
