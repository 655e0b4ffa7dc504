from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModelsConfig(AppConfig):
    name = "models"
    label = "models"
    verbose_name = _("Mô hình, điển hình")
