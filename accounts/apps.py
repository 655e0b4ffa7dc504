from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Đơn vị và tài khoản")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.backends.signals import connection_created

        from . import (
            checks,  # noqa: F401 - registers the SECRET_KEY check
            two_factor,
        )
        from .collation import on_connection_created
        from .middleware import note_sign_in
        from .text import install_form_rule

        # Vietnamese order on SQLite: the collation the ordering expressions name.
        connection_created.connect(on_connection_created, dispatch_uid="accounts.vietnamese_collation")
        install_form_rule()
        # Accent-insensitive search on SQLite: the function PostgreSQL has from a migration.
        connection_created.connect(_define_sqlite_fold, dispatch_uid="accounts.search_fold")
        user_logged_in.connect(note_sign_in, dispatch_uid="accounts.idle_clock")
        user_logged_in.connect(two_factor.note_sign_in, dispatch_uid="accounts.two_factor")


def _define_sqlite_fold(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        from .search import register_sqlite_fold

        register_sqlite_fold(connection.connection)
