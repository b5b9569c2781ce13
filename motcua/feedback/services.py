"""Every change of a feedback's state: one function per business action (the only door).

Each action locks the feedback row, checks the transition (`lifecycle.TRANSITIONS`) and the actor's right in
the responsible agency (`org.selectors.can`, mapping in `rights.py`), changes the row, appends a
`FeedbackEvent` (actor, server time, from, to, note, details) in one transaction, recomputes the due instants
through the working-time engine (`deadlines.py`), and tells listeners inside the transaction
(`event_recorded`, and `sender_notice_due` when the sender must hear from the agency). Times come from
`motcua.clock`, never from the caller.
"""

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua import clock
from motcua.dossiers.models import Dossier
from motcua.org.models import Agency
from motcua.text import fold, nfc

from . import codes, deadlines, files, privacy
from .errors import FeedbackError, InvalidRequest, NotAllowed, StaleVersion, VoteRefused, WrongState
from .lifecycle import Classification, Stage, State
from .models import Feedback, FeedbackPause, Vote
from .recording import (
    actor_name,
    event_recorded,
    iso,
    locked,
    record,
    require,
    required_text,
    sender_notice_due,
    tell_sender,
)
from .rights import RIGHTS

__all__ = [
    "FeedbackError",
    "InvalidRequest",
    "NotAllowed",
    "Sender",
    "StaleVersion",
    "Submission",
    "VoteRefused",
    "WrongState",
    "event_recorded",
    "sender_notice_due",
]

# At most this many votes per published answer from one network address per Vietnamese day, whatever the
# cookies say (a shared office or mobile network address must still leave room for a few people).
VOTES_PER_ADDRESS_PER_DAY = 3


@dataclass(frozen=True)
class Sender:
    name: str
    email: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class Submission:
    classification: str
    title: str
    content: str
    sender: Sender
    agency: Agency | None = None  # default: the agency that received the referenced dossier
    allows_publication: bool = False
    dossier_code: str = ""
    dossier_secret: str = ""
    attachment: File | None = None


# --- the sender -----------------------------------------------------------------------------------------


def submit(submission: Submission, actor=None) -> Feedback:
    """Register feedback sent through the public form or API (actor None or the citizen's account), or typed
    in by a desk officer from a letter. The sender gets the code and the lookup secret."""
    if submission.classification not in Classification.values:
        raise InvalidRequest(_("Say what the feedback is about."), field="classification")
    title = required_text(submission.title, _("The subject"), "title")[:255]
    content = required_text(submission.content, _("The content"), "content")
    sender = _checked_sender(submission.sender)
    dossier = _referenced_dossier(submission.dossier_code, submission.dossier_secret)
    agency = submission.agency or (dossier.receiving_agency if dossier else None)
    if agency is None or not agency.is_active:
        raise InvalidRequest(_("Choose the agency the feedback is addressed to."), field="agency")
    if submission.attachment is not None:
        files.check(submission.attachment)
    now = clock.now()
    with transaction.atomic():
        feedback = Feedback.objects.create(
            code=codes.next_code(timezone.localtime(now).date()),
            lookup_secret=codes.new_lookup_secret(),
            classification=submission.classification,
            title=title,
            title_folded=fold(title),
            content=content,
            receiving_agency=agency,
            agency=agency,
            dossier=dossier,
            state=State.RECEIVED,
            sender_name=sender.name,
            sender_name_folded=fold(sender.name),
            sender_email=sender.email,
            sender_phone=sender.phone,
            sender_address=sender.address,
            allows_publication=bool(submission.allows_publication),
            submitted_by=actor if getattr(actor, "pk", None) else None,
            submitted_at=now,
            clock_started_at=now,
            version=0,
        )
        deadlines.recompute(feedback)
        event = record(
            feedback,
            "submit",
            actor,
            agency=agency,
            to_state=State.RECEIVED,
            at=now,
            data={
                "dossier": dossier.code if dossier else None,
                "accept_due_at": iso(feedback.accept_due_at),
                "answer_due_at": iso(feedback.answer_due_at),
            },
        )
        if submission.attachment is not None:
            files.store(feedback, submission.attachment, event)
    return feedback


