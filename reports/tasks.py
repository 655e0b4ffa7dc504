from celery import shared_task


@shared_task
def render_report(report_id: int, fmt: str) -> bool:
    """Make and store a report's PDF or DOCX; False when it could not be made."""
    from .services import generate_file

    return generate_file(report_id, fmt) is not None
