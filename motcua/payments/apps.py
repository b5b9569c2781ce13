from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "motcua.payments"
    label = "payments"
    verbose_name = _("Online payment of fees")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deployment check)
