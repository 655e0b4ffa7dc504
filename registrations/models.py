from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.collation import by_name
from accounts.models import Unit
from campaign.models import Campaign, Deadline
from models.models import DvkModel


class Status(models.TextChoices):
    """Where a registration stands in the year's emulation. The moves between these
    states, and who may make each, are in ``registrations.lifecycle``."""

    DRAFT = "draft", _("Nháp")
    SUBMITTED = "submitted", _("Đã gửi")
    RETURNED = "returned", _("Trả lại để bổ sung")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    WITHDRAWN = "withdrawn", _("Đã rút")
    NOMINATED = "nominated", _("Đưa vào thẩm định")
    RECOGNISED = "recognised", _("Được công nhận")
    NOT_RECOGNISED = "not_recognised", _("Không được công nhận")


# The named groups of states every app reads (``Status.ACCEPTED_OR_LATER`` ...), so that
# no app spells out its own list. Set after the class: an enum body cannot refer to its
# own members.
# The unit still holds the pen: it can edit and send.
Status.EDITABLE = (Status.DRAFT, Status.RETURNED)
# The unit can still take it out of the emulation.
Status.WITHDRAWABLE = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED)
# Progress reports are filed on a registration the district has accepted.
Status.REPORTABLE = (Status.ACCEPTED,)
# The appraisal has decided.
Status.DECIDED = (Status.RECOGNISED, Status.NOT_RECOGNISED)
# Put forward for appraisal, and what became of it.
Status.IN_APPRAISAL = (Status.NOMINATED, *Status.DECIDED)
# The district has the registration in hand: accepted, appraised or decided.
Status.ACCEPTED_OR_LATER = (Status.ACCEPTED, *Status.IN_APPRAISAL)
# Sent by the unit and not sent back: waiting for review or accepted or later.
Status.SENT = (Status.SUBMITTED, *Status.ACCEPTED_OR_LATER)
# Still owes its progress reports: in the year's emulation, not yet decided.
Status.OWES_REPORTS = (Status.ACCEPTED, Status.NOMINATED)
# Not counted as registered: never sent, or taken out.
Status.NOT_REGISTERED = (Status.DRAFT, Status.WITHDRAWN)


# The content a unit writes about its model, in the order of the form (DESIGN §4).
CONTENT_FIELDS = (
    "situation",
    "objectives",
    "content_and_method",
    "area_and_target",
    "lead_forces",
    "coordinating_forces",
    "participating_forces",
    "resources",
    "timeline",
    "expected_outputs",
    "sustainability",
)
# What must be written before the registration can be sent to the district.
REQUIRED_FOR_SUBMISSION = (
    "situation",
    "objectives",
    "content_and_method",
    "area_and_target",
    "lead_forces",
    "participating_forces",
    "resources",
    "timeline",
    "expected_outputs",
    "sustainability",
)
REPORT_FIELDS = ("results", "households", "funds_vnd", "socialised_funds_vnd", "workdays")