def _checked_sender(sender: Sender) -> Sender:
    name = required_text(sender.name, _("The sender's name"), "sender_name")[:255]
    email = nfc(sender.email).lower()
    phone = re.sub(r"[\s.\-()]", "", nfc(sender.phone))
    if not email and not phone:
        raise InvalidRequest(
            _("Give an e-mail address or a phone number to receive the answer."), field="contact"
        )
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            raise InvalidRequest(_("This e-mail address is not valid."), field="sender_email") from error
    if phone and not (phone.lstrip("+").isdigit() and 9 <= len(phone.lstrip("+")) <= 15):
        raise InvalidRequest(_("This phone number is not valid."), field="sender_phone")
    return Sender(name, email, phone, nfc(sender.address)[:500])


def _referenced_dossier(code: str, secret: str) -> Dossier | None:
    """A dossier named by its code AND its lookup secret: a code alone could be anybody's."""
    code, secret = nfc(code).upper(), nfc(secret).upper()
    if not code and not secret:
        return None
    dossier = Dossier.objects.select_related("receiving_agency").filter(code=code).first()
    if not code or not secret or dossier is None or not codes.secret_matches(secret, dossier.lookup_secret):
        raise InvalidRequest(
            _("No dossier has this code and lookup secret. Check both on your receipt."), field="dossier_code"
        )
    return dossier


def supplement(
    feedback: Feedback,
    actor=None,
    *,
    text: str,
    secret: str = "",
    attachment: File | None = None,
    expected_version: int | None = None,
) -> Feedback:
    """The sender supplies the information asked for (online with the lookup secret, or at the desk,
    recorded by a desk officer): the answer clock resumes and its due moves later by the office time spent
    waiting."""
    text = required_text(text, _("The information"), "text")
    if attachment is not None:
        files.check(attachment)
    with locked(feedback, "supplement", expected_version) as feedback:
        if not (secret and codes.secret_matches(secret, feedback.lookup_secret)):
            require(actor, RIGHTS["supplement"], feedback.agency)
        now = clock.now()
        old_due = feedback.answer_due_at
        _resume(feedback, now)
        event = record(
            feedback,
            "supplement",
            actor if getattr(actor, "pk", None) else None,
            agency=feedback.agency,
            to_state=State.SUPPLEMENTED,
            note=text,
            at=now,
            data={"old_answer_due_at": iso(old_due), "answer_due_at": iso(feedback.answer_due_at)},
        )
        if attachment is not None:
            files.store(feedback, attachment, event)
    return feedback


def _resume(feedback: Feedback, now: datetime) -> None:
    """Close the open pause and move the answer's due instant by the office time it covered."""
    FeedbackPause.objects.filter(feedback=feedback, ended_at__isnull=True).update(ended_at=now)
    feedback.paused_since = None
    deadlines.recompute(feedback)


# --- the desk -------------------------------------------------------------------------------------------


def _agency_in_reach(feedback: Feedback, agency: Agency, field: str) -> Agency:
    """Routing stays inside the installation's tree that holds the feedback (the province)."""
    root = "/" + feedback.agency.path.strip("/").split("/")[0] + "/"
    if not agency.is_active or not agency.path.startswith(root):
        raise InvalidRequest(_("Choose an active agency of this province."), field=field)
    return agency


