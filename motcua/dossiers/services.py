"""Every change of a dossier's state: one function per business action (the only door).

Each action locks the dossier row, checks the transition (`lifecycle.TRANSITIONS`) and the actor's right in
the acting agency (`org.selectors.can`), changes the row, appends a `DossierEvent` (actor, server time, from,
to, step, note, details) in one transaction, recomputes due instants through the working-time engine, and
tells listeners: `event_recorded` inside the transaction (for outbox rows that must commit with the event),
and `on_commit` hooks for everything else. Times come from `motcua.clock`, never from the caller.
The shared path (lock, check, record) is in `recording.py`; what is handed in is in `intake.py`.
"""

from collections.abc import Sequence
from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _

from motcua import clock
from motcua.catalog.models import Bundle, Status
from motcua.catalog.selectors import current_version
from motcua.org.models import Agency
from motcua.org.selectors import Action, can, memberships_of
from motcua.text import fold, nfc

from . import codes, deadlines, files
from .errors import InvalidRequest, NotAllowed, StaleVersion, WrongState
from .intake import Applicant, Intake, ReceivedDocument, add_documents, described, documents_handed_in
from .lifecycle import Channel, ReturnMethod, State, SupplementStage
from .models import Apology, Dossier, DossierFee, DossierGroup, DossierStep, Pause, national_status_of
from .recording import (
    append_event,
    clock_date,
    event_recorded,
    iso,
    locked,
    record,
    require,
    require_applicant_or,
    require_step_role,
    required_text,
    tell,
)
from .routing import first_step, next_index, previous_index, return_index, start_step
from .rules import may_receive

# What callers use through services, the app's public surface, besides the actions below.
__all__ = [
    "Applicant",
    "Intake",
    "InvalidRequest",
    "NotAllowed",
    "ReceivedDocument",
    "StaleVersion",
    "WrongState",
    "event_recorded",
]

# --- intake ---------------------------------------------------------------------------------------------


def submit(intake: Intake, actor, *, group: DossierGroup | None = None, linked: bool = False) -> Dossier:
    """Register a dossier handed in (at the desk, by post) or filed online; it waits for the desk's check.

    At the desk, the officer who registers must be a desk officer of the receiving agency; online, the actor
    is the citizen's account (or None for a system import). `linked`: a member of a bundle received under its
    lead procedure (liên thông), which the receiving agency need not receive on its own."""
    version, agency = intake.procedure_version, intake.receiving_agency
    if intake.channel not in Channel.values:
        raise InvalidRequest(
            _("Unknown channel “%(channel)s”.") % {"channel": intake.channel}, field="channel"
        )
    # At the desk: a desk officer of the agency. Online: the citizen's own account; a staff account or a
    # system token filing "online" must still hold the desk's right at that agency.
    if intake.channel != Channel.ONLINE or (actor is not None and memberships_of(actor).exists()):
        require(actor, Action.RECEIVE, agency)
    if not linked and not may_receive(agency, version):
        raise InvalidRequest(
            _("%(agency)s does not receive the procedure “%(procedure)s”.")
            % {"agency": agency.name, "procedure": version.name},
            field="procedure",
        )
    applicant = intake.applicant
    name = required_text(applicant.name, _("The applicant's name"), field="applicant.name")
    now = clock.now()
    with transaction.atomic():
        dossier = Dossier(
            code=codes.next_code(agency, clock_date(now)),
            lookup_secret=codes.new_lookup_secret(),
            procedure_version=version,
            group=group,
            receiving_agency=agency,
            current_agency=agency,
            channel=intake.channel,
            state=State.SUBMITTED,
            national_status=national_status_of(State.SUBMITTED),
            applicant_is_organisation=applicant.is_organisation,
            applicant_name=name,
            applicant_name_folded=fold(name),
            applicant_id_number=nfc(applicant.id_number).replace(" ", ""),
            applicant_birth_date=applicant.birth_date,
            applicant_address=nfc(applicant.address),
            applicant_phone=nfc(applicant.phone).replace(" ", ""),
            applicant_email=nfc(applicant.email).lower(),
            representative_name=nfc(applicant.representative_name),
            representative_id_number=nfc(applicant.representative_id_number),
            representative_phone=nfc(applicant.representative_phone),
            submitted_by=actor if intake.channel == Channel.ONLINE and getattr(actor, "pk", None) else None,
            submitted_at=now,
            delivery_choice=intake.delivery_choice,
            version=1,
        )
        dossier.save()
        documents = documents_handed_in(dossier, intake.documents, actor)
        event = append_event(
            dossier,
            "submit",
            actor,
            agency=agency,
            from_state="",
            at=now,
            data={"documents": described(documents), **_delivery_address(intake)},
        )
        add_documents(documents, event)
        tell(dossier, event)
    return dossier


