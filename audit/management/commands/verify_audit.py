from django.core.management.base import BaseCommand, CommandError

from audit.services import ChainBroken, verify_chain


class Command(BaseCommand):
    help = "Check the audit ledger's hash chain; exit non-zero naming the first bad entry."

    def handle(self, *args, **options):
        try:
            count = verify_chain()
        except ChainBroken as broken:
            raise CommandError(f"Audit chain broken at entry #{broken.sequence}: {broken.reason}") from broken
        self.stdout.write(self.style.SUCCESS(f"Audit chain intact: {count} entries verified."))
