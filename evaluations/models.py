from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Unit
from accounts.text import person_name_key
from campaign.models import Campaign
from models.models import DvkModel
from registrations.models import Registration

from .quorum import FractionField


class Council(models.Model):
    """Hội đồng thẩm định of one campaign, with the appraisal settings the campaign uses."""

    class ScoreMethod(models.TextChoices):
        MEAN = "mean", _("Điểm trung bình")
        TRIMMED_MEAN = "trimmed_mean", _("Trung bình sau khi bỏ điểm cao nhất và thấp nhất (từ 5 phiếu)")

    campaign = models.OneToOneField(Campaign, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="council")
    name = models.CharField(_("tên hội đồng"), max_length=300, default="Hội đồng thẩm định mô hình, điển hình “Dân vận khéo”")
    opens_at = models.DateTimeField(_("mở chấm điểm"), null=True, blank=True)
    closes_at = models.DateTimeField(_("đóng chấm điểm"), null=True, blank=True)
    score_method = models.CharField(_("cách tính điểm"), max_length=20, choices=ScoreMethod.choices, default=ScoreMethod.MEAN)
    quorum_fraction = FractionField(
        _("tỷ lệ phiếu tối thiểu"),
        default="2/3",
        help_text=_("Phần của số thành viên không phải tránh; mặc định hai phần ba."),
    )
    disagreement_spread = models.DecimalField(
        _("chênh lệch điểm cần lưu ý"), max_digits=5, decimal_places=1, default=Decimal("15.0")
    )
    vote_pass_fraction = FractionField(
        _("tỷ lệ tán thành để thông qua"),
        default="1/2",
        help_text=_("Thông qua khi số phiếu tán thành lớn hơn tỷ lệ này của tổng số thành viên."),
    )
    vote_quorum_fraction = FractionField(_("tỷ lệ thành viên biểu quyết tối thiểu"), default="2/3")
    finalised_at = models.DateTimeField(_("ngày chốt kết quả"), null=True, blank=True)
    finalised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    results_published_at = models.DateTimeField(_("ngày công bố kết quả"), null=True, blank=True)

    class Meta:
        verbose_name = _("hội đồng thẩm định")
        verbose_name_plural = _("hội đồng thẩm định")

    def __str__(self):
        return f"{self.name} – {self.campaign.year}" if self.campaign_id else self.name

    @property
    def is_finalised(self) -> bool:
        return self.finalised_at is not None


class CouncilMember(models.Model):
    class Position(models.TextChoices):
        CHAIR = "chair", _("Chủ tịch")
        VICE_CHAIR = "vice_chair", _("Phó Chủ tịch")
        SECRETARY = "secretary", _("Thư ký")
        MEMBER = "member", _("Thành viên")

    council = models.ForeignKey(Council, verbose_name=_("hội đồng"), on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("tài khoản"), on_delete=models.PROTECT, related_name="council_seats")
    position = models.CharField(_("chức danh trong hội đồng"), max_length=20, choices=Position.choices, default=Position.MEMBER)
    represents = models.CharField(_("cơ quan, đơn vị đại diện"), max_length=200, blank=True)
    # The unit the member belongs to, if any: registrations of that unit are recused.
    unit = models.ForeignKey(Unit, verbose_name=_("thuộc đơn vị"), on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["council", "position", "pk"]
        verbose_name = _("thành viên hội đồng")
        verbose_name_plural = _("thành viên hội đồng")
        constraints = [
            models.UniqueConstraint(fields=["council", "user"], name="council_member_once"),
            models.UniqueConstraint(fields=["council"], condition=models.Q(position="chair"), name="council_one_chair"),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_position_display()})"

    @property
    def is_chair(self) -> bool:
        return self.position == self.Position.CHAIR


class CriteriaSet(models.Model):
    campaign = models.ForeignKey(Campaign, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="criteria_sets")
    kind = models.CharField(_("áp dụng cho"), max_length=20, choices=DvkModel.Kind.choices)
    name = models.CharField(_("tên bộ tiêu chí"), max_length=200)

    class Meta:
        verbose_name = _("bộ tiêu chí")
        verbose_name_plural = _("bộ tiêu chí")
        constraints = [models.UniqueConstraint(fields=["campaign", "kind"], name="criteria_set_one_per_kind")]

    def __str__(self):
        return self.name