class Registration(models.Model):
    """One model's entry in one year's campaign (Đăng ký thi đua)."""

    Status = Status

    campaign = models.ForeignKey(Campaign, verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="registrations")
    model = models.ForeignKey(
        DvkModel, verbose_name=_("mô hình, điển hình"), on_delete=models.PROTECT, related_name="registrations"
    )
    # The model's unit, kept here so that scoping needs no join through the catalogue.
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="registrations")
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)

    situation = models.TextField(_("thực trạng, lý do xây dựng"), blank=True)
    objectives = models.TextField(_("mục tiêu"), blank=True)
    content_and_method = models.TextField(_("nội dung, cách làm"), blank=True)
    area_and_target = models.TextField(_("địa bàn, đối tượng"), blank=True)
    lead_forces = models.TextField(_("lực lượng chủ trì"), blank=True)
    coordinating_forces = models.TextField(_("lực lượng phối hợp"), blank=True)
    participating_forces = models.TextField(_("lực lượng tham gia"), blank=True)
    resources = models.TextField(_("nguồn lực (kinh phí, ngày công, xã hội hóa)"), blank=True)
    timeline = models.TextField(_("thời gian thực hiện"), blank=True)
    expected_outputs = models.TextField(_("kết quả, sản phẩm kiểm chứng được"), blank=True)
    sustainability = models.TextField(_("tính bền vững, khả năng nhân rộng"), blank=True)

    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    submitted_at = models.DateTimeField(_("ngày gửi"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("ngày xét"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [by_name("unit__name"), by_name("model__name")]
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        constraints = [models.UniqueConstraint(fields=["campaign", "model"], name="registration_one_per_model_campaign")]
        # The review list filters by campaign and status and counts by status.
        indexes = [models.Index(fields=["campaign", "status"], name="registration_campaign_status")]

    def __str__(self):
        return f"{self.model} ({self.campaign.year})" if self.campaign_id else str(self.model)

    @property
    def is_editable(self) -> bool:
        return self.status in Status.EDITABLE

    @property
    def is_withdrawable(self) -> bool:
        return self.status in Status.WITHDRAWABLE

    @property
    def accepts_reports(self) -> bool:
        return self.status in Status.REPORTABLE


class ProgressReport(models.Model):
    """Báo cáo sơ kết (interim, 6 months) or tự đánh giá (final, year end)."""

    class Kind(models.TextChoices):
        INTERIM = "interim", _("Báo cáo sơ kết 6 tháng")
        FINAL = "final", _("Báo cáo tự đánh giá cuối năm")

    class ReportStatus(models.TextChoices):
        DRAFT = "draft", _("Nháp")
        SUBMITTED = "submitted", _("Đã gửi")

    registration = models.ForeignKey(Registration, verbose_name=_("đăng ký"), on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("loại báo cáo"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("trạng thái"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    results = models.TextField(_("kết quả đạt được"), blank=True)
    households = models.PositiveIntegerField(_("số hộ tham gia"), default=0)
    funds_vnd = models.PositiveBigIntegerField(_("kinh phí huy động (đồng)"), default=0)
    socialised_funds_vnd = models.PositiveBigIntegerField(_("trong đó xã hội hóa (đồng)"), default=0)
    workdays = models.PositiveIntegerField(_("ngày công"), default=0)
    submitted_at = models.DateTimeField(_("ngày gửi"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["registration", "kind"]
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind"], name="report_one_per_kind"),
            models.CheckConstraint(
                condition=models.Q(socialised_funds_vnd__lte=models.F("funds_vnd")),
                name="report_socialised_within_funds",
                violation_error_message=_("Kinh phí xã hội hóa không thể lớn hơn tổng kinh phí huy động."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.registration}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.ReportStatus.SUBMITTED

    @property
    def is_editable(self) -> bool:
        return not self.is_submitted and self.registration.accepts_reports

    @property
    def deadline_kind(self) -> str:
        return report_deadline_kind(self.kind)


def report_deadline_kind(kind: str) -> str:
    """The campaign deadline (Deadline.Kind) a report of ``kind`` is due by."""
    return Deadline.Kind.INTERIM_REPORT if kind == ProgressReport.Kind.INTERIM else Deadline.Kind.FINAL_REPORT


class Evidence(models.Model):
    """Minh chứng: a file attached to a registration or to one of its reports. Stored
    in private storage and served only through a permission-checked view."""

    registration = models.ForeignKey(Registration, verbose_name=_("đăng ký"), on_delete=models.CASCADE, related_name="evidence")
    report = models.ForeignKey(
        ProgressReport, verbose_name=_("báo cáo"), on_delete=models.CASCADE, null=True, blank=True, related_name="evidence"
    )
    file = models.FileField(_("tệp"), upload_to="evidence/%Y/%m/", max_length=300)
    # Made once when an image is stored, so that a page of thumbnails never decodes originals.
    thumbnail = models.FileField(_("ảnh thu nhỏ"), upload_to="evidence/thumbnails/%Y/%m/", max_length=300, blank=True)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(_("định dạng"), max_length=100)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    caption = models.CharField(_("mô tả"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")

    def __str__(self):
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type in ("image/jpeg", "image/png")
