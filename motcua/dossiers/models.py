"""Dossiers (hồ sơ): the row that holds the current state, and the append-only history behind it.

Nothing outside `dossiers/services.py` changes a dossier's state: every business action there locks the row,
checks the transition (`lifecycle.py`) and the actor's right (`org.selectors.can`), writes the change and a
`DossierEvent` in one transaction, and bumps `version` against lost updates.
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.catalog.models import Bundle, ProcedureVersion
from motcua.org.models import Agency, Role
from motcua.worktime.sql import timeliness

from .lifecycle import NATIONAL_STATUS, Channel, State, SupplementStage


class DossierGroup(models.Model):
    """Linked dossiers (liên thông) received together under one receipt: one dossier per member procedure."""

    bundle = models.ForeignKey(
        Bundle, models.PROTECT, related_name="groups", verbose_name=_("linked procedures")
    )
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("linked dossier group")
        verbose_name_plural = _("linked dossier groups")

    def __str__(self) -> str:
        return f"{self.bundle.code} #{self.pk}"


class Evaluation(models.TextChoices):
    """What the applicants' evaluations of a dossier add up to, for statistics (docs/reports.md, §8): none
    yet; satisfied (every evaluation says "satisfied" or "very satisfied"); not satisfied (at least one says
    "not satisfied"). Written only by the two writers of evaluations: the ratings app's `services.submit` and
    the legacy import. An evaluation is never changed or withdrawn, so the value only moves from none to
    satisfied to not satisfied."""

    NONE = "", _("not evaluated")
    SATISFIED = "satisfied", pgettext_lazy("satisfaction", "satisfied")
    NOT_SATISFIED = "not_satisfied", pgettext_lazy("satisfaction", "not satisfied")

    @classmethod
    def of(cls, overall: str | None) -> str:
        """The value for one evaluation's overall answer ("very_satisfied", "satisfied", "not_satisfied" in
        the ratings app and the legacy import alike; None or "": no evaluation)."""
        if not overall:
            return cls.NONE
        return cls.NOT_SATISFIED if overall == cls.NOT_SATISFIED else cls.SATISFIED


class Dossier(models.Model):
    code = models.CharField(_("dossier code"), max_length=60, unique=True)
    lookup_secret = models.CharField(
        _("lookup secret"),
        max_length=12,
        help_text=_("Printed on the receipt; with the code, it lets the applicant track the dossier."),
    )
    procedure_version = models.ForeignKey(
        ProcedureVersion, models.PROTECT, related_name="dossiers", verbose_name=_("procedure")
    )
    # The four optional links below (and the event's actor and step) are indexed only where set (partial
    # indexes in Meta): most rows have none (a bundle, a result file, an online account are the exception;
    # imported dossiers have none of them), and a NULL costs an index entry on every insert.
    group = models.ForeignKey(
        DossierGroup,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name=_("linked dossier group"),
        db_index=False,
    )
    # No single-column index on these two: the composite indexes of Meta and of migration 0003 all start
    # with them.
    receiving_agency = models.ForeignKey(
        Agency,
        models.PROTECT,
        related_name="received_dossiers",
        verbose_name=_("receiving agency"),
        db_index=False,
    )
    current_agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="held_dossiers", verbose_name=_("current agency"), db_index=False
    )
    current_step = models.ForeignKey(
        "DossierStep",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current step"),
        db_index=False,
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    # Indexed by Meta's dossier_state (a plain btree: Django's db_index would add a varchar_pattern_ops copy
    # for prefix searches, which no query makes).
    state = models.CharField(_("state"), max_length=30, choices=State.choices)
    national_status = models.PositiveSmallIntegerField(
        _("national portal status"), help_text=_("Status code 1-10 of the National Public Service Portal.")
    )
    supplement_stage = models.CharField(
        _("supplement requested by"), max_length=12, choices=SupplementStage.choices, blank=True
    )

    # Applicant (người nộp hồ sơ / chủ hồ sơ), and the authorised representative when there is one.
    applicant_is_organisation = models.BooleanField(_("the applicant is an organisation"), default=False)
    applicant_name = models.CharField(_("applicant"), max_length=255)
    applicant_name_folded = models.CharField(max_length=255, editable=False, db_index=True)
    applicant_id_number = models.CharField(
        _("ID or registration number"),
        max_length=30,
        blank=True,
        db_index=True,
        help_text=_("Citizen ID (CCCD) for a person, enterprise or tax code for an organisation."),
    )
    applicant_birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    applicant_address = models.CharField(_("address"), max_length=500, blank=True)
    applicant_phone = models.CharField(_("phone"), max_length=20, blank=True)
    applicant_email = models.EmailField(_("e-mail"), blank=True)
    representative_name = models.CharField(_("authorised representative"), max_length=255, blank=True)
    representative_id_number = models.CharField(_("representative's ID number"), max_length=30, blank=True)
    representative_phone = models.CharField(_("representative's phone"), max_length=20, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_dossiers",
        verbose_name=_("submitted by (online account)"),
        db_index=False,
    )

    # The clock. All instants are server time, set by services only.
    submitted_at = models.DateTimeField(_("submitted at"))
    received_at = models.DateTimeField(_("received at"), null=True, blank=True, db_index=True)
    original_due_at = models.DateTimeField(
        _("first appointment"),
        null=True,
        blank=True,
        help_text=_("The appointment on the receipt; an apology moves the due instant, never this."),
    )
    due_at = models.DateTimeField(_("appointment for the result"), null=True, blank=True, db_index=True)
    paused_since = models.DateTimeField(_("paused since"), null=True, blank=True)
    paused_minutes = models.PositiveIntegerField(_("office minutes paused"), default=0)
    finished_at = models.DateTimeField(
        _("finished at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("End of processing: result ready, or refused, stopped or withdrawn."),
    )
    # The working-time engine's class of the finish (early, on_time, late; empty while not finished), computed
    # by the database on every write from the two instants: the settlement report counts it as a column.
    finish_timeliness = models.GeneratedField(
        expression=Case(
            When(finished_at__isnull=True, then=Value("")), default=timeliness("finished_at", "due_at")
        ),
        output_field=models.CharField(max_length=7),
        db_persist=True,
        verbose_name=_("timeliness of the finish"),
    )
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    supplement_count = models.PositiveSmallIntegerField(_("supplement requests"), default=0)
    apology_count = models.PositiveSmallIntegerField(_("apologies"), default=0)
    apologies_allowed = models.PositiveSmallIntegerField(
        _("apologies allowed"),
        default=1,
        help_text=_("At most one new appointment unless an administrator allows more."),
    )

    # Result (kết quả giải quyết).
    result_number = models.CharField(_("result document number"), max_length=100, blank=True)
    result_date = models.DateField(_("result document date"), null=True, blank=True)
    result_signer = models.CharField(_("signed by"), max_length=255, blank=True)
    result_file = models.ForeignKey(
        "DossierFile",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("result file"),
        db_index=False,
    )
    return_method = models.CharField(_("result returned"), max_length=10, blank=True)
    delivery_choice = models.CharField(
        _("result delivery chosen"),
        max_length=10,
        blank=True,
        help_text=_("How the applicant wants the result: at the desk, by post or online."),
    )

    # The applicants' evaluations summed up (Evaluation), so that statistics count them with a column.
    evaluation = models.CharField(
        _("evaluation"), max_length=14, choices=Evaluation.choices, blank=True, default=Evaluation.NONE
    )

    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        indexes = [
            models.Index(fields=["current_agency", "state", "due_at"], name="dossier_queue"),
            models.Index(fields=["receiving_agency", "received_at"], name="dossier_received"),
            models.Index(fields=["receiving_agency", "finished_at"], name="dossier_finished"),
            # The staff home page counts every queue in one query, an OR of states within agencies given as
            # subqueries: only an index on the state alone serves it (bench/indexes.py, 2026-12-07).
            models.Index(fields=["state"], name="dossier_state"),
            # Created by migration 0003 in plain SQL, declared here since 0004 (their reasons are there).
            models.Index(
                fields=["receiving_agency", "due_at", "id"],
                condition=Q(state="result_ready"),
                name="dossier_to_return",
            ),
            models.Index(
                fields=["state", "due_at", "id"], condition=Q(finished_at__isnull=True), name="dossier_open"
            ),
            models.Index(fields=["receiving_agency", "id"], name="dossier_visible_receiving"),
            models.Index(fields=["current_agency", "id"], name="dossier_visible_current"),
            # The optional links, where set (see `group`).
            models.Index(fields=["group"], condition=Q(group__isnull=False), name="dossier_group"),
            models.Index(
                fields=["current_step"], condition=Q(current_step__isnull=False), name="dossier_current_step"
            ),
            models.Index(
                fields=["submitted_by"], condition=Q(submitted_by__isnull=False), name="dossier_submitted_by"
            ),
            models.Index(
                fields=["result_file"], condition=Q(result_file__isnull=False), name="dossier_result_file"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(national_status__gte=1, national_status__lte=10),
                name="dossier_national_status_1_10",
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


def national_status_of(state: str) -> int:
    return NATIONAL_STATUS[State(state)]


class DossierStep(models.Model):
    """One passage of the dossier through a step of its process: who held it, where, its budget and due."""

    class Outcome(models.TextChoices):
        FORWARDED = "forwarded", _("forwarded")
        SENT_BACK = "sent_back", _("sent back")
        FINISHED = "finished", _("result issued")
        RETURNED = "returned", _("result returned")
        CLOSED = "closed", _("closed")

    dossier = models.ForeignKey(Dossier, models.CASCADE, related_name="steps", verbose_name=_("dossier"))
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("Order of passage, from 1."))
    process_index = models.SmallIntegerField(
        _("position in the process"), help_text=_("Index of the procedure's step; -1 for an added transfer.")
    )
    name = models.CharField(_("name"), max_length=500)
    agency = models.ForeignKey(Agency, models.PROTECT, related_name="dossier_steps", verbose_name=_("agency"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    budget_hours = models.DecimalField(_("office hours allowed"), max_digits=8, decimal_places=2)
    started_at = models.DateTimeField(_("started at"))
    due_at = models.DateTimeField(_("due at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("finished by"),
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    late = models.BooleanField(_("late"), null=True, help_text=_("Held past its budget (set when finished)."))
    is_transfer = models.BooleanField(
        _("transfer to another agency"),
        default=False,
        help_text=_("Added by a forward to another agency, outside the procedure's process."),
    )

    class Meta:
        ordering = ["dossier", "number"]
        verbose_name = _("dossier step")
        verbose_name_plural = _("dossier steps")
        constraints = [
            models.UniqueConstraint(fields=["dossier", "number"], name="dossier_step_unique_number"),
        ]
        indexes = [models.Index(fields=["agency", "finished_at"], name="dossier_step_agency")]

    def __str__(self) -> str:
        return f"{self.dossier.code} · {self.number}. {self.name}"


class Pause(models.Model):
    """The clock stopped: a supplement requested during processing, or fees awaited (until resumed)."""

    class Reason(models.TextChoices):
        SUPPLEMENT = "supplement", _("supplement requested")
        PAYMENT = "payment", _("payment awaited")

    dossier = models.ForeignKey(Dossier, models.CASCADE, related_name="pauses", verbose_name=_("dossier"))
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    started_at = models.DateTimeField(_("paused at"))
    ended_at = models.DateTimeField(_("resumed at"), null=True, blank=True)

    class Meta:
        ordering = ["dossier", "started_at"]
        verbose_name = _("pause")
        verbose_name_plural = _("pauses")

    def __str__(self) -> str:
        return f"{self.dossier.code} · {self.get_reason_display()}"


class DossierFile(models.Model):
    """A stored file: a scan of a document, a result, an attachment. Never named after the client's name."""

    dossier = models.ForeignKey(Dossier, models.CASCADE, related_name="files", verbose_name=_("dossier"))
    file = models.FileField(_("file"), max_length=255)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded at"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self) -> str:
        return self.original_name


