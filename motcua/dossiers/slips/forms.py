"""Mẫu 01-05: which slip applies to a dossier, and what each one prints (from the dossier and its events).

A slip applies once the event it records exists, and stays printable afterwards (a copy can be printed again):
01 and 05 once the dossier is received, 02 once a supplement was requested, 03 once it was refused at the desk
or stopped after appraisal, 04 once an apology was issued. Each builder returns (template, context, title).
"""

from urllib.parse import quote

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from motcua.org.models import Agency
from motcua.text import nfc
from motcua.worktime.selectors import calendar_for

from ..errors import WrongState
from ..lifecycle import State
from ..models import Dossier, DossierDocument, DossierEvent, DossierGroup
from . import words
from .pdf import qr_svg

SUPPLEMENT_ACTIONS = ("request_supplement_at_desk", "request_supplement")
REFUSAL_ACTIONS = ("refuse", "stop")

TITLES = {
    "01": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "02": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "03": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "04": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    "05": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
    "06": "Sổ theo dõi hồ sơ",
}


# --- what applies ---------------------------------------------------------------------------------------


def available(dossier: Dossier) -> list[str]:
    actions = set(
        dossier.events.filter(action__in=SUPPLEMENT_ACTIONS + REFUSAL_ACTIONS).values_list(
            "action", flat=True
        )
    )
    forms = []
    if dossier.received_at is not None:
        forms.append("01")
    if actions & set(SUPPLEMENT_ACTIONS):
        forms.append("02")
    if dossier.state in (State.NOT_RECEIVED, State.STOPPED) and actions & set(REFUSAL_ACTIONS):
        forms.append("03")
    if dossier.apologies.exists():
        forms.append("04")
    if dossier.received_at is not None:
        forms.append("05")
    return forms


def refuse_inapplicable(dossier: Dossier, form: str) -> None:
    """Raise WrongState, with the reason in words, when `form` does not apply to `dossier` now."""
    if form in available(dossier):
        return
    messages = {
        "01": _("This dossier has not been received, so it has no receipt and appointment slip (Mẫu 01)."),
        "02": _("No supplement was requested for this dossier, so it has no supplement request (Mẫu 02)."),
        "03": _("This dossier was neither refused nor stopped, so it has no refusal notice (Mẫu 03)."),
        "04": _("No apology was issued for this dossier, so it has no apology slip (Mẫu 04)."),
        "05": _("This dossier has not been received, so it has no processing control slip (Mẫu 05)."),
    }
    raise WrongState(messages[form], form=form, state=dossier.state)


# --- pieces shared by the slips -------------------------------------------------------------------------


def heading(issuer: Agency, on) -> dict:
    return {
        "governing": words.parent_name(issuer),
        "issuer": nfc(issuer.name),
        "issuer_name": nfc(issuer.name),
        "dated": words.dated(on, words.place_of(issuer)),
    }


def applicant(dossier: Dossier) -> dict:
    organisation = dossier.applicant_is_organisation
    representative = nfc(dossier.representative_name)
    if representative and dossier.representative_phone:
        representative += f", số điện thoại {nfc(dossier.representative_phone)}"
    return {
        "title": "Cơ quan, tổ chức" if organisation else "Ông/Bà",
        "address_as": "Quý cơ quan, tổ chức" if organisation else "Ông/Bà",
        "name": nfc(dossier.applicant_name),
        "id_label": "Mã số doanh nghiệp, mã số thuế" if organisation else "Số định danh cá nhân",
        "id_number": nfc(dossier.applicant_id_number),
        "representative": representative,
        "address": nfc(dossier.applicant_address),
        "phone": nfc(dossier.applicant_phone),
        "email": nfc(dossier.applicant_email),
    }


def procedure(dossier: Dossier) -> dict:
    version = dossier.procedure_version
    return {"name": nfc(version.name), "code": version.procedure.code}


def person(user) -> str:
    if user is None:
        return ""
    return nfc(user.get_full_name() or user.get_username())


def signature(role: str, name: str, hint: str = "Ký và ghi rõ họ tên") -> dict:
    return {"role": role, "hint": hint, "name": name}


def latest_event(dossier: Dossier, actions) -> DossierEvent | None:
    return dossier.events.filter(action__in=actions).select_related("agency").order_by("-number").first()


