"""A citizen's own online dossier ("my dossiers" → dossier): the desk's and the agency's decisions in full
(the owner, unlike an anonymous tracking page, sees the reasons), their slips, the online supplement, and the
electronic result.

    own_dossier(citizen, code)            the dossier the citizen filed online, or None (the view answers 404)
    decisions(dossier)                    each decision: receipt and appointment, supplement asked (what and
                                          why), refusal or stop (reasons), result issued, result returned
    slips(dossier)                        the slips (Mẫu 01-04) the citizen may download now
    may_supplement(dossier)               a supplement is asked and not yet given
    supplement_online(dossier, citizen, files, note)   `dossiers.services.supplement` as the applicant
    electronic_result(dossier)            the result file when the result was returned online, else None
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from motcua.dossiers import services
from motcua.dossiers.lifecycle import ReturnMethod, State
from motcua.dossiers.models import Dossier, DossierEvent, DossierFile
from motcua.dossiers.slips import slips_available

from .models import Citizen
from .selectors import my_dossiers

# The slips the applicant is given (Mẫu 05, the control slip, is the agencies' own).
CITIZEN_SLIPS = {
    "01": gettext_lazy("Receipt and appointment (Mẫu 01)"),
    "02": gettext_lazy("Request for more documents (Mẫu 02)"),
    "03": gettext_lazy("Refusal (Mẫu 03)"),
    "04": gettext_lazy("Apology and new appointment (Mẫu 04)"),
}
SUPPLEMENT_REQUESTS = ("request_supplement_at_desk", "request_supplement")


def own_dossier(citizen: Citizen, code: str) -> Dossier | None:
    return (
        my_dossiers(citizen)
        .select_related("procedure_version__procedure", "result_file")
        .filter(code=code)
        .first()
    )


@dataclass(frozen=True)
class Decision:
    at: datetime
    action: str
    title: str
    agency: str
    due_at: datetime | None = None
    missing: list[str] = field(default_factory=list)
    reasons: str = ""


def _instant(value) -> datetime | None:
    return parse_datetime(value) if isinstance(value, str) else None


def _decision(event: DossierEvent) -> Decision | None:
    data, agency = event.data or {}, event.agency.name
    action = event.action
    if action == "receive":
        return Decision(
            event.at, action, pgettext("decision", "Received"), agency, due_at=_instant(data.get("due_at"))
        )
    if action in SUPPLEMENT_REQUESTS:
        return Decision(
            event.at,
            action,
            pgettext("decision", "More documents requested"),
            agency,
            missing=[str(item) for item in data.get("missing", [])],
            reasons=str(data.get("reason", "")),
        )
    if action == "supplement":
        return Decision(event.at, action, pgettext("decision", "Documents supplemented"), agency)
    if action == "refuse":
        return Decision(event.at, action, pgettext("decision", "Not received"), agency, reasons=event.note)
    if action == "stop":
        return Decision(
            event.at, action, pgettext("decision", "Processing stopped"), agency, reasons=event.note
        )
    if action == "apologise":
        return Decision(
            event.at,
            action,
            pgettext("decision", "New appointment"),
            agency,
            due_at=_instant(data.get("due_at")),
            reasons=event.note,
        )
    if action == "finish":
        return Decision(event.at, action, pgettext("decision", "Result issued"), agency)
    if action == "return_result":
        method = data.get("method", "")
        label = ReturnMethod(method).label if method in ReturnMethod.values else method
        return Decision(event.at, action, _("Result handed over (%(method)s)") % {"method": label}, agency)
    return None


def decisions(dossier: Dossier) -> list[Decision]:
    events = dossier.events.select_related("agency").order_by("number")
    return [decision for decision in (_decision(event) for event in events) if decision is not None]


def slips(dossier: Dossier) -> list[tuple[str, str]]:
    return [(form, str(CITIZEN_SLIPS[form])) for form in slips_available(dossier) if form in CITIZEN_SLIPS]


def may_supplement(dossier: Dossier) -> bool:
    return dossier.state == State.SUPPLEMENT_REQUESTED


def missing_now(dossier: Dossier) -> list[str]:
    """What the last supplement request asked for, while it is open."""
    if not may_supplement(dossier):
        return []
    event = dossier.events.filter(action__in=SUPPLEMENT_REQUESTS).order_by("-number").first()
    return [str(item) for item in (event.data or {}).get("missing", [])] if event is not None else []


def supplement_online(
    dossier: Dossier, citizen: Citizen, files: list[tuple[str, object]], note: str = ""
) -> Dossier:
    """The applicant uploads what was asked: (what it is, upload) pairs, checked as at the desk by the
    dossier services, with the citizen's account as actor (only the account that filed it may)."""
    documents = [services.ReceivedDocument(name=name, upload=upload) for name, upload in files if upload]
    return services.supplement(dossier, citizen.user, documents=documents, note=note)


def electronic_result(dossier: Dossier) -> DossierFile | None:
    if (
        dossier.state == State.RETURNED
        and dossier.return_method == ReturnMethod.ONLINE
        and dossier.result_file_id
    ):
        return dossier.result_file
    return None
