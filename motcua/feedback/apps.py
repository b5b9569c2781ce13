from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "motcua.feedback"
    verbose_name = _("Feedback and petitions")

    def ready(self) -> None:
        from . import calendar_changes  # noqa: F401  (connects the calendar_changed receiver)
