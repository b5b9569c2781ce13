"""System checks: the sandbox bank must not be open on a production site (`motcua check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def sandbox_closed_in_production(app_configs, **kwargs) -> list[Warning]:
    if settings.MOTCUA_PAYMENT_SANDBOX and not settings.DEBUG:
        return [
            Warning(
                "MOTCUA_PAYMENT_SANDBOX is on with MOTCUA_DEBUG off: the sandbox bank marks dossiers paid "
                "without any money moving.",
                hint="Set MOTCUA_PAYMENT_SANDBOX=0 on a production site.",
                id="motcua.payments.W001",
            )
        ]
    return []