def tracking_url(dossier: Dossier) -> str:
    """The public tracking page of the dossier, printed (and encoded as QR) on the receipt."""
    base = settings.MOTCUA_PUBLIC_URL.rstrip("/")
    return f"{base}/track/{quote(dossier.code, safe='.-')}/?secret={quote(dossier.lookup_secret, safe='')}"


def limit_of(version, which: str) -> str:
    value = getattr(version, f"{which}_limit_value")
    unit = getattr(version, f"{which}_limit_unit")
    return words.limit(value, unit, version.same_day_cutoff)


# --- Mẫu 01 ---------------------------------------------------------------------------------------------


def receipt(dossier: Dossier) -> tuple[str, dict, str]:
    if dossier.group_id is not None:
        return group_receipt(dossier.group)
    return "dossiers/slips/receipt.html", _receipt_context(dossier, group=None), TITLES["01"]


def group_receipt(group: DossierGroup) -> tuple[str, dict, str]:
    members = list(
        group.dossiers.filter(received_at__isnull=False)
        .select_related("procedure_version__procedure")
        .order_by("code")
    )
    if not members:
        raise WrongState(
            _("No dossier of this linked group has been received, so it has no receipt (Mẫu 01)."), form="01"
        )
    bundle = group.bundle
    lead = next((d for d in members if d.procedure_version.procedure_id == bundle.lead_id), members[0])
    summary = {
        "name": nfc(bundle.name),
        "code": bundle.code,
        "members": [
            {
                "code": member.code,
                "procedure": nfc(member.procedure_version.name),
                "limit": limit_of(member.procedure_version, "committed"),
                "due": words.short_instant(member.original_due_at or member.due_at),
            }
            for member in members
        ],
    }
    context = _receipt_context(lead, group=summary, documents_of=members)
    context["procedure"] = {"name": nfc(bundle.name), "code": ""}
    return "dossiers/slips/receipt.html", context, TITLES["01"]


def _receipt_context(dossier: Dossier, *, group: dict | None, documents_of=None) -> dict:
    version = dossier.procedure_version
    legal, committed = limit_of(version, "legal"), limit_of(version, "committed")
    # The documents handed in up to reception (a supplement at the desk included), not those added later.
    received_by = Q()
    for member in documents_of or [dossier]:
        received_by |= Q(dossier=member, added_at__lte=member.received_at)
    documents = DossierDocument.objects.filter(received_by).order_by("dossier__code", "pk")
    receiving = latest_event(dossier, ("receive",))
    url = tracking_url(dossier)
    return {
        "title": TITLES["01"],
        "heading": heading(dossier.receiving_agency, dossier.received_at),
        "code": dossier.code,
        "applicant": applicant(dossier),
        "procedure": procedure(dossier),
        "group": group,
        "documents": [
            {
                "name": nfc(document.name),
                "form": words.DOCUMENT_FORMS.get(document.form, document.form),
                "quantity": f"{document.quantity:02d}",
            }
            for document in documents
        ],
        "legal_limit": legal,
        "committed_limit": committed if committed != legal else "",
        "received": words.instant(dossier.received_at),
        # The appointment given at reception: an apology moves `due_at` (Mẫu 04), never the receipt.
        "due": words.instant(dossier.original_due_at or dossier.due_at),
        "channel": words.CHANNELS.get(dossier.channel, dossier.channel),
        "delivery": words.DELIVERY.get(dossier.delivery_choice or "desk", dossier.delivery_choice),
        "fees": [{"name": nfc(fee.name), "amount": words.money(fee.amount)} for fee in dossier.fees.all()],
        "secret": dossier.lookup_secret,
        "tracking_url": url,
        "qr": qr_svg(url),
        "signatures": {
            "left": signature("Người nộp hồ sơ", nfc(dossier.applicant_name)),
            "right": signature("Người tiếp nhận hồ sơ", nfc(receiving.actor_name) if receiving else ""),
        },
    }


# --- Mẫu 02, 03, 04 -------------------------------------------------------------------------------------


