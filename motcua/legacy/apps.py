from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegacyConfig(AppConfig):
    name = "motcua.legacy"
    verbose_name = _("Legacy import")
