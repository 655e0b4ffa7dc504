from django.core.management.base import BaseCommand

from notifications.delivery import deliver_pending
from notifications.models import Notification


class Command(BaseCommand):
    help = "Send the e-mails the outbox holds (what Celery beat runs every minute; for cron, or after an outage)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Also send those waiting out their backoff (e.g. once the mail server is back)."
        )
        parser.add_argument(
            "--retry-failed", action="store_true", help="Put e-mails that were given up on back in the outbox first."
        )

    def handle(self, *args, now=False, retry_failed=False, **options):
        if retry_failed:
            count = Notification.objects.filter(email_status=Notification.EmailStatus.FAILED).update(
                email_status=Notification.EmailStatus.PENDING, email_attempts=0
            )
            self.stdout.write(f"{count} failed e-mail(s) put back in the outbox.")
        run = deliver_pending(ignore_backoff=now or retry_failed)
        waiting = Notification.objects.filter(email_status=Notification.EmailStatus.PENDING).count()
        failed = Notification.objects.filter(email_status=Notification.EmailStatus.FAILED).count()
        self.stdout.write(
            self.style.SUCCESS(
                f"{run.sent} e-mail(s) sent, {run.refused} refused (to retry), {run.given_up} given up; "
                f"{waiting} pending, {failed} failed in all."
            )
        )
