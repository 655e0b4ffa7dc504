"""Append-only, keyed, hash-chained audit ledger (DESIGN §9).

Rows are only ever inserted by ``audit.record``; the ORM refuses updates and deletes,
and ``verify_audit`` recomputes every chain so that edits made behind the ORM's back
(raw SQL) are found too. Each organising body has a chain of its own (``chain``,
``position``), so that two organisers' writes never queue behind each other;
``sequence`` orders entries across chains.

Entries are sealed with an HMAC whose key lives in the settings, not in the database:
someone who can edit the table cannot recompute the seals. Entries written before the
key existed (``scheme`` 1) keep their plain SHA-256; the first keyed entry after them
seals their last hash, so they cannot be rewritten either."""

import hashlib
import hmac
import json

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit entry."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit entries cannot be updated.")

    def delete(self):
        raise AppendOnlyError("Audit entries cannot be deleted.")

    _update = update


class Scheme(models.IntegerChoices):
    SHA256 = 1, "SHA-256"
    HMAC_SHA256 = 2, "HMAC-SHA-256"


def ledger_key() -> bytes:
    """The key that seals entries and checkpoints (settings.AUDIT_HMAC_KEY)."""
    if not settings.AUDIT_HMAC_KEY:
        raise ImproperlyConfigured("AUDIT_HMAC_KEY (or SECRET_KEY) must be set to write or verify the audit ledger.")
    return settings.AUDIT_HMAC_KEY.encode("utf-8")


def seal(text: str) -> str:
    return hmac.new(ledger_key(), text.encode("utf-8"), hashlib.sha256).hexdigest()


class AuditEntry(models.Model):
    sequence = models.PositiveBigIntegerField(_("số thứ tự"), unique=True)
    # "organiser:<unit id>", or "" for what belongs to no organiser (the instance chain).
    chain = models.CharField(_("chuỗi"), max_length=40, default="", blank=True)
    position = models.PositiveBigIntegerField(_("vị trí trong chuỗi"))
    scheme = models.PositiveSmallIntegerField(_("cách niêm phong"), choices=Scheme.choices, default=Scheme.SHA256)
    created_at = models.DateTimeField(_("thời điểm"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("tên người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=100, db_index=True)
    object_type = models.CharField(_("loại đối tượng"), max_length=100, blank=True)
    object_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    object_repr = models.CharField(_("đối tượng"), max_length=300, blank=True)
    before = models.JSONField(_("trước"), null=True, blank=True)
    after = models.JSONField(_("sau"), null=True, blank=True)
    prev_hash = models.CharField(_("mã băm trước"), max_length=64)
    hash = models.CharField(_("mã băm"), max_length=64, unique=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["sequence"]
        verbose_name = _("mục nhật ký")
        verbose_name_plural = _("nhật ký")
        indexes = [models.Index(fields=["object_type", "object_id"])]
        constraints = [models.UniqueConstraint(fields=["chain", "position"], name="audit_entry_chain_position")]

    def __str__(self):
        return f"#{self.sequence} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit entries cannot be updated.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit entries cannot be deleted.")

    def canonical(self) -> str:
        """The exact text that is hashed: every field that matters, in a fixed order."""
        fields = {}
        if self.scheme != Scheme.SHA256:
            fields = {"chain": self.chain, "position": self.position, "scheme": self.scheme}
        return json.dumps(
            {
                **fields,
                "sequence": self.sequence,
                "created_at": self.created_at.isoformat(timespec="microseconds"),
                "actor_id": self.actor_id,
                "actor_name": self.actor_name,
                "action": self.action,
                "object_type": self.object_type,
                "object_id": self.object_id,
                "object_repr": self.object_repr,
                "before": self.before,
                "after": self.after,
                "prev_hash": self.prev_hash,
            },
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def compute_hash(self) -> str:
        if self.scheme == Scheme.SHA256:
            return hashlib.sha256(self.canonical().encode("utf-8")).hexdigest()
        return seal(self.canonical())


class AuditChain(models.Model):
    """The head of one chain. Locking it serialises appends to that chain only, and
    comparing it with the table finds entries removed from the chain's end."""

    key = models.CharField(max_length=40, unique=True, blank=True)
    last_position = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("đầu chuỗi nhật ký")
        verbose_name_plural = _("đầu chuỗi nhật ký")

    def __str__(self):
        return f"{self.key or 'instance'} #{self.last_position}"


class AuditCheckpoint(models.Model):
    """A chain's head as it was at a moment, kept outside the chain and sent to the
    board head by e-mail: cutting the newest entries and moving the head back cannot
    go unnoticed once the head has been published. Sealed like an entry, so a
    checkpoint cannot be forged without the key."""

    chain = models.CharField(_("chuỗi"), max_length=40, blank=True)
    position = models.PositiveBigIntegerField(_("vị trí trong chuỗi"))
    hash = models.CharField(_("mã băm"), max_length=64)
    created_at = models.DateTimeField(_("thời điểm"))
    recipients = models.JSONField(_("đã gửi tới"), default=list, blank=True)
    mac = models.CharField(max_length=64)

    class Meta:
        ordering = ["chain", "position"]
        verbose_name = _("mốc nhật ký")
        verbose_name_plural = _("mốc nhật ký")

    def __str__(self):
        return f"{self.chain or 'instance'} #{self.position} {self.hash[:12]}…"

    def canonical(self) -> str:
        return json.dumps(
            {
                "chain": self.chain,
                "position": self.position,
                "hash": self.hash,
                "created_at": self.created_at.isoformat(timespec="microseconds"),
            },
            sort_keys=True,
            separators=(",", ":"),
        )

    def compute_mac(self) -> str:
        return seal(self.canonical())
