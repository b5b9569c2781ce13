"""Mẫu 06, the tracking register (sổ theo dõi hồ sơ): every dossier an agency received in a range of days.

A dossier belongs to the register of its receiving agency on its reception date in Vietnamese time. Rows are
in order of reception; the table header repeats on every A4 landscape page.
"""

from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from motcua import clock
from motcua.org.models import Agency
from motcua.text import nfc

from ..errors import InvalidRequest
from ..lifecycle import Channel
from ..models import Dossier, DossierStep
from . import words
from .forms import TITLES, heading


def received_between(agency: Agency, first_day: date, last_day: date):
    """Dossiers received by `agency` from the start of `first_day` to the end of `last_day` (Vietnamese)."""
    start = datetime.combine(first_day, time.min, tzinfo=words.VIETNAM)
    end = datetime.combine(last_day + timedelta(days=1), time.min, tzinfo=words.VIETNAM)
    return (
        Dossier.objects.filter(receiving_agency=agency, received_at__gte=start, received_at__lt=end)
        .select_related("procedure_version", "group__bundle")
        .prefetch_related(
            Prefetch("steps", queryset=DossierStep.objects.select_related("agency").order_by("number"))
        )
        .order_by("received_at", "code")
    )


def register(agency: Agency, first_day: date, last_day: date) -> tuple[str, dict, str]:
    if last_day < first_day:
        raise InvalidRequest(_("The register's last day comes before its first day."), field="last_day")
    context = {
        "title": TITLES["06"],
        "heading": heading(agency, clock.now()),
        "first_day": words.day(first_day),
        "last_day": words.day(last_day),
        "rows": [_row(dossier) for dossier in received_between(agency, first_day, last_day)],
    }
    return "dossiers/slips/register.html", context, TITLES["06"]


def _row(dossier: Dossier) -> dict:
    steps = list(dossier.steps.all())
    handed_on = steps[1] if len(steps) > 1 else None  # the first hand-over after the desk's reception step
    notes = [words.STATE_NOTES.get(dossier.state, "")]
    if dossier.finished_at is not None and dossier.returned_at is None and dossier.result_number:
        notes.append(f"Có kết quả lúc {words.short_instant(dossier.finished_at)}")
    if dossier.apology_count:
        notes.append(f"Hẹn lại: {words.short_instant(dossier.due_at)}")
    if dossier.group_id is not None:
        notes.append(f"Liên thông {dossier.group.bundle.code}")
    if dossier.channel != Channel.DIRECT:
        notes.append(words.CHANNELS.get(dossier.channel, dossier.channel))
    return {
        "code": dossier.code,
        "procedure": nfc(dossier.procedure_version.name),
        "name": nfc(dossier.applicant_name),
        "address": nfc(dossier.applicant_address),
        "phone": nfc(dossier.applicant_phone),
        "received": words.short_instant(dossier.received_at),
        "due": words.short_instant(dossier.original_due_at or dossier.due_at),
        "transferred": words.short_instant(handed_on.started_at) if handed_on else "",
        "transferred_to": nfc(handed_on.agency.name) if handed_on else "",
        "returned": words.short_instant(dossier.returned_at),
        "note": "; ".join(note for note in notes if note),
    }
