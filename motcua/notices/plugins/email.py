"""E-mail through Django's mail backends (SMTP in production, files under var/ in development)."""

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import Check, DeliveryError, Plugin, Rejected, register

IDEMPOTENCY_HEADER = "X-MotCua-Idempotency-Key"


class EmailPlugin(Plugin):
    channel = "email"
    label = gettext_lazy("E-mail (Django mail backend)")

    def deliver(self, message) -> None:
        email = EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.recipient],
            # The same Message-ID on every try: mail systems and clients drop the duplicate.
            headers={IDEMPOTENCY_HEADER: message.key, "Message-ID": f"<{message.key}@motcua>"},
        )
        try:
            email.send(fail_silently=False)
        except smtplib.SMTPRecipientsRefused as error:
            raise Rejected(_("The mail server refused the address.")) from error
        except (TimeoutError, smtplib.SMTPException, OSError) as error:
            raise DeliveryError(f"{type(error).__name__}: {error}") from error

    def check_config(self) -> list[Check]:
        backend = settings.EMAIL_BACKEND.rsplit(".", 2)[-2]
        checks = [Check(True, _("Mail backend: %(backend)s.") % {"backend": backend})]
        if backend != "smtp":
            if backend == "filebased":
                checks.append(Check(True, _("E-mails are written as files, not sent (development).")))
            return checks
        where = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
        try:
            connection = get_connection(timeout=min(settings.EMAIL_TIMEOUT or 5, 5))
            connection.open()
            connection.close()
        except (smtplib.SMTPException, OSError) as error:
            checks.append(
                Check(
                    False,
                    _("The mail server %(where)s does not answer: %(error)s")
                    % {"where": where, "error": type(error).__name__},
                )
            )
        else:
            checks.append(Check(True, _("The mail server %(where)s answers.") % {"where": where}))
        return checks


register(EmailPlugin())