class DossierDocument(models.Model):
    """A component of the dossier as received: which required document, in what form, with its scan."""

    class Form(models.TextChoices):
        ORIGINAL = "original", _("original")
        COPY = "copy", _("copy")
        CERTIFIED_COPY = "certified_copy", _("certified copy")

    dossier = models.ForeignKey(Dossier, models.CASCADE, related_name="documents", verbose_name=_("dossier"))
    required_document = models.ForeignKey(
        "catalog.RequiredDocument",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("required document"),
    )
    name = models.TextField(_("name"))
    form = models.CharField(_("form"), max_length=20, choices=Form.choices, default=Form.ORIGINAL)
    quantity = models.PositiveSmallIntegerField(_("quantity"), default=1)
    file = models.ForeignKey(
        DossierFile, models.PROTECT, null=True, blank=True, related_name="documents", verbose_name=_("scan")
    )
    added_at = models.DateTimeField(_("added at"))
    added_with = models.ForeignKey(
        "DossierEvent",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("added with"),
    )

    class Meta:
        ordering = ["dossier", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.name


class DossierFee(models.Model):
    """A fee or charge owed on this dossier (copied from the procedure at reception), and its payment."""

    dossier = models.ForeignKey(Dossier, models.CASCADE, related_name="fees", verbose_name=_("dossier"))
    name = models.CharField(_("name"), max_length=500)
    amount = models.PositiveBigIntegerField(_("amount (VND)"))
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    paid_online = models.BooleanField(_("paid online"), default=False)

    class Meta:
        ordering = ["dossier", "pk"]
        verbose_name = _("fee")
        verbose_name_plural = _("fees")

    def __str__(self) -> str:
        return self.name


class Apology(models.Model):
    """Mẫu 04: an apology with a new appointment, issued before the due instant."""

    dossier = models.ForeignKey(Dossier, models.CASCADE, related_name="apologies", verbose_name=_("dossier"))
    reason = models.TextField(_("reason for the delay"))
    previous_due_at = models.DateTimeField(_("previous appointment"))
    new_due_at = models.DateTimeField(_("new appointment"))
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("issued by")
    )

    class Meta:
        ordering = ["dossier", "issued_at"]
        verbose_name = _("apology and new appointment")
        verbose_name_plural = _("apologies and new appointments")

    def __str__(self) -> str:
        return f"{self.dossier.code} · {self.new_due_at:%d/%m/%Y}"


