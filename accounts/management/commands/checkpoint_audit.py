from django.core.management.base import BaseCommand

from accounts.checkpoints import publish_audit_checkpoints


class Command(BaseCommand):
    help = "Record the head of every audit chain as a checkpoint and e-mail it to the organiser's board head."

    def handle(self, *args, **options):
        checkpoints = publish_audit_checkpoints()
        for checkpoint in checkpoints:
            sent = ", ".join(checkpoint.recipients) or "no recipient with an e-mail address"
            self.stdout.write(f"{checkpoint.chain or 'instance'} #{checkpoint.position} {checkpoint.hash} → {sent}")
        self.stdout.write(self.style.SUCCESS(f"{len(checkpoints)} checkpoint(s) recorded."))