def _delivery_address(intake: Intake) -> dict:
    """The address to post the result to, kept in the submit event (the dossier row has no column for it)."""
    address = nfc(intake.delivery_address)
    return {"delivery_address": address} if address and intake.delivery_choice == ReturnMethod.POST else {}


def receive(dossier: Dossier, actor, *, expected_version: int | None = None) -> Dossier:
    """Accept a complete dossier: start the clock, give the appointment, hand it to the first step."""
    with locked(dossier, "receive", expected_version) as dossier:
        require(actor, Action.RECEIVE, dossier.receiving_agency)
        version = dossier.procedure_version
        if version.status != Status.IN_FORCE:  # amended or abolished since submission: the one in force now
            version = current_version(version.procedure.code)
        if version is None:
            raise WrongState(_("The procedure is no longer in force; this dossier cannot be received."))
        now = clock.now()
        dossier.procedure_version = version
        dossier.received_at = now
        dossier.due_at = dossier.original_due_at = deadlines.first_due(dossier)
        step = start_step(dossier, first_step(dossier), now, first=True)
        dossier.current_step, dossier.current_agency = step, step.agency
        DossierFee.objects.bulk_create(
            DossierFee(dossier=dossier, name=fee.name, amount=fee.amount) for fee in version.fees.all()
        )
        record(
            dossier,
            "receive",
            actor,
            agency=dossier.receiving_agency,
            to_state=State.RECEIVED,
            step=step,
            data={"due_at": iso(dossier.due_at)},
            at=now,
        )
    return dossier


def receive_bundle(bundle: Bundle, intake: Intake, actor) -> DossierGroup:
    """Liên thông: one dossier per member procedure, under one receipt, each routed along its own process."""
    with transaction.atomic():
        group = DossierGroup.objects.create(bundle=bundle, created_at=clock.now())
        for member in bundle.members.select_related("procedure").order_by("order", "pk"):
            version = current_version(member.procedure.code)
            if version is None:
                raise InvalidRequest(
                    _("The linked procedure %(code)s is not in force.") % {"code": member.procedure.code}
                )
            is_lead = member.procedure_id == bundle.lead_id
            documents = intake.documents if is_lead else ()
            member_intake = Intake(
                version,
                intake.receiving_agency,
                intake.channel,
                intake.applicant,
                documents,
                intake.delivery_choice,
                intake.delivery_address,
            )
            receive(submit(member_intake, actor, group=group, linked=not is_lead), actor)
    return group


def request_supplement(
    dossier: Dossier, actor, *, missing: Sequence[str], reason: str, expected_version: int | None = None
) -> Dossier:
    """Mẫu 02. Before reception (at the desk): no clock runs. During processing: the clock pauses."""
    missing = [nfc(item) for item in missing if nfc(item)]
    if not missing:
        raise InvalidRequest(_("Say which documents are missing."), field="missing")
    reason = required_text(reason, _("The reason"), field="reason")
    action = "request_supplement_at_desk" if dossier.state == State.SUBMITTED else "request_supplement"
    with locked(dossier, action, expected_version) as dossier:
        now = clock.now()
        data = {"missing": missing, "reason": reason}
        if action == "request_supplement_at_desk":
            require(actor, Action.RECEIVE, dossier.receiving_agency)
            dossier.supplement_stage = SupplementStage.DESK
            agency = dossier.receiving_agency
        else:
            if not can(actor, Action.PROCESS, dossier.current_agency):
                require_step_role(actor, dossier)
            dossier.supplement_stage = SupplementStage.PROCESSING
            dossier.supplement_count += 1
            dossier.paused_since = now
            Pause.objects.create(dossier=dossier, reason=Pause.Reason.SUPPLEMENT, started_at=now)
            agency = dossier.current_agency
            data["supplement_count"] = dossier.supplement_count
        record(
            dossier,
            action,
            actor,
            agency=agency,
            to_state=State.SUPPLEMENT_REQUESTED,
            note=reason,
            data=data,
            at=now,
        )
    return dossier


