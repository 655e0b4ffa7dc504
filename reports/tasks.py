from celery import shared_task


@shared_task
def render_report(report_id: int, fmt: str) -> bool:
    """Make and store a report's PDF or DOCX; False when it could not be made."""
    from .services import generate_file

    return generate_file(report_id, fmt) is not None


@shared_task
def requeue_report_files_task() -> int:
    """Beat runs this every minute: requests the broker could not take, and files
    stuck past their timeout, are queued again."""
    from .services import requeue_report_files

    return requeue_report_files()
