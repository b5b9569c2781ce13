"""The office's door to the dossier slips (`motcua.dossiers.slips`: Mẫu 01-05, the group receipt, Mẫu 06).

While the slips module is absent (it is developed alongside), the screens simply offer no slip.
"""

from django.utils.translation import gettext_lazy as _

from motcua.dossiers.models import Dossier

try:
    from motcua.dossiers import slips as _slips
except ImportError:  # pragma: no cover - only while the slips module is not there yet
    _slips = None

TITLES = {
    "01": _("Print the receipt (Mẫu 01)"),
    "02": _("Supplement request (Mẫu 02)"),
    "03": _("Refusal (Mẫu 03)"),
    "04": _("Apology and new appointment (Mẫu 04)"),
    "05": _("Process control slip (Mẫu 05)"),
}


def enabled() -> bool:
    return _slips is not None


def available(dossier: Dossier) -> list[str]:
    return _slips.slips_available(dossier) if _slips is not None else []


def render(dossier: Dossier, form: str) -> bytes:
    return _slips.render_slip(dossier, form)


def render_group(group) -> bytes:
    return _slips.render_group_receipt(group)


def render_register(agency, first_day, last_day) -> bytes:
    return _slips.render_register(agency, first_day, last_day)