def supplement(
    dossier: Dossier,
    actor,
    *,
    documents: Sequence[ReceivedDocument],
    note: str = "",
    expected_version: int | None = None,
) -> Dossier:
    """The applicant supplies what was asked (recorded by the desk, or online by the applicant's account)."""
    if not documents:
        raise InvalidRequest(_("Add the documents that were asked for."), field="documents")
    with locked(dossier, "supplement", expected_version) as dossier:
        require_applicant_or(actor, dossier, Action.RECEIVE, dossier.receiving_agency)
        now = clock.now()
        data: dict = {}
        if dossier.supplement_stage == SupplementStage.DESK:
            to_state = State.SUBMITTED
        else:
            old_due = dossier.due_at
            _resume(dossier, now)
            to_state = State.PROCESSING
            data = {"old_due_at": iso(old_due), "due_at": iso(dossier.due_at)}
        dossier.supplement_stage = ""
        added = documents_handed_in(dossier, documents, actor)
        event = record(
            dossier,
            "supplement",
            actor,
            agency=dossier.receiving_agency,
            to_state=to_state,
            note=note,
            data={**data, "documents": described(added)},
            at=now,
        )
        add_documents(added, event)
    return dossier


def _resume(dossier: Dossier, now: datetime) -> None:
    """Close the open pause, count its office time, move the dossier's and the step's due instants."""
    pause = dossier.pauses.filter(ended_at__isnull=True).order_by("-started_at").first()
    if pause is None:
        return
    pause.ended_at = now
    pause.save(update_fields=["ended_at"])
    dossier.paused_minutes += deadlines.pause_minutes(dossier, pause.started_at, now)
    dossier.paused_since = None
    dossier.due_at = deadlines.dossier_due(dossier)
    step = dossier.current_step
    if step is not None:
        step.due_at = deadlines.step_due(step, deadlines.closed_pauses(dossier, since=step.started_at))
        step.save(update_fields=["due_at"])


def refuse(dossier: Dossier, actor, *, reasons: str, expected_version: int | None = None) -> Dossier:
    """Mẫu 03: the desk refuses a dossier it cannot accept, with specific reasons."""
    reasons = required_text(reasons, _("The reasons"), field="reasons")
    with locked(dossier, "refuse", expected_version) as dossier:
        if dossier.state == State.SUPPLEMENT_REQUESTED and dossier.supplement_stage != SupplementStage.DESK:
            raise WrongState(_("A dossier in processing is stopped, not refused."))
        require(actor, Action.RECEIVE, dossier.receiving_agency)
        now = clock.now()
        dossier.finished_at = now
        dossier.supplement_stage = ""
        record(
            dossier,
            "refuse",
            actor,
            agency=dossier.receiving_agency,
            to_state=State.NOT_RECEIVED,
            note=reasons,
            at=now,
        )
    return dossier


