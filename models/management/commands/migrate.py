"""``migrate``, first moving a database migrated under the catalogue's former app label
("dvk_models") to the current one, before the history is read (models.former_label).
Django takes a command from the first installed app that has it, before its own."""

from django.core.management.commands.migrate import Command as DjangoMigrate
from django.db import connections

from models.former_label import FORMER_LABEL, LABEL, adopt_former_label


class Command(DjangoMigrate):
    def handle(self, *args, **options):
        if adopt_former_label(connections[options["database"]]) and options["verbosity"] >= 1:
            self.stdout.write(f"Moved the migration history, content types and tables of {FORMER_LABEL!r} to {LABEL!r}.")
        return super().handle(*args, **options)
