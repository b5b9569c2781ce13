from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceIndexConfig(AppConfig):
    name = "motcua.serviceindex"
    verbose_name = _("Service index (Decision 766)")