def forward(
    dossier: Dossier,
    actor,
    *,
    note: str = "",
    to_agency: Agency | None = None,
    hours=None,
    expected_version: int | None = None,
) -> Dossier:
    """Hand the dossier to the next step of its process, or (liên thông) to another agency for a step."""
    with locked(dossier, "forward", expected_version) as dossier:
        step = require_step_role(actor, dossier)
        now = clock.now()
        if to_agency is not None:
            if not to_agency.is_active:
                raise InvalidRequest(_("Transfer to an active agency."), field="to_agency")
            if hours is None or float(hours) <= 0:
                raise InvalidRequest(_("Give the office hours the other agency has."), field="hours")
            target = ("transfer", to_agency, hours)
        else:
            index = next_index(dossier, step)
            if index is None or index == return_index(dossier):
                raise WrongState(_("This is the last processing step: issue the result instead."))
            target = index
        _finish_step(dossier, step, actor, DossierStep.Outcome.FORWARDED, now)
        new_step = start_step(dossier, target, now, came_from=step)
        dossier.current_step, dossier.current_agency = new_step, new_step.agency
        record(
            dossier,
            "forward",
            actor,
            agency=step.agency,
            to_state=State.PROCESSING,
            note=note,
            step=new_step,
            at=now,
            data={
                "from_step": step.name,
                "to_step": new_step.name,
                "to_agency": new_step.agency.code,
                "step_due_at": iso(new_step.due_at),
            },
        )
    return dossier


def send_back(dossier: Dossier, actor, *, reason: str, expected_version: int | None = None) -> Dossier:
    """Return the dossier to the previous step, with the reason."""
    reason = required_text(reason, _("The reason"), field="reason")
    with locked(dossier, "send_back", expected_version) as dossier:
        step = require_step_role(actor, dossier)
        index = previous_index(step)
        if index is None:
            raise WrongState(_("There is no previous step to send the dossier back to."))
        now = clock.now()
        _finish_step(dossier, step, actor, DossierStep.Outcome.SENT_BACK, now)
        new_step = start_step(dossier, index, now)
        dossier.current_step, dossier.current_agency = new_step, new_step.agency
        record(
            dossier,
            "send_back",
            actor,
            agency=step.agency,
            to_state=State.PROCESSING,
            note=reason,
            step=new_step,
            at=now,
            data={"from_step": step.name, "to_step": new_step.name},
        )
    return dossier


def _finish_step(dossier: Dossier, step: DossierStep, actor, outcome: str, now: datetime) -> None:
    step.finished_at = now
    step.finished_by = actor if getattr(actor, "pk", None) else None
    step.outcome = outcome
    step.late = now > step.due_at
    step.save(update_fields=["finished_at", "finished_by", "outcome", "late"])


def request_payment(
    dossier: Dossier,
    actor,
    *,
    fees: Sequence[tuple[str, int]] = (),
    note: str = "",
    expected_version: int | None = None,
) -> Dossier:
    """Fees, charges or taxes to pay before the result (national status 6): the clock pauses."""
    with locked(dossier, "request_payment", expected_version) as dossier:
        require_step_role(actor, dossier)
        for name, amount in fees:
            if int(amount) < 0:
                raise InvalidRequest(_("An amount cannot be negative."), field="fees")
            DossierFee.objects.create(
                dossier=dossier,
                name=required_text(name, _("The fee's name"), field="fees.name"),
                amount=int(amount),
            )
        if not dossier.fees.filter(paid_at__isnull=True).exists():
            raise InvalidRequest(_("There is nothing to pay."), field="fees")
        now = clock.now()
        dossier.paused_since = now
        Pause.objects.create(dossier=dossier, reason=Pause.Reason.PAYMENT, started_at=now)
        unpaid = list(dossier.fees.filter(paid_at__isnull=True).values("name", "amount"))
        record(
            dossier,
            "request_payment",
            actor,
            agency=dossier.current_agency,
            to_state=State.AWAITING_PAYMENT,
            note=note,
            data={"fees": unpaid},
            at=now,
        )
    return dossier