class Criterion(models.Model):
    criteria_set = models.ForeignKey(CriteriaSet, verbose_name=_("bộ tiêu chí"), on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    name = models.CharField(_("tiêu chí"), max_length=300)
    guidance = models.TextField(_("hướng dẫn chấm"), blank=True)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0.5"))])

    class Meta:
        ordering = ["criteria_set", "order", "pk"]
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        constraints = [models.CheckConstraint(condition=models.Q(max_points__gt=0), name="criterion_max_positive")]

    def __str__(self):
        return f"{self.order}. {self.name} ({self.max_points})"


class Assignment(models.Model):
    """One member appraising one nominated registration; recusal keeps the row so the
    reason stays visible."""

    class Recusal(models.TextChoices):
        NONE = "", _("Không")
        AUTOMATIC = "automatic", _("Tự động: thành viên thuộc đơn vị đăng ký")
        DECLARED = "declared", _("Thành viên tự khai xung đột lợi ích")

    member = models.ForeignKey(CouncilMember, verbose_name=_("thành viên"), on_delete=models.CASCADE, related_name="assignments")
    registration = models.ForeignKey(Registration, verbose_name=_("đăng ký"), on_delete=models.CASCADE, related_name="assignments")
    recusal = models.CharField(_("tránh chấm"), max_length=20, choices=Recusal.choices, default=Recusal.NONE, blank=True)
    recusal_reason = models.TextField(_("lý do tránh chấm"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phân công chấm")
        verbose_name_plural = _("phân công chấm")
        constraints = [models.UniqueConstraint(fields=["member", "registration"], name="assignment_once")]

    def __str__(self):
        return f"{self.member} → {self.registration}"

    @property
    def is_recused(self) -> bool:
        return bool(self.recusal)


class Scoresheet(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Nháp")
        SUBMITTED = "submitted", _("Đã nộp")

    assignment = models.OneToOneField(Assignment, verbose_name=_("phân công"), on_delete=models.CASCADE, related_name="scoresheet")
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    comment = models.TextField(_("nhận xét chung"), blank=True)
    submitted_at = models.DateTimeField(_("ngày nộp"), null=True, blank=True)
    is_locked = models.BooleanField(_("đã khóa"), default=False)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phiếu chấm điểm")
        verbose_name_plural = _("phiếu chấm điểm")

    def __str__(self):
        return f"{_('Phiếu chấm')} – {self.assignment}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class Score(models.Model):
    scoresheet = models.ForeignKey(Scoresheet, verbose_name=_("phiếu chấm"), on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, verbose_name=_("tiêu chí"), on_delete=models.PROTECT, related_name="scores")
    points = models.DecimalField(_("điểm"), max_digits=5, decimal_places=1, null=True, blank=True)
    comment = models.TextField(_("nhận xét"), blank=True)

    class Meta:
        verbose_name = _("điểm tiêu chí")
        verbose_name_plural = _("điểm tiêu chí")
        constraints = [
            models.UniqueConstraint(fields=["scoresheet", "criterion"], name="score_once_per_criterion"),
            models.CheckConstraint(condition=models.Q(points__isnull=True) | models.Q(points__gte=0), name="score_not_negative"),
        ]

    def __str__(self):
        return f"{self.criterion.name}: {self.points}"


class Result(models.Model):
    """Kết quả thẩm định of one registration, stored when the chair finalises."""

    class Classification(models.TextChoices):
        EXCELLENT = "excellent", _("Xuất sắc")
        GOOD = "good", _("Tốt")
        FAIR = "fair", _("Khá")
        NOT_RECOGNISED = "not_recognised", _("Không công nhận")

    registration = models.OneToOneField(Registration, verbose_name=_("đăng ký"), on_delete=models.CASCADE, related_name="result")
    council = models.ForeignKey(Council, verbose_name=_("hội đồng"), on_delete=models.CASCADE, related_name="results")
    sheet_count = models.PositiveSmallIntegerField(_("số phiếu"))
    eligible_count = models.PositiveSmallIntegerField(_("số thành viên được chấm"))
    mean = models.DecimalField(_("trung bình"), max_digits=6, decimal_places=2, null=True)
    median = models.DecimalField(_("trung vị"), max_digits=6, decimal_places=2, null=True)
    minimum = models.DecimalField(_("thấp nhất"), max_digits=6, decimal_places=2, null=True)
    maximum = models.DecimalField(_("cao nhất"), max_digits=6, decimal_places=2, null=True)
    stdev = models.DecimalField(_("độ lệch chuẩn"), max_digits=6, decimal_places=2, null=True)
    counted_score = models.DecimalField(_("điểm xét"), max_digits=6, decimal_places=2, null=True)
    is_quorate = models.BooleanField(_("đủ số phiếu"), default=False)
    has_disagreement = models.BooleanField(_("chênh lệch lớn"), default=False)
    rank = models.PositiveSmallIntegerField(_("xếp hạng"), null=True)
    classification = models.CharField(_("xếp loại"), max_length=20, choices=Classification.choices)
    needs_vote = models.BooleanField(_("cần hội đồng biểu quyết (bằng điểm)"), default=False)
    tie_break_note = models.CharField(_("ghi chú xếp hạng"), max_length=300, blank=True)
    computed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["council", "rank"]
        verbose_name = _("kết quả thẩm định")
        verbose_name_plural = _("kết quả thẩm định")

    def __str__(self):
        return f"{self.registration}: {self.counted_score} ({self.get_classification_display()})"


class AwardProposal(models.Model):
    class Level(models.TextChoices):
        DISTRICT = "giay_khen", _("Giấy khen (cấp huyện)")
        PROVINCE = "bang_khen", _("Bằng khen (cấp tỉnh)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        VOTING = "voting", _("Đang biểu quyết")
        PASSED = "passed", _("Được thông qua")
        REJECTED = "rejected", _("Không được thông qua")
        DECIDED = "decided", _("Đã có quyết định")

    campaign = models.ForeignKey(Campaign, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="award_proposals")
    registration = models.ForeignKey(Registration, verbose_name=_("đăng ký"), on_delete=models.PROTECT, related_name="award_proposals")
    level = models.CharField(_("hình thức khen thưởng"), max_length=20, choices=Level.choices)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    nominee = models.CharField(_("tập thể, cá nhân được đề nghị"), max_length=300)
    achievement = models.TextField(_("thành tích"), blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=100, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    voting_opened_at = models.DateTimeField(null=True, blank=True)
    voting_closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["campaign", "level", "pk"]
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        constraints = [models.UniqueConstraint(fields=["campaign", "registration", "level"], name="proposal_once_per_level")]

    def __str__(self):
        return f"{self.get_level_display()}: {self.nominee}"


class ProposalVote(models.Model):
    class Choice(models.TextChoices):
        AGREE = "agree", _("Tán thành")
        DISAGREE = "disagree", _("Không tán thành")
        ABSTAIN = "abstain", _("Không biểu quyết")

    proposal = models.ForeignKey(AwardProposal, verbose_name=_("đề nghị"), on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(CouncilMember, verbose_name=_("thành viên"), on_delete=models.CASCADE, related_name="votes")
    choice = models.CharField(_("biểu quyết"), max_length=20, choices=Choice.choices)
    cast_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phiếu biểu quyết")
        verbose_name_plural = _("phiếu biểu quyết")
        constraints = [models.UniqueConstraint(fields=["proposal", "member"], name="vote_once")]

    def __str__(self):
        return f"{self.member}: {self.get_choice_display()}"


class MedalNomination(models.Model):
    """Đề nghị tặng Kỷ niệm chương "Vì sự nghiệp Dân vận": given once per person."""

    class Gender(models.TextChoices):
        MALE = "male", _("Nam")
        FEMALE = "female", _("Nữ")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Đề nghị")
        AWARDED = "awarded", _("Đã được tặng")
        REJECTED = "rejected", _("Không được chấp thuận")

    campaign = models.ForeignKey(Campaign, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="medal_nominations")
    full_name = models.CharField(_("họ và tên"), max_length=150)
    # Lower-cased, single-spaced name: the key that makes "the same person".
    name_key = models.CharField(max_length=150, editable=False)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"))
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices)
    position = models.CharField(_("chức vụ"), max_length=200)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="medal_nominations")
    years_in_work = models.PositiveSmallIntegerField(_("số năm làm công tác dân vận"))
    achievements = models.TextField(_("thành tích"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["campaign", "full_name"]
        verbose_name = _("đề nghị tặng kỷ niệm chương")
        verbose_name_plural = _("đề nghị tặng kỷ niệm chương")
        constraints = [
            models.UniqueConstraint(
                fields=["name_key", "birth_year", "unit"],
                condition=~models.Q(status="rejected"),
                name="medal_once_per_person",
            )
        ]

    def __str__(self):
        return f"{self.full_name} ({self.birth_year})"

    def save(self, *args, **kwargs):
        self.name_key = self.make_name_key(self.full_name)
        super().save(*args, **kwargs)

    @staticmethod
    def make_name_key(full_name: str) -> str:
        return person_name_key(full_name)
