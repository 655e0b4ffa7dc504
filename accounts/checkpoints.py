"""Publishing the ledger's checkpoints: each chain's head is written down outside the
chain and e-mailed to the board heads of its organiser (superusers for the instance
chain), so that a copy of the head lives where whoever edits the database cannot reach."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditCheckpoint
from audit.services import record_checkpoints

from .models import Role, Unit, User

ORGANISER_PREFIX = "organiser:"


def _recipients(chain: str) -> list[str]:
    heads = User.objects.none()
    if chain.startswith(ORGANISER_PREFIX):
        organiser_id = int(chain.removeprefix(ORGANISER_PREFIX))
        heads = User.objects.filter(
            is_active=True, memberships__unit_id=organiser_id, memberships__role=Role.BOARD_HEAD
        ).exclude(email="")
    if not heads.exists():
        heads = User.objects.filter(is_active=True, is_superuser=True).exclude(email="")
    return sorted(set(heads.values_list("email", flat=True)))


def _message(checkpoint: AuditCheckpoint) -> tuple[str, str]:
    when = timezone.localtime(checkpoint.created_at)
    organiser = _("toàn hệ thống")
    if checkpoint.chain.startswith(ORGANISER_PREFIX):
        unit = Unit.objects.filter(pk=int(checkpoint.chain.removeprefix(ORGANISER_PREFIX))).first()
        organiser = unit.name if unit else checkpoint.chain
    subject = _("Mốc nhật ký ngày %(date)s – %(organiser)s") % {"date": when.strftime("%d/%m/%Y"), "organiser": organiser}
    body = "\n".join(
        [
            _("Mốc của sổ nhật ký (chuỗi %(chain)s) lúc %(time)s:") % {"chain": checkpoint.chain or "-", "time": when.strftime("%H:%M %d/%m/%Y")},
            _("Vị trí: %(position)s") % {"position": checkpoint.position},
            _("Mã băm: %(hash)s") % {"hash": checkpoint.hash},
            "",
            _(
                "Xin lưu giữ thư này. Nếu sau này lệnh kiểm tra nhật ký (verify_audit) không thấy đúng mã băm này "
                "ở vị trí này, nhật ký đã bị sửa hoặc cắt bớt."
            ),
        ]
    )
    return subject, body


def publish_audit_checkpoints() -> list[AuditCheckpoint]:
    """Record a checkpoint of every chain that moved and e-mail each to its readers."""
    checkpoints = record_checkpoints()
    for checkpoint in checkpoints:
        recipients = _recipients(checkpoint.chain)
        if not recipients:
            continue
        subject, body = _message(checkpoint)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        AuditCheckpoint.objects.filter(pk=checkpoint.pk).update(recipients=recipients)
        checkpoint.recipients = recipients
    return checkpoints