def record_payment(
    dossier: Dossier, actor, *, reference: str, online: bool = False, expected_version: int | None = None
) -> Dossier:
    """The fees were paid (at the desk, or confirmed by a payment gateway): processing resumes."""
    reference = required_text(reference, _("The payment reference"), field="reference")
    with locked(dossier, "record_payment", expected_version) as dossier:
        if actor is not None:
            require(actor, Action.RECEIVE, dossier.receiving_agency)
        now = clock.now()
        paid = dossier.fees.filter(paid_at__isnull=True)
        total = sum(fee.amount for fee in paid)
        paid.update(paid_at=now, payment_reference=reference, paid_online=online)
        old_due = dossier.due_at
        _resume(dossier, now)
        record(
            dossier,
            "record_payment",
            actor,
            agency=dossier.receiving_agency,
            to_state=State.PROCESSING,
            data={
                "reference": reference,
                "amount": total,
                "online": online,
                "old_due_at": iso(old_due),
                "due_at": iso(dossier.due_at),
            },
            at=now,
        )
    return dossier


def finish(
    dossier: Dossier,
    actor,
    *,
    result_number: str = "",
    result_date: date | None = None,
    signer: str = "",
    result_upload=None,
    note: str = "",
    expected_version: int | None = None,
) -> Dossier:
    """Approve and issue the result: processing time ends; the dossier goes to the desk for return."""
    with locked(dossier, "finish", expected_version) as dossier:
        step = require_step_role(actor, dossier)
        if next_index(dossier, step) not in (None, return_index(dossier)):
            raise WrongState(_("The result is issued at the last processing step."))
        now = clock.now()
        today = clock_date(now)
        if result_date is not None and not (clock_date(dossier.received_at) <= result_date <= today):
            raise InvalidRequest(
                _("The result's date must lie between reception and today."), field="result_date"
            )
        version = dossier.procedure_version
        if version.result_is_document and not nfc(result_number):
            raise InvalidRequest(_("The result document's number is required."), field="result_number")
        if result_upload is not None:
            dossier.result_file = files.store(dossier, result_upload, actor)
        dossier.result_number = nfc(result_number)
        dossier.result_date = result_date or (today if result_number else None)
        dossier.result_signer = nfc(signer) or (actor.get_full_name() if actor is not None else "")
        dossier.finished_at = now
        _finish_step(dossier, step, actor, DossierStep.Outcome.FINISHED, now)
        index = return_index(dossier)
        if index is not None:
            return_step = start_step(dossier, index, now)
            dossier.current_step, dossier.current_agency = return_step, return_step.agency
        else:
            dossier.current_step, dossier.current_agency = None, dossier.receiving_agency
        record(
            dossier,
            "finish",
            actor,
            agency=step.agency,
            to_state=State.RESULT_READY,
            note=note,
            step=step,
            at=now,
            data={
                "result_number": dossier.result_number,
                "timeliness": deadlines.classify(dossier, now, dossier.due_at),
            },
        )
    return dossier


def return_result(
    dossier: Dossier,
    actor,
    *,
    method: str = ReturnMethod.DESK,
    note: str = "",
    expected_version: int | None = None,
) -> Dossier:
    """Hand the result back at the desk, post it, or deliver it online."""
    if method not in ReturnMethod.values:
        raise InvalidRequest(_("Unknown way of returning “%(method)s”.") % {"method": method}, field="method")
    with locked(dossier, "return_result", expected_version) as dossier:
        require(actor, Action.RETURN_RESULT, dossier.receiving_agency)
        now = clock.now()
        step = dossier.current_step
        if step is not None:
            _finish_step(dossier, step, actor, DossierStep.Outcome.RETURNED, now)
        dossier.returned_at = now
        dossier.return_method = method
        dossier.current_step = None
        record(
            dossier,
            "return_result",
            actor,
            agency=dossier.receiving_agency,
            to_state=State.RETURNED,
            note=note,
            step=step,
            data={"method": method},
            at=now,
        )
    return dossier


def _close(dossier: Dossier, actor, action: str, to_state: str, reasons: str, agency: Agency) -> None:
    now = clock.now()
    if dossier.paused_since is not None:
        _resume(dossier, now)
    step = dossier.current_step
    if step is not None:
        _finish_step(dossier, step, actor, DossierStep.Outcome.CLOSED, now)
    dossier.finished_at = now
    dossier.current_step = None
    dossier.supplement_stage = ""
    record(dossier, action, actor, agency=agency, to_state=to_state, note=reasons, step=step, at=now)


