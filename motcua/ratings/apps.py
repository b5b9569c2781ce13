from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RatingsConfig(AppConfig):
    name = "motcua.ratings"
    verbose_name = _("Satisfaction ratings")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (scores indicators 1-2 when a rated dossier's processing ends)