class DossierEvent(models.Model):
    """One business action on a dossier: append-only (the database refuses updates and deletes)."""

    # No index of its own: the unique (dossier, number) starts with it.
    dossier = models.ForeignKey(
        Dossier, models.PROTECT, related_name="events", verbose_name=_("dossier"), db_index=False
    )
    number = models.PositiveIntegerField(_("number"))
    action = models.CharField(_("action"), max_length=40)
    at = models.DateTimeField(_("at"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
        db_index=False,
    )
    actor_name = models.CharField(_("actor name"), max_length=255, blank=True)
    agency = models.ForeignKey(Agency, models.PROTECT, related_name="+", verbose_name=_("agency"))
    from_state = models.CharField(_("from"), max_length=30, blank=True)
    to_state = models.CharField(_("to"), max_length=30)
    step = models.ForeignKey(
        DossierStep,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("step"),
        db_index=False,
    )
    note = models.TextField(_("note"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["dossier", "number"]
        verbose_name = _("dossier event")
        verbose_name_plural = _("dossier events")
        constraints = [
            models.UniqueConstraint(fields=["dossier", "number"], name="dossier_event_unique_number"),
        ]
        # System and imported events have no actor, and events outside a step no step: indexed where set.
        indexes = [
            models.Index(fields=["actor"], condition=Q(actor__isnull=False), name="dossier_event_actor"),
            models.Index(fields=["step"], condition=Q(step__isnull=False), name="dossier_event_step"),
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id} · {self.number} · {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("dossier events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("dossier events are append-only")


class DossierCodeSequence(models.Model):
    """The last number given to a dossier of `agency` received on `day` (Vietnamese date)."""

    agency = models.ForeignKey(Agency, models.CASCADE, related_name="+")
    day = models.DateField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "day"], name="dossier_code_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id} · {self.day} · {self.last_number}"
