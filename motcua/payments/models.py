"""Online payments of a dossier's fees: one `Payment` per attempt, the log of what gateways told us, and the
sandbox bank's own ledger.

A payment's status changes only in `settling.py` (under a row lock, once: pending -> paid, cancelled or
failed); the dossier's fees are marked paid only by `dossiers.services.record_payment`, called there in the
same transaction as the payment's change to paid.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.dossiers.models import Dossier


class Status(models.TextChoices):
    PENDING = "pending", pgettext_lazy("payment status", "waiting for the gateway")
    PAID = "paid", pgettext_lazy("payment status", "paid")
    FAILED = "failed", pgettext_lazy("payment status", "failed")
    CANCELLED = "cancelled", pgettext_lazy("payment status", "cancelled by the payer")


class Problem(models.TextChoices):
    """Why a paid payment was not recorded on the dossier: staff settle it by hand (refund, or record)."""

    NOT_AWAITING = "not_awaiting_payment", _("the dossier was no longer waiting for payment")
    FEES_CHANGED = "fees_changed", _("the unpaid fees no longer equal the amount paid")
    REFUSED = "refused", _("the dossier service refused to record the payment")


class Payment(models.Model):
    """One attempt to pay a dossier's unpaid fees through one gateway."""

    dossier = models.ForeignKey(Dossier, models.PROTECT, related_name="payments", verbose_name=_("dossier"))
    order_id = models.CharField(
        _("order number"),
        max_length=40,
        unique=True,
        help_text=_("Our reference for this attempt, sent to the gateway."),
    )
    gateway = models.CharField(pgettext_lazy("payment", "gateway"), max_length=40)
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    currency = models.CharField(pgettext_lazy("payment", "currency"), max_length=3, default="VND")
    fees = models.JSONField(
        _("fees covered"),
        default=list,
        help_text=_("The unpaid fees when the payment started: name, amount."),
    )
    status = models.CharField(
        pgettext_lazy("payment", "status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    transaction_id = models.CharField(
        _("gateway transaction number"), max_length=100, blank=True, help_text=_("Given by the gateway.")
    )
    created_at = models.DateTimeField(_("started at"))
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    closed_at = models.DateTimeField(
        _("closed at"),
        null=True,
        blank=True,
        help_text=_("When it stopped waiting: paid, failed, cancelled."),
    )
    recorded = models.BooleanField(
        _("recorded on the dossier"),
        default=False,
        help_text=_("The dossier's fees were marked paid by this payment."),
    )
    problem = models.CharField(
        _("needs attention"),
        max_length=30,
        choices=Problem.choices,
        blank=True,
        help_text=_("Paid at the gateway but not recorded on the dossier: refund it or record it by hand."),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("online payment")
        verbose_name_plural = _("online payments")
        indexes = [models.Index(fields=["status", "created_at"], name="payments_status_created")]
        constraints = [
            # A gateway's transaction pays one attempt only: a second order claiming it is a forgery or a bug.
            models.UniqueConstraint(
                fields=["gateway", "transaction_id"],
                condition=~Q(transaction_id=""),
                name="payments_one_attempt_per_gateway_transaction",
            ),
            models.CheckConstraint(
                condition=~Q(status="paid") | (Q(paid_at__isnull=False) & ~Q(transaction_id="")),
                name="payments_paid_has_time_and_transaction",
            ),
        ]

    def __str__(self) -> str:
        return self.order_id


class Source(models.TextChoices):
    CALLBACK = "callback", _("callback from the gateway")
    QUERY = "query", _("answer to our query")


class Outcome(models.TextChoices):
    PAID = "paid", _("paid: recorded")
    DUPLICATE = "duplicate", _("already settled: nothing done")
    CANCELLED = "cancelled", _("cancelled by the payer")
    FAILED = "failed", _("failed at the gateway")
    PENDING = "pending", _("still pending at the gateway")
    EXPIRED = "expired", _("expired: never completed at the gateway")
    BAD_SIGNATURE = "bad_signature", _("refused: unreadable or wrong signature")
    STALE = "stale", _("refused: timestamp outside the tolerance")
    UNKNOWN_ORDER = "unknown_order", _("refused: unknown order number")
    AMOUNT_MISMATCH = "amount_mismatch", _("refused: amount or currency differs")
    CONFLICT = "conflict", _("refused: contradicts what is already recorded")

    @classmethod
    def refusals(cls) -> frozenset[str]:
        return frozenset({cls.BAD_SIGNATURE, cls.STALE, cls.UNKNOWN_ORDER, cls.AMOUNT_MISMATCH, cls.CONFLICT})


class CallbackLog(models.Model):
    """Everything a gateway told us (callbacks, answers to our queries), as received, with what we did."""

    gateway = models.CharField(pgettext_lazy("payment", "gateway"), max_length=40)
    payment = models.ForeignKey(
        Payment,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="log",
        verbose_name=_("online payment"),
    )
    source = models.CharField(
        pgettext_lazy("payment message", "source"), max_length=10, choices=Source.choices
    )
    received_at = models.DateTimeField(_("received at"))
    order_id = models.CharField(_("order number given"), max_length=100, blank=True)
    transaction_id = models.CharField(_("transaction number given"), max_length=100, blank=True)
    raw = models.TextField(_("payload as received"), blank=True)
    verified = models.BooleanField(_("signature verified"), default=False)
    outcome = models.CharField(
        pgettext_lazy("payment message", "outcome"), max_length=20, choices=Outcome.choices
    )
    detail = models.CharField(pgettext_lazy("payment message", "detail"), max_length=300, blank=True)
    remote_address = models.CharField(_("sender's address"), max_length=64, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("gateway message")
        verbose_name_plural = _("gateway messages")

    def __str__(self) -> str:
        return f"{self.gateway} {self.order_id} {self.outcome}"

    @property
    def refused(self) -> bool:
        return self.outcome in Outcome.refusals()


class SandboxTransaction(models.Model):
    """The sandbox bank's own ledger (development and demo only): what the payer decided on its page."""

    order_id = models.CharField(_("order number"), max_length=40, unique=True)
    transaction_id = models.CharField(_("transaction number"), max_length=40, unique=True)
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    status = models.CharField(pgettext_lazy("payment", "status"), max_length=12, choices=Status.choices)
    callback_url = models.CharField(_("callback address"), max_length=500)
    created_at = models.DateTimeField(_("decided at"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sandbox bank transaction")
        verbose_name_plural = _("sandbox bank transactions")

    def __str__(self) -> str:
        return self.transaction_id
