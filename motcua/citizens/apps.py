from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitizensConfig(AppConfig):
    name = "motcua.citizens"
    verbose_name = _("Citizens' accounts")

    def ready(self) -> None:
        from . import receivers  # noqa: F401
