import datetime

from django.core.management.base import BaseCommand, CommandError

from notifications.services import send_reminders


class Command(BaseCommand):
    help = "Send the deadline reminders due today (what Celery beat runs daily)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List who would be reminded; send and record nothing.")
        parser.add_argument("--date", help="Pretend today is this date (YYYY-MM-DD), e.g. to preview a day.")

    def handle(self, *args, dry_run=False, date=None, **options):
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(f"--date must be YYYY-MM-DD, not {date!r}") from error
        reminders = send_reminders(today, dry_run=dry_run)
        for reminder in reminders:
            unit = f" [{reminder.unit}]" if reminder.unit else ""
            self.stdout.write(
                f"{reminder.user.username}{unit}: {reminder.deadline} ({reminder.due_date:%d/%m/%Y}, {reminder.when_text}) – {reminder.outstanding}"
            )
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(self.style.SUCCESS(f"{len(reminders)} reminder(s) {verb}."))
