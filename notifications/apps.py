from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Thông báo")

    def ready(self):
        from accounts import todo

        from . import events, obligations, receivers

        receivers.connect()
        events.connect()
        todo.register(obligations.todo_items)