def accept(
    feedback: Feedback,
    actor,
    *,
    agency: Agency | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Feedback:
    """Accept feedback within the decree's scope and route it to the agency responsible for handling it
    (`agency`; default: the agency it was addressed to). The answer clock keeps counting from submission."""
    with locked(feedback, "accept", expected_version) as feedback:
        require(actor, RIGHTS["accept"], feedback.agency)
        target = _agency_in_reach(feedback, agency or feedback.agency, "agency")
        now = clock.now()
        _complete_stage(feedback, "accept", now, feedback.accept_due_at)
        from_agency = feedback.agency
        feedback.agency = target
        feedback.accepted_at = now
        deadlines.recompute(feedback)
        event = record(
            feedback,
            "accept",
            actor,
            agency=from_agency,
            to_state=State.ACCEPTED,
            note=note,
            at=now,
            data={
                "from_agency": from_agency.code,
                "to_agency": target.code,
                "to_agency_name": target.name,
                "timeliness": feedback.accept_timeliness,
                "answer_due_at": iso(feedback.answer_due_at),
            },
        )
        tell_sender(feedback, event, "accepted")
    return feedback


def refuse(feedback: Feedback, actor, *, reasons: str, expected_version: int | None = None) -> Feedback:
    """Refuse feedback outside the decree's scope (a complaint, a denunciation...), with the reasons."""
    reasons = required_text(reasons, _("The reasons"), "reasons")
    with locked(feedback, "refuse", expected_version) as feedback:
        require(actor, RIGHTS["refuse"], feedback.agency)
        now = clock.now()
        _complete_stage(feedback, "accept", now, feedback.accept_due_at)
        feedback.refusal_reasons = reasons
        feedback.handled_at = feedback.closed_at = now
        event = record(
            feedback,
            "refuse",
            actor,
            agency=feedback.agency,
            to_state=State.REFUSED,
            note=reasons,
            at=now,
            data={"timeliness": feedback.accept_timeliness},
        )
        tell_sender(feedback, event, "refused")
    return feedback


def forward(
    feedback: Feedback, actor, *, to_agency: Agency, reason: str, expected_version: int | None = None
) -> Feedback:
    """Transfer the feedback to the agency it belongs to (chuyển đơn vị khác): its history stays with it, and
    every stage clock starts again from the transfer, on the new agency's calendar (766 method)."""
    reason = required_text(reason, _("The reason"), "reason")
    with locked(feedback, "forward", expected_version) as feedback:
        require(actor, RIGHTS["forward"], feedback.agency)
        target = _agency_in_reach(feedback, to_agency, "to_agency")
        if target.pk == feedback.agency_id:
            raise InvalidRequest(
                _("Choose another agency than the one holding the feedback."), field="to_agency"
            )
        now = clock.now()
        from_agency = feedback.agency
        before = {
            "accept": feedback.accept_timeliness,
            "information": feedback.information_timeliness,
            "late": feedback.late,
        }
        feedback.agency = target
        feedback.clock_started_at = now
        feedback.transfer_count += 1
        feedback.accepted_at = feedback.information_requested_at = None
        feedback.accept_timeliness = feedback.information_timeliness = feedback.answer_timeliness = ""
        feedback.late = False
        feedback.answer_draft = ""
        deadlines.recompute(feedback)
        record(
            feedback,
            "forward",
            actor,
            agency=from_agency,
            to_state=State.RECEIVED,
            note=reason,
            at=now,
            data={
                "from_agency": from_agency.code,
                "to_agency": target.code,
                "to_agency_name": target.name,
                "before": before,
                "accept_due_at": iso(feedback.accept_due_at),
                "answer_due_at": iso(feedback.answer_due_at),
            },
        )
    return feedback


# --- the specialist -------------------------------------------------------------------------------------


def request_information(
    feedback: Feedback, actor, *, request: str, expected_version: int | None = None
) -> Feedback:
    """Ask the sender to clarify or supplement; the answer clock pauses until the sender replies. The first
    request of the current clock is judged against its own limit (766: 5 working days)."""
    request = required_text(request, _("What you need from the sender"), "request")
    with locked(feedback, "request_information", expected_version) as feedback:
        require(actor, RIGHTS["request_information"], feedback.agency)
        now = clock.now()
        if feedback.information_requested_at is None:
            feedback.information_requested_at = now
            _complete_stage(feedback, "information", now, feedback.information_due_at)
        feedback.information_request = request
        feedback.paused_since = now
        FeedbackPause.objects.create(feedback=feedback, started_at=now)
        event = record(
            feedback,
            "request_information",
            actor,
            agency=feedback.agency,
            to_state=State.INFORMATION_REQUESTED,
            note=request,
            at=now,
            data={"timeliness": feedback.information_timeliness},
        )
        tell_sender(feedback, event, "information_requested")
    return feedback


def draft_answer(feedback: Feedback, actor, *, text: str, expected_version: int | None = None) -> Feedback:
    """Draft (or redraft) the answer for the leader. From "waiting for information" it ends the wait: the
    agency answers on what it has."""
    text = required_text(text, _("The answer"), "text")
    with locked(feedback, "draft_answer", expected_version) as feedback:
        require(actor, RIGHTS["draft_answer"], feedback.agency)
        now = clock.now()
        data = {}
        if feedback.paused_since is not None:
            old_due = feedback.answer_due_at
            _resume(feedback, now)
            data = {"old_answer_due_at": iso(old_due), "answer_due_at": iso(feedback.answer_due_at)}
        feedback.answer_draft = text
        record(
            feedback,
            "draft_answer",
            actor,
            agency=feedback.agency,
            to_state=State.ANSWER_DRAFTED,
            note=text,
            at=now,
            data=data,
        )
    return feedback


# --- the leader -----------------------------------------------------------------------------------------


def return_draft(feedback: Feedback, actor, *, reason: str, expected_version: int | None = None) -> Feedback:
    """Do not approve the draft: back to the specialist with the reason."""
    reason = required_text(reason, _("The reason"), "reason")
    with locked(feedback, "return_draft", expected_version) as feedback:
        require(actor, RIGHTS["return_draft"], feedback.agency)
        record(feedback, "return_draft", actor, agency=feedback.agency, to_state=State.ACCEPTED, note=reason)
    return feedback


def answer(feedback: Feedback, actor, *, text: str = "", expected_version: int | None = None) -> Feedback:
    """Approve the answer (the draft, or the leader's amended text): handling ends, the sender is told, and
    the publication clock starts when the sender allowed publication."""
    with locked(feedback, "answer", expected_version) as feedback:
        require(actor, RIGHTS["answer"], feedback.agency)
        final = required_text(nfc(text) or feedback.answer_draft, _("The answer"), "text")
        now = clock.now()
        _complete_stage(feedback, "answer", now, feedback.answer_due_at)
        feedback.answer = final
        feedback.answered_by = actor_name(actor)
        feedback.answered_at = feedback.handled_at = now
        deadlines.recompute(feedback)
        event = record(
            feedback,
            "answer",
            actor,
            agency=feedback.agency,
            to_state=State.ANSWERED,
            note=final,
            at=now,
            data={"timeliness": feedback.answer_timeliness, "publish_due_at": iso(feedback.publish_due_at)},
        )
        tell_sender(feedback, event, "answered")
    return feedback


def publish(
    feedback: Feedback,
    actor,
    *,
    title: str = "",
    content: str = "",
    expected_version: int | None = None,
) -> Feedback:
    """Make the feedback and its answer public, without the sender's personal data: the subject and content
    shown are the leader's text, or the sender's, with contact details and ID numbers removed and the name
    reduced to initials (either way)."""
    with locked(feedback, "publish", expected_version) as feedback:
        require(actor, RIGHTS["publish"], feedback.agency)
        if not feedback.allows_publication:
            raise WrongState(_("The sender did not allow publication: close the feedback instead."))
        personal = {
            "name": feedback.sender_name,
            "email": feedback.sender_email,
            "phone": feedback.sender_phone,
            "address": feedback.sender_address,
        }
        feedback.published_title = privacy.redact(nfc(title) or feedback.title, **personal)[:255]
        feedback.published_content = privacy.redact(nfc(content) or feedback.content, **personal)
        now = clock.now()
        _complete_stage(feedback, "publish", now, feedback.publish_due_at)
        feedback.published_at = feedback.closed_at = now
        record(
            feedback,
            "publish",
            actor,
            agency=feedback.agency,
            to_state=State.PUBLISHED,
            at=now,
            data={"timeliness": feedback.publish_timeliness},
        )
    return feedback


def close(feedback: Feedback, actor, *, reason: str = "", expected_version: int | None = None) -> Feedback:
    """Close an answered feedback without publishing it: always when the sender did not allow publication;
    when the sender did, only with the reason."""
    with locked(feedback, "close", expected_version) as feedback:
        require(actor, RIGHTS["close"], feedback.agency)
        reason = nfc(reason)
        if feedback.allows_publication and not reason:
            raise InvalidRequest(
                _("The sender allowed publication: say why the answer is not made public."), field="reason"
            )
        now = clock.now()
        feedback.closed_at = now
        record(feedback, "close", actor, agency=feedback.agency, to_state=State.CLOSED, note=reason, at=now)
    return feedback


def reschedule(feedback: Feedback, *, reason: str) -> Feedback | None:
    """Recompute the dues of the open stages after a calendar change; record the move (None if none moved)."""
    with locked(feedback, "reschedule", None) as feedback:
        before = {stage: getattr(feedback, f"{stage}_due_at") for stage in Stage.values}
        deadlines.recompute(feedback)
        moved = {
            stage: {"old": iso(old), "new": iso(getattr(feedback, f"{stage}_due_at"))}
            for stage, old in before.items()
            if getattr(feedback, f"{stage}_due_at") != old
        }
        if not moved:
            return None
        record(feedback, "reschedule", None, agency=feedback.agency, note=reason, data={"moved": moved})
    return feedback


def _complete_stage(feedback: Feedback, stage: str, finished: datetime, due: datetime | None) -> None:
    timeliness = deadlines.classify(feedback, finished, due)
    setattr(feedback, f"{stage}_timeliness", timeliness)
    if timeliness == "late":
        feedback.late = True


# --- visitors -------------------------------------------------------------------------------------------


def address_hash(address: str) -> str:
    """A keyed hash of a network address: enough to count votes per address, useless to identify anybody."""
    return hmac.new(settings.SECRET_KEY.encode(), (address or "").encode(), hashlib.sha256).hexdigest()


def vote(feedback: Feedback, *, kind: str, visitor: str, address: str) -> Vote:
    """A visitor likes or dislikes a published answer: once per visitor, and a few times per network address
    per day (VOTES_PER_ADDRESS_PER_DAY)."""
    if kind not in Vote.Kind.values:
        raise InvalidRequest(_("Unknown vote."), field="kind")
    if not visitor:
        raise InvalidRequest(_("Your browser must accept cookies to vote."), field="visitor")
    now = clock.now()
    day, hashed = timezone.localtime(now).date(), address_hash(address)
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update(of=("self",)).get(pk=feedback.pk)
        if feedback.state != State.PUBLISHED:
            raise WrongState(_("Only a published answer can be voted on."), state=feedback.state)
        if Vote.objects.filter(feedback=feedback, visitor=visitor).exists():
            raise VoteRefused(_("You have already given your opinion on this answer."))
        if (
            Vote.objects.filter(feedback=feedback, address_hash=hashed, day=day).count()
            >= VOTES_PER_ADDRESS_PER_DAY
        ):
            raise VoteRefused(
                _("Too many opinions on this answer from your network today. Try again tomorrow.")
            )
        try:
            with transaction.atomic():
                cast = Vote.objects.create(
                    feedback=feedback, kind=kind, visitor=visitor, address_hash=hashed, day=day, at=now
                )
        except IntegrityError as error:
            raise VoteRefused(_("You have already given your opinion on this answer.")) from error
        counter = "likes" if kind == Vote.Kind.LIKE else "dislikes"
        Feedback.objects.filter(pk=feedback.pk).update(**{counter: F(counter) + 1})
    return cast
