import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaign.models import Campaign


class SummaryReport(models.Model):
    """A document the organising body issues for one campaign, in the Party document
    format (DESIGN §8): the year-end summary (báo cáo tổng kết), the 6-month interim
    report (báo cáo sơ kết), the minutes of the appraisal council's meeting (biên bản họp
    hội đồng thẩm định) and the submission of award proposals (tờ trình đề nghị khen
    thưởng). Staff write the free text; the figures come from the other apps when the
    document is rendered, and are frozen in ``content_snapshot`` when it is signed."""

    class Kind(models.TextChoices):
        SUMMARY = "summary", _("Báo cáo tổng kết năm")
        INTERIM = "interim", _("Báo cáo sơ kết 6 tháng")
        MINUTES = "minutes", _("Biên bản họp hội đồng thẩm định")
        SUBMISSION = "submission", _("Tờ trình đề nghị khen thưởng")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SIGNED = "signed", _("Đã ký ban hành")

    campaign = models.ForeignKey(Campaign, verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="summary_reports")
    kind = models.CharField(_("loại báo cáo"), max_length=20, choices=Kind.choices, default=Kind.SUMMARY)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)

    superior_name = models.CharField(
        _("tên cơ quan cấp trên"), max_length=150, blank=True, help_text=_("Dòng đầu bên trái, ví dụ: HUYỆN ỦY ĐƠN DƯƠNG.")
    )
    issuer_name = models.CharField(
        _("tên cơ quan ban hành"), max_length=150, blank=True, help_text=_("Dòng in đậm bên trái, ví dụ: BAN DÂN VẬN.")
    )
    number = models.CharField(_("số, ký hiệu"), max_length=50, blank=True, help_text=_("Ví dụ: 45-BC/BDVHU."))
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    date = models.DateField(_("ngày báo cáo"))
    subject = models.CharField(_("trích yếu"), max_length=500)
    assessment = models.TextField(_("đánh giá chung"), blank=True)
    direction = models.TextField(_("phương hướng, nhiệm vụ"), blank=True)
    # [{"addressee": "Ban Thường vụ Tỉnh ủy", "content": "…"}, …], in the order entered.
    recommendations = models.JSONField(_("đề xuất, kiến nghị"), default=list, blank=True)
    addressee = models.CharField(
        _("kính gửi"), max_length=300, blank=True, help_text=_("Nơi nhận tờ trình, ví dụ: Hội đồng Thi đua – Khen thưởng tỉnh.")
    )
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    signer_capacity = models.CharField(_("thẩm quyền ký"), max_length=100, blank=True, help_text=_("Ví dụ: T/M BAN DÂN VẬN."))
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=100, blank=True)

    content_snapshot = models.JSONField(_("số liệu tại thời điểm ký"), null=True, blank=True, editable=False)
    signed_at = models.DateTimeField(_("thời điểm ký"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ký"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The head of the audit ledger just after the signing entry, printed on the signed file.
    ledger_head = models.CharField(_("mã sổ nhật ký khi ký"), max_length=64, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-campaign__year", "campaign_id", "kind"]
        verbose_name = _("báo cáo sơ kết, tổng kết")
        verbose_name_plural = _("báo cáo sơ kết, tổng kết")
        constraints = [models.UniqueConstraint(fields=["campaign", "kind"], name="summary_report_one_per_kind")]

    def __str__(self):
        year = self.campaign.year if self.campaign_id else ""
        return f"{self.get_kind_display()} {year}".strip()

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.SIGNED

    @property
    def is_interim(self) -> bool:
        return self.kind == self.Kind.INTERIM

    @property
    def is_report(self) -> bool:
        """A báo cáo (summary or interim), as opposed to the minutes or the submission."""
        return self.kind in (self.Kind.SUMMARY, self.Kind.INTERIM)

    @property
    def sealed_file(self):
        """The signed PDF with its SHA-256, once made (None before)."""
        if not self.is_signed:
            return None
        return next((f for f in self.files.all() if f.format == ReportFile.Format.PDF and f.is_ready and f.sha256), None)

    @property
    def number_line(self) -> str:
        """ "Số 45-BC/BDVHU", whether or not the number was typed with its "Số"."""
        number = self.number.strip()
        if not number or number.lower().startswith("số"):
            return number
        return f"Số {number}"

    @property
    def recipient_lines(self) -> list[str]:
        return [line for line in (str(item).strip() for item in self.recipients or []) if line]


def report_file_upload_to(instance, filename):
    """Stored under a random name in private storage; the download view names the file."""
    return f"reports/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{instance.format}"


class ReportFile(models.Model):
    """The latest rendered PDF or DOCX of a report. Generated by a Celery task and
    streamed only through the permission-checked download view."""

    class Format(models.TextChoices):
        PDF = "pdf", _("PDF")
        DOCX = "docx", _("Word (DOCX)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang tạo")
        READY = "ready", _("Sẵn sàng")
        FAILED = "failed", _("Lỗi khi tạo")

    CONTENT_TYPES = {
        Format.PDF: "application/pdf",
        Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }

    report = models.ForeignKey(SummaryReport, verbose_name=_("báo cáo"), on_delete=models.CASCADE, related_name="files")
    format = models.CharField(_("định dạng"), max_length=10, choices=Format.choices)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(_("tệp"), upload_to=report_file_upload_to, max_length=300, blank=True)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0)
    # The report's version the file was made from: an edit after that makes it outdated.
    report_version = models.PositiveIntegerField(default=0)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    requested_at = models.DateTimeField(_("thời điểm yêu cầu"), default=timezone.now)
    generated_at = models.DateTimeField(_("thời điểm tạo"), null=True, blank=True)
    error = models.CharField(_("lỗi"), max_length=300, blank=True)
    # SHA-256 of the stored file; for a signed report also written to the audit ledger (the seal).
    sha256 = models.CharField(_("mã SHA-256"), max_length=64, blank=True)
    # SHA-256 of what the file shows (the report's text and figures) when it was made: any
    # change since (a finalisation, a new registration, an edit) makes the file outdated.
    source_fingerprint = models.CharField(_("dấu vân nội dung"), max_length=64, blank=True)
    # When the request reached the broker; None while it could not be queued (beat retries).
    queued_at = models.DateTimeField(_("đã chuyển xử lý lúc"), null=True, blank=True)

    # A file still pending this long after its request is offered again ("Tạo lại").
    PENDING_TIMEOUT = datetime.timedelta(minutes=10)

    class Meta:
        ordering = ["report", "format"]
        verbose_name = _("tệp báo cáo")
        verbose_name_plural = _("tệp báo cáo")
        constraints = [models.UniqueConstraint(fields=["report", "format"], name="report_file_one_per_format")]

    def __str__(self):
        return f"{self.report} ({self.get_format_display()})"

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY and bool(self.file)

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_stale(self) -> bool:
        """Pending past its timeout: the worker never made it (or the request was lost)."""
        return self.is_pending and timezone.now() - self.requested_at >= self.PENDING_TIMEOUT

    @property
    def is_waiting(self) -> bool:
        return self.is_pending and not self.is_stale

    @property
    def is_outdated(self) -> bool:
        return self.is_ready and self.report_version != self.report.version

    @property
    def content_type(self) -> str:
        return self.CONTENT_TYPES[self.format]