def stop(dossier: Dossier, actor, *, reasons: str, expected_version: int | None = None) -> Dossier:
    """Stop processing after appraisal (the dossier cannot be settled), with written reasons."""
    reasons = required_text(reasons, _("The reasons"), field="reasons")
    with locked(dossier, "stop", expected_version) as dossier:
        if dossier.state == State.SUPPLEMENT_REQUESTED and dossier.supplement_stage == SupplementStage.DESK:
            raise WrongState(_("A dossier not yet received is refused, not stopped."))
        require(actor, Action.APPROVE, dossier.current_agency)
        _close(dossier, actor, "stop", State.STOPPED, reasons, dossier.current_agency)
    return dossier


def withdraw(dossier: Dossier, actor, *, reason: str = "", expected_version: int | None = None) -> Dossier:
    """The applicant withdraws the dossier (recorded by the desk, or online by the applicant)."""
    with locked(dossier, "withdraw", expected_version) as dossier:
        require_applicant_or(actor, dossier, Action.RECEIVE, dossier.receiving_agency)
        _close(dossier, actor, "withdraw", State.WITHDRAWN, nfc(reason), dossier.receiving_agency)
    return dossier


def apologise(
    dossier: Dossier, actor, *, new_date: date, reason: str, expected_version: int | None = None
) -> Dossier:
    """Mẫu 04: before the due instant, apologise and give a new appointment (the close of `new_date`)."""
    reason = required_text(reason, _("The reason for the delay"), field="reason")
    with locked(dossier, "apologise", expected_version) as dossier:
        if dossier.received_at is None:
            raise WrongState(_("Only a received dossier has an appointment to move."))
        require(actor, Action.APPROVE, dossier.current_agency)
        now = clock.now()
        if dossier.due_at <= now:
            raise WrongState(
                _("The apology must be issued before the appointment; this dossier is already late.")
            )
        if dossier.apology_count >= dossier.apologies_allowed:
            raise WrongState(
                _("A new appointment was already given; only an administrator may allow another.")
            )
        try:
            new_due = deadlines.close_of_day(dossier, new_date)
        except ValueError as error:
            raise InvalidRequest(_("The new appointment must be a working day."), field="new_date") from error
        if new_due <= dossier.due_at:
            raise InvalidRequest(_("The new appointment must come after the current one."), field="new_date")
        previous = dossier.due_at
        Apology.objects.create(
            dossier=dossier,
            reason=reason,
            previous_due_at=previous,
            new_due_at=new_due,
            issued_at=now,
            issued_by=actor,
        )
        dossier.apology_count += 1
        dossier.due_at = new_due
        record(
            dossier,
            "apologise",
            actor,
            agency=dossier.current_agency,
            note=reason,
            at=now,
            data={"old_due_at": iso(previous), "due_at": iso(new_due)},
        )
    return dossier


def allow_another_apology(
    dossier: Dossier, actor, *, reason: str, expected_version: int | None = None
) -> Dossier:
    reason = required_text(reason, _("The reason"), field="reason")
    with locked(dossier, "allow_another_apology", expected_version) as dossier:
        require(actor, Action.ADMINISTER, dossier.receiving_agency)
        dossier.apologies_allowed += 1
        record(
            dossier,
            "allow_another_apology",
            actor,
            agency=dossier.receiving_agency,
            note=reason,
            data={"apologies_allowed": dossier.apologies_allowed},
        )
    return dossier


def reschedule(dossier: Dossier, *, reason: str) -> Dossier | None:
    """Recompute the appointment after a calendar change; record the move (or do nothing if none)."""
    with locked(dossier, "reschedule", None) as dossier:
        if dossier.received_at is None:
            return None
        old_due, new_due = dossier.due_at, deadlines.dossier_due(dossier)
        if new_due == old_due:
            return None
        dossier.due_at = new_due  # original_due_at stays: it is the date printed on the citizen's receipt
        record(
            dossier,
            "reschedule",
            None,
            agency=dossier.receiving_agency,
            note=reason,
            data={"old_due_at": iso(old_due), "due_at": iso(new_due)},
        )
    return dossier
