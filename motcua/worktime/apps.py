from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorktimeConfig(AppConfig):
    name = "motcua.worktime"
    verbose_name = _("Working time")

    def ready(self) -> None:
        from . import signals  # noqa: F401 (connects the receivers that keep calendars fresh)