def supplement_request(dossier: Dossier) -> tuple[str, dict, str]:
    event = latest_event(dossier, SUPPLEMENT_ACTIONS)
    agency = dossier.receiving_agency
    context = {
        "title": TITLES["02"],
        "heading": heading(agency, event.at),
        "code": dossier.code,
        "applicant": applicant(dossier),
        "procedure": procedure(dossier),
        "missing": [nfc(item) for item in event.data.get("missing", [])],
        "reason": nfc(event.data.get("reason") or event.note),
        "requested": words.instant(event.at),
        "paused": event.action == "request_supplement",
        "officer": nfc(event.actor_name),
        "phone": nfc(event.agency.phone or agency.phone),
        "signatures": {"left": None, "right": signature("Người hướng dẫn", nfc(event.actor_name))},
    }
    return "dossiers/slips/supplement.html", context, TITLES["02"]


def refusal(dossier: Dossier) -> tuple[str, dict, str]:
    event = latest_event(dossier, REFUSAL_ACTIONS)
    stopped = event.action == "stop"
    issuer = event.agency if stopped else dossier.receiving_agency
    role = "Người có thẩm quyền" if stopped else "Người tiếp nhận hồ sơ"
    context = {
        "title": TITLES["03"],
        "heading": heading(issuer, event.at),
        "code": dossier.code,
        "applicant": applicant(dossier),
        "procedure": procedure(dossier),
        "stopped": stopped,
        "reasons": nfc(event.note),
        "refused": words.instant(event.at),
        "signatures": {"left": None, "right": signature(role, nfc(event.actor_name))},
    }
    return "dossiers/slips/refusal.html", context, TITLES["03"]


def apology(dossier: Dossier) -> tuple[str, dict, str]:
    issued = dossier.apologies.select_related("issued_by").order_by("-issued_at", "-pk").first()
    event = dossier.events.filter(action="apologise", at=issued.issued_at).select_related("agency").first()
    issuer = event.agency if event is not None else dossier.current_agency
    context = {
        "title": TITLES["04"],
        "heading": heading(issuer, issued.issued_at),
        "code": dossier.code,
        "applicant": applicant(dossier),
        "procedure": procedure(dossier),
        "received_day": words.day(words.local(dossier.received_at).date()),
        "receiver": nfc(dossier.receiving_agency.name),
        "reason": nfc(issued.reason),
        "previous_due": words.instant(issued.previous_due_at),
        "new_due": words.instant(issued.new_due_at),
        "signatures": {
            "left": None,
            "right": signature(
                "Thủ trưởng cơ quan", person(issued.issued_by), "Ký, ghi rõ họ tên và đóng dấu"
            ),
        },
    }
    return "dossiers/slips/apology.html", context, TITLES["04"]


# --- Mẫu 05 ---------------------------------------------------------------------------------------------


def control(dossier: Dossier) -> tuple[str, dict, str]:
    steps = list(dossier.steps.select_related("agency", "finished_by").order_by("number"))
    receiving = latest_event(dossier, ("receive",))
    rows, giver = [], nfc(receiving.actor_name) if receiving else ""
    for step in steps:
        result = None
        if step.finished_at is not None:
            result = calendar_for(step.agency).classify(step.finished_at, step.due_at)
        note = words.STEP_OUTCOMES.get(step.outcome, "")
        if step.is_transfer:
            note = f"Chuyển liên thông. {note}".strip()
        rows.append(
            {
                "number": step.number,
                "agency": nfc(step.agency.name),
                "step": nfc(step.name),
                "received": words.short_instant(step.started_at),
                "handed_over": words.short_instant(step.finished_at),
                "due": words.short_instant(step.due_at),
                "giver": giver,
                "holder": person(step.finished_by),
                "result": words.timeliness(result),
                "note": note,
            }
        )
        giver = person(step.finished_by)
    moved = dossier.original_due_at is not None and dossier.due_at != dossier.original_due_at
    context = {
        "title": TITLES["05"],
        "heading": heading(dossier.receiving_agency, dossier.received_at),
        "code": dossier.code,
        "applicant": applicant(dossier),
        "procedure": procedure(dossier),
        "receiver": nfc(dossier.receiving_agency.name),
        "received": words.instant(dossier.received_at),
        "due": words.instant(dossier.due_at),
        "original_due": words.instant(dossier.original_due_at) if moved else "",
        "rows": rows,
    }
    return "dossiers/slips/control.html", context, TITLES["05"]


BUILDERS = {"01": receipt, "02": supplement_request, "03": refusal, "04": apology, "05": control}
