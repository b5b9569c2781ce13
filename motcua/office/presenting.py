"""What the screens say about a dossier: its appointment and why, its timeliness, its history in words."""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.dossiers import deadlines, selectors
from motcua.dossiers.lifecycle import ReturnMethod
from motcua.dossiers.models import Dossier, DossierEvent, Pause

ACTION_LABELS = {
    "submit": _("Registered"),
    "receive": _("Received, appointment given (Mẫu 01)"),
    "request_supplement_at_desk": _("Supplement requested at the desk (Mẫu 02)"),
    "request_supplement": _("Supplement requested during processing (Mẫu 02)"),
    "supplement": _("Supplement handed in"),
    "refuse": _("Refused (Mẫu 03)"),
    "forward": _("Handed on"),
    "send_back": _("Sent back"),
    "request_payment": _("Payment requested"),
    "record_payment": _("Payment recorded"),
    "finish": _("Result approved and issued"),
    "return_result": _("Result returned"),
    "stop": _("Processing stopped"),
    "withdraw": _("Withdrawn by the applicant"),
    "apologise": _("Apology and new appointment (Mẫu 04)"),
    "allow_another_apology": _("Another new appointment allowed"),
    "reschedule": _("Appointment moved by a calendar change"),
}

TIMELINESS_LABELS = {
    "early": _("finished early"),
    "on_time": _("finished on time"),
    "late": _("finished late"),
    "overdue": _("overdue"),
    "in_time": _("within time"),
    "paused": _("clock paused"),
}

PAUSE_LABELS = {
    Pause.Reason.SUPPLEMENT: _("waiting for a supplement"),
    Pause.Reason.PAYMENT: _("waiting for payment"),
}


def instant(value: datetime | str | None) -> str:
    """An instant as people read it in Vietnam: 14:00 04/03/2026 (event details keep ISO strings)."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return f"{timezone.localtime(value):%H:%M %d/%m/%Y}"


def timeliness(dossier: Dossier, now: datetime) -> str | None:
    """early / on_time / late once finished; overdue, paused or in_time while open; None if not received."""
    if dossier.received_at is None or dossier.due_at is None:
        return None
    if dossier.finished_at is not None:
        return deadlines.classify(dossier, dossier.finished_at, dossier.due_at)
    if selectors.is_overdue(dossier, now):
        return "overdue"
    return "paused" if dossier.is_paused else "in_time"


def pause_reason(dossier: Dossier) -> str:
    if not dossier.is_paused:
        return ""
    pause = dossier.pauses.filter(ended_at__isnull=True).order_by("-started_at").first()
    return PAUSE_LABELS.get(pause.reason, "") if pause else ""


def event_label(event: DossierEvent) -> str:
    return ACTION_LABELS.get(event.action, event.action)


def event_details(event: DossierEvent) -> list[str]:
    """The details of an event worth showing, as short sentences."""
    data, lines = event.data or {}, []
    if data.get("to_step"):
        lines.append(_("To: %(step)s") % {"step": data["to_step"]})
    if data.get("step_due_at"):
        lines.append(_("Step due: %(due)s") % {"due": instant(data["step_due_at"])})
    if data.get("old_due_at") and data.get("due_at") and data["old_due_at"] != data["due_at"]:
        lines.append(
            _("Appointment moved: %(old)s → %(new)s")
            % {"old": instant(data["old_due_at"]), "new": instant(data["due_at"])}
        )
    elif data.get("due_at"):
        lines.append(_("Appointment: %(due)s") % {"due": instant(data["due_at"])})
    if data.get("missing"):
        lines.append(_("Missing: %(documents)s") % {"documents": "; ".join(data["missing"])})
    if data.get("documents"):
        names = "; ".join(document["name"] for document in data["documents"])
        lines.append(_("Documents: %(documents)s") % {"documents": names})
    if data.get("result_number"):
        lines.append(_("Result number: %(number)s") % {"number": data["result_number"]})
    if data.get("timeliness") in TIMELINESS_LABELS:
        lines.append(str(TIMELINESS_LABELS[data["timeliness"]]).capitalize())
    if data.get("method") in ReturnMethod.values:
        lines.append(_("Returned: %(method)s") % {"method": ReturnMethod(data["method"]).label})
    if data.get("fees"):
        fees = "; ".join(f"{fee['name']} ({money(fee['amount'])})" for fee in data["fees"])
        lines.append(_("Fees: %(fees)s") % {"fees": fees})
    if data.get("reference"):
        lines.append(
            _("Paid %(amount)s, reference %(reference)s")
            % {"amount": money(data.get("amount") or 0), "reference": data["reference"]}
        )
    return lines


def money(amount: int) -> str:
    """100000 -> "100.000 đ" (Vietnamese thousands separator)."""
    return f"{int(amount):,} đ".replace(",", ".")


DONE_MESSAGES = {
    "receive": _("Dossier %(code)s received. Print the receipt (Mẫu 01) for the applicant."),
    "request_supplement": _("Supplement requested for %(code)s. Print Mẫu 02 for the applicant."),
    "supplement": _("Supplement recorded for %(code)s."),
    "refuse": _("Dossier %(code)s refused. Print Mẫu 03 for the applicant."),
    "forward": _("Dossier %(code)s handed on to: %(step)s."),
    "send_back": _("Dossier %(code)s sent back to: %(step)s."),
    "request_payment": _("Payment requested for %(code)s; the clock is paused."),
    "record_payment": _("Payment recorded for %(code)s; processing resumes."),
    "finish": _("Result of %(code)s issued; it waits for return at the desk."),
    "return_result": _("Result of %(code)s returned."),
    "stop": _("Processing of %(code)s stopped."),
    "withdraw": _("Dossier %(code)s withdrawn."),
    "apologise": _("New appointment for %(code)s. Print the apology (Mẫu 04) for the applicant."),
}

# The slip to print right after an action, highlighted on the dossier page.
SLIP_AFTER = {"receive": "01", "request_supplement": "02", "refuse": "03", "apologise": "04", "stop": "03"}


def done_message(action: str, dossier: Dossier) -> str:
    step = dossier.current_step
    values = {"code": dossier.code, "step": f"{step.name} ({step.agency.name})" if step else ""}
    return DONE_MESSAGES[action] % values
