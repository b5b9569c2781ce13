from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "motcua.notices"
    label = "notices"
    verbose_name = _("Notices and background work")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects event_recorded: outbox rows commit with the event)
