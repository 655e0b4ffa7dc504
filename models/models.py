from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Unit


class Field(models.TextChoices):
    ECONOMY = "economy", _("Kinh tế")
    CULTURE_SOCIETY = "culture_society", _("Văn hóa – xã hội")
    DEFENCE_SECURITY = "defence_security", _("Quốc phòng – an ninh")
    POLITICAL_SYSTEM = "political_system", _("Xây dựng hệ thống chính trị")
    NEW_RURAL = "new_rural", _("Xây dựng nông thôn mới")


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
    is_published = models.BooleanField(_("công bố trên trang giới thiệu"), default=False)
    published_at = models.DateTimeField(_("ngày công bố"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["unit__name", "name"]
        verbose_name = _("mô hình, điển hình")
        verbose_name_plural = _("mô hình, điển hình")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="model") | ~models.Q(person_name=""),
                name="exemplar_has_person_name",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def is_exemplar(self) -> bool:
        return self.kind == self.Kind.EXEMPLAR
