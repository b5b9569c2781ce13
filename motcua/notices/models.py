"""The outbox and what the background work remembers.

`Message` is one outgoing message (e-mail, SMS, national portal sync, webhook), written in the transaction of
the event that caused it and delivered later by the worker; `Attempt` is one try at delivering it. The other
tables: webhook subscriptions, the SMS log of the demo gateway, escalations (once per step) and the slots that
make each periodic job run once however many workers there are.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.org.models import Agency


class Channel(models.TextChoices):
    EMAIL = "email", pgettext_lazy("outbox channel", "e-mail")
    SMS = "sms", pgettext_lazy("outbox channel", "SMS")
    PORTAL = "portal", pgettext_lazy("outbox channel", "national portal")
    WEBHOOK = "webhook", pgettext_lazy("outbox channel", "webhook")


class Kind(models.TextChoices):
    RECEIVED = "received", _("dossier received (to the applicant)")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("supplement requested (to the applicant)")
    PAYMENT_REQUESTED = "payment_requested", _("payment requested (to the applicant)")
    RESULT_READY = "result_ready", _("result ready (to the applicant)")
    APOLOGY = "apology", _("apology and new appointment (to the applicant)")
    DIGEST = "digest", _("daily reminder digest (to an official)")
    ESCALATION = "escalation", _("overdue step escalated (to a leader)")
    PORTAL_SYNC = "portal_sync", _("status sync to the national portal")
    WEBHOOK = "webhook", _("dossier event to a subscribed system")


class Status(models.TextChoices):
    PENDING = "pending", pgettext_lazy("outbox status", "waiting to be sent")
    DELIVERED = "delivered", pgettext_lazy("outbox status", "delivered")
    DEAD = "dead", pgettext_lazy("outbox status", "given up")


class Message(models.Model):
    key = models.CharField(
        _("idempotency key"),
        max_length=64,
        unique=True,
        help_text=_("Sent with every try so that the receiver can ignore a message it already has."),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    kind = models.CharField(_("kind of message"), max_length=30, choices=Kind.choices)
    recipient = models.CharField(
        _("recipient"), max_length=255, blank=True, help_text=_("E-mail address or phone number.")
    )
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body = models.TextField(_("text"), blank=True)
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dossier"),
    )
    event = models.ForeignKey(
        "dossiers.DossierEvent",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dossier event"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("official"),
    )
    subscription = models.ForeignKey(
        "Subscription",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("webhook subscription"),
    )
    order_key = models.CharField(
        _("ordering key"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Messages with the same key are delivered in the order they were written."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(
        _("tries in this round"), default=0, help_text=_("“Retry now” starts a new round.")
    )
    next_attempt_at = models.DateTimeField(_("next try at"))
    lease_until = models.DateTimeField(
        _("being sent until"),
        null=True,
        blank=True,
        help_text=_("A worker is sending it; if that worker dies, another takes over after this instant."),
    )
    leased_attempt = models.BigIntegerField(null=True, blank=True, editable=False)
    task_id = models.UUIDField(null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("written at"))
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notices_message_due")]

    def __str__(self) -> str:
        return f"#{self.pk} · {self.get_kind_display()} · {self.get_channel_display()}"


class Attempt(models.Model):
    class Outcome(models.TextChoices):
        RUNNING = "", pgettext_lazy("delivery outcome", "in progress")
        DELIVERED = "delivered", pgettext_lazy("delivery outcome", "delivered")
        FAILED = "failed", pgettext_lazy("delivery outcome", "failed, will retry")
        REJECTED = "rejected", pgettext_lazy("delivery outcome", "refused by the receiver")
        INTERRUPTED = "interrupted", pgettext_lazy("delivery outcome", "interrupted (the worker stopped)")
        GAVE_UP = "gave_up", pgettext_lazy("delivery outcome", "failed, no tries left")

    message = models.ForeignKey(
        Message, models.CASCADE, related_name="attempt_set", verbose_name=_("outgoing message")
    )
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    error = models.TextField(_("error"), blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)
    retry_at = models.DateTimeField(_("next try scheduled at"), null=True, blank=True)
    worker = models.CharField(_("worker"), max_length=100, blank=True)

    class Meta:
        ordering = ["message", "pk"]
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")

    def __str__(self) -> str:
        return f"#{self.message_id} · {self.started_at:%d/%m/%Y %H:%M:%S}"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class Subscription(models.Model):
    """Another system wants the dossier events of an agency (and the agencies below it), signed."""

    name = models.CharField(_("receiving system"), max_length=200)
    agency = models.ForeignKey(
        Agency, models.CASCADE, related_name="webhook_subscriptions", verbose_name=_("agency")
    )
    url = models.URLField(_("address (URL)"), max_length=500)
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=new_secret,
        help_text=_("Shared with the receiving system, which checks the X-MotCua-Signature header with it."),
    )
    event_types = models.JSONField(
        _("dossier actions"),
        default=list,
        blank=True,
        help_text=_("Business actions to send (e.g. receive, finish); empty: all of them."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["agency__path", "name"]
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")

    def __str__(self) -> str:
        return f"{self.name} · {self.agency}"

    def wants(self, action: str) -> bool:
        return not self.event_types or action in self.event_types


class LoggedSms(models.Model):
    """What the demo SMS gateway "sent": kept here instead of reaching a phone."""

    message = models.ForeignKey(
        Message, models.SET_NULL, null=True, related_name="+", verbose_name=_("outgoing message")
    )
    key = models.CharField(_("idempotency key"), max_length=64)
    phone = models.CharField(_("phone"), max_length=30)
    text = models.TextField(_("text"))
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("SMS of the demo gateway")
        verbose_name_plural = _("SMS of the demo gateway")

    def __str__(self) -> str:
        return f"{self.key} · {self.sent_at:%d/%m/%Y %H:%M}"


class Escalation(models.Model):
    """A step overdue by the configured working hours was reported to the agency's leaders (once)."""

    step = models.OneToOneField(
        "dossiers.DossierStep", models.CASCADE, related_name="+", verbose_name=_("dossier step")
    )
    escalated_at = models.DateTimeField(_("escalated at"))
    overdue_minutes = models.PositiveIntegerField(_("office minutes overdue"))
    leaders = models.PositiveSmallIntegerField(_("leaders told"), default=0)

    class Meta:
        ordering = ["-escalated_at"]
        verbose_name = _("escalation of an overdue step")
        verbose_name_plural = _("escalations of overdue steps")

    def __str__(self) -> str:
        return str(self.step)


class PeriodicSlot(models.Model):
    """A periodic job's run for one slot (a minute, a day): inserted once, so the job is enqueued once."""

    job = models.CharField(max_length=50)
    slot = models.CharField(max_length=40)
    claimed_at = models.DateTimeField(auto_now_add=True)
    worker = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-claimed_at"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="notices_periodic_slot_unique")]

    def __str__(self) -> str:
        return f"{self.job} · {self.slot}"
