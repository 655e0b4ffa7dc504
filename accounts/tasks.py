from celery import shared_task


@shared_task
def publish_audit_checkpoints_task() -> int:
    """Daily: the head of every chain of the ledger, recorded and e-mailed."""
    from .checkpoints import publish_audit_checkpoints

    return len(publish_audit_checkpoints())


@shared_task
def make_export(export_id: int) -> bool:
    """Make one Excel export someone asked for; False when it was not made here."""
    from .exports import generate_export

    row = generate_export(export_id)
    return row is not None and row.is_ready


@shared_task
def tend_exports_task() -> tuple[int, int]:
    """Beat runs this every minute: exports never made are queued again, old ones removed."""
    from .exports import tend_exports

    return tend_exports()
