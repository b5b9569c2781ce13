"""Feedback and petitions (phản ánh, kiến nghị): the row with its current state, and the history behind it.

Nothing outside `feedback/services.py` changes a feedback's state: every business action locks the row, checks
the transition (`lifecycle.py`) and the actor's right (`org.selectors.can`), writes the change and a
`FeedbackEvent` in one transaction, and bumps `version` against lost updates. Time budgets are rows of
`DeadlineRule` (seeded by a data migration); due instants come from the working-time engine only.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.dossiers.models import Dossier
from motcua.org.models import Agency

from .lifecycle import ACTION_LABELS, TIMELINESS_LABELS, Classification, Stage, State


class DeadlineRule(models.Model):
    """How long a stage may take: data, so a change of the method needs no deploy (766, domain 9.3)."""

    class Unit(models.TextChoices):
        WORKING_DAYS = "working_days", _("working days")
        HOURS = "hours", _("office hours")

    class Start(models.TextChoices):
        RECEPTION = "reception", _("submission, or the last transfer by another agency")
        ANSWER = "answer", _("the approval of the answer")

    stage = models.CharField(
        pgettext_lazy("feedback field", "stage"), max_length=20, choices=Stage.choices, unique=True
    )
    amount = models.DecimalField(
        _("time allowed"), max_digits=6, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    unit = models.CharField(
        pgettext_lazy("feedback field", "unit"),
        max_length=20,
        choices=Unit.choices,
        default=Unit.WORKING_DAYS,
    )
    counted_from = models.CharField(_("counted from"), max_length=20, choices=Start.choices)
    source = models.CharField(
        pgettext_lazy("feedback field", "source"),
        max_length=255,
        blank=True,
        help_text=_("Where the time limit comes from."),
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("feedback time limit")
        verbose_name_plural = _("feedback time limits")

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.amount.normalize()} {self.get_unit_display()}"


class Feedback(models.Model):
    code = models.CharField(_("reference code"), max_length=30, unique=True)
    lookup_secret = models.CharField(
        _("lookup secret"),
        max_length=12,
        help_text=_("Given to the sender with the code; with it, the sender follows the feedback."),
    )
    classification = models.CharField(
        pgettext_lazy("feedback field", "about"), max_length=20, choices=Classification.choices, db_index=True
    )
    title = models.CharField(pgettext_lazy("feedback field", "subject"), max_length=255)
    title_folded = models.CharField(max_length=255, editable=False, db_index=True)
    content = models.TextField(pgettext_lazy("feedback field", "content"))
    receiving_agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="received_feedback", verbose_name=_("addressed to")
    )
    agency = models.ForeignKey(
        Agency,
        models.PROTECT,
        related_name="feedback",
        verbose_name=_("responsible agency"),
        help_text=_("The agency that holds the feedback now: the addressee, then the one it was routed to."),
    )
    dossier = models.ForeignKey(
        Dossier,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name=_("about the dossier"),
    )
    state = models.CharField(
        pgettext_lazy("feedback field", "state"), max_length=30, choices=State.choices, db_index=True
    )

    # The sender (người phản ánh, kiến nghị). Never shown in public: publication shows initials only.
    sender_name = models.CharField(_("sender's name"), max_length=255)
    sender_name_folded = models.CharField(max_length=255, editable=False, db_index=True)
    sender_email = models.EmailField(_("sender's e-mail"), blank=True)
    sender_phone = models.CharField(_("sender's phone"), max_length=20, blank=True)
    sender_address = models.CharField(_("sender's address"), max_length=500, blank=True)
    allows_publication = models.BooleanField(_("the sender allows publication"), default=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    # The clock. All instants are server time, set by services only.
    submitted_at = models.DateTimeField(_("submitted at"), db_index=True)
    clock_started_at = models.DateTimeField(
        _("clock started at"), help_text=_("Submission, or the last transfer by another agency.")
    )
    transfer_count = models.PositiveSmallIntegerField(pgettext_lazy("feedback field", "transfers"), default=0)
    accept_due_at = models.DateTimeField(_("accept or refuse by"), null=True, blank=True)
    information_due_at = models.DateTimeField(_("ask for more information by"), null=True, blank=True)
    answer_due_at = models.DateTimeField(_("answer by"), null=True, blank=True)
    publish_due_at = models.DateTimeField(_("publish by"), null=True, blank=True)
    due_at = models.DateTimeField(
        _("current stage due"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The due instant of the stage the feedback is in, for queues."),
    )
    paused_since = models.DateTimeField(_("waiting for information since"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    information_requested_at = models.DateTimeField(
        _("more information first asked at"), null=True, blank=True
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    handled_at = models.DateTimeField(
        _("handled at"), null=True, blank=True, help_text=_("Answered, or refused.")
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    # On time or late, per stage, set when the stage completes (engine: early, on_time, late).
    accept_timeliness = models.CharField(_("accepted or refused"), max_length=10, blank=True)
    information_timeliness = models.CharField(_("more information asked"), max_length=10, blank=True)
    answer_timeliness = models.CharField(
        pgettext_lazy("feedback field", "answered"), max_length=10, blank=True
    )
    publish_timeliness = models.CharField(
        pgettext_lazy("feedback field", "published"), max_length=10, blank=True
    )
    late = models.BooleanField(
        pgettext_lazy("feedback field", "late"),
        default=False,
        help_text=_("A stage completed after its due instant (since the last transfer)."),
    )

    # The answer (kết quả xử lý).
    refusal_reasons = models.TextField(_("reasons for refusal"), blank=True)
    information_request = models.TextField(_("information asked for"), blank=True)
    answer_draft = models.TextField(_("draft answer"), blank=True)
    answer = models.TextField(pgettext_lazy("feedback field", "answer"), blank=True)
    answered_by = models.CharField(_("answer approved by"), max_length=255, blank=True)
    published_title = models.CharField(_("published subject"), max_length=255, blank=True)
    published_content = models.TextField(_("published content"), blank=True)
    likes = models.PositiveIntegerField(pgettext_lazy("feedback field", "likes"), default=0)
    dislikes = models.PositiveIntegerField(pgettext_lazy("feedback field", "dislikes"), default=0)

    version = models.PositiveIntegerField(pgettext_lazy("feedback field", "version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("feedback or petition")
        verbose_name_plural = _("feedback and petitions")
        indexes = [
            models.Index(fields=["agency", "state", "due_at"], name="feedback_queue"),
            models.Index(fields=["agency", "submitted_at"], name="feedback_submitted"),
            models.Index(fields=["state", "published_at"], name="feedback_published"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(sender_email="") | ~Q(sender_phone=""), name="feedback_sender_reachable"
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_open(self) -> bool:
        return self.state in State.open_states()

    @property
    def is_paused(self) -> bool:
        return self.paused_since is not None

    def state_label(self) -> str:
        return State(self.state).label


class FeedbackPause(models.Model):
    """The answer clock stopped: more information asked of the sender, until supplied."""

    feedback = models.ForeignKey(
        Feedback,
        models.CASCADE,
        related_name="pauses",
        verbose_name=pgettext_lazy("feedback field", "feedback"),
    )
    started_at = models.DateTimeField(_("paused at"))
    ended_at = models.DateTimeField(_("resumed at"), null=True, blank=True)

    class Meta:
        ordering = ["feedback", "started_at"]
        verbose_name = _("pause while information is awaited")
        verbose_name_plural = _("pauses while information is awaited")

    def __str__(self) -> str:
        return f"{self.feedback.code} · {self.started_at:%d/%m/%Y}"


class FeedbackEvent(models.Model):
    """One business action on a feedback: append-only (the database refuses updates)."""

    feedback = models.ForeignKey(
        Feedback,
        models.PROTECT,
        related_name="events",
        verbose_name=pgettext_lazy("feedback field", "feedback"),
    )
    number = models.PositiveIntegerField(pgettext_lazy("feedback field", "number"))
    action = models.CharField(pgettext_lazy("feedback field", "action"), max_length=40)
    at = models.DateTimeField(pgettext_lazy("feedback field", "at"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("feedback field", "actor"),
    )
    actor_name = models.CharField(pgettext_lazy("feedback field", "actor name"), max_length=255, blank=True)
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="+", verbose_name=pgettext_lazy("feedback field", "agency")
    )
    from_state = models.CharField(pgettext_lazy("feedback field", "from"), max_length=30, blank=True)
    to_state = models.CharField(pgettext_lazy("feedback field", "to"), max_length=30)
    note = models.TextField(pgettext_lazy("feedback field", "note"), blank=True)
    data = models.JSONField(pgettext_lazy("feedback field", "details"), default=dict, blank=True)

    class Meta:
        ordering = ["feedback", "number"]
        verbose_name = _("feedback event")
        verbose_name_plural = _("feedback events")
        constraints = [
            models.UniqueConstraint(fields=["feedback", "number"], name="feedback_event_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.feedback_id} · {self.number} · {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("feedback events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("feedback events are append-only")

    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    def to_state_label(self) -> str:
        return State(self.to_state).label

    def timeliness_label(self) -> str:
        return TIMELINESS_LABELS.get((self.data or {}).get("timeliness", ""), "")


class FeedbackFile(models.Model):
    """An attachment from the sender (with the feedback or a supplement), checked by content."""

    feedback = models.ForeignKey(
        Feedback,
        models.CASCADE,
        related_name="files",
        verbose_name=pgettext_lazy("feedback field", "feedback"),
    )
    file = models.FileField(pgettext_lazy("feedback field", "file"), max_length=255)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(pgettext_lazy("feedback field", "type"), max_length=50)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded at"))
    added_with = models.ForeignKey(
        FeedbackEvent,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="files",
        verbose_name=pgettext_lazy("feedback field", "added with"),
    )

    class Meta:
        ordering = ["feedback", "pk"]
        verbose_name = pgettext_lazy("feedback field", "attachment")
        verbose_name_plural = pgettext_lazy("feedback field", "attachments")

    def __str__(self) -> str:
        return self.original_name


class FeedbackCodeSequence(models.Model):
    """The last number given to a feedback submitted on `day` (Vietnamese date)."""

    day = models.DateField(unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.day} · {self.last_number}"


class Vote(models.Model):
    """A visitor's like or dislike of a published answer (766 indicator 5.3: dislike > like = dissatisfied).

    One per visitor (a random token in a signed cookie) per feedback, and at most a few per network address
    per day: the address is kept only as a keyed hash, never in clear."""

    class Kind(models.TextChoices):
        LIKE = "like", pgettext_lazy("feedback field", "like")
        DISLIKE = "dislike", pgettext_lazy("feedback field", "dislike")

    feedback = models.ForeignKey(
        Feedback,
        models.CASCADE,
        related_name="votes",
        verbose_name=pgettext_lazy("feedback field", "feedback"),
    )
    kind = models.CharField(pgettext_lazy("feedback field", "vote"), max_length=10, choices=Kind.choices)
    visitor = models.CharField(pgettext_lazy("feedback field", "visitor"), max_length=64)
    address_hash = models.CharField(_("network address (hashed)"), max_length=64)
    day = models.DateField(pgettext_lazy("feedback field", "day"))
    at = models.DateTimeField(pgettext_lazy("feedback field", "at"))

    class Meta:
        verbose_name = pgettext_lazy("feedback field", "vote")
        verbose_name_plural = pgettext_lazy("feedback field", "votes")
        constraints = [
            models.UniqueConstraint(fields=["feedback", "visitor"], name="feedback_vote_one_per_visitor"),
        ]
        indexes = [models.Index(fields=["feedback", "address_hash", "day"], name="feedback_vote_address")]

    def __str__(self) -> str:
        return f"{self.feedback_id} · {self.kind}"
