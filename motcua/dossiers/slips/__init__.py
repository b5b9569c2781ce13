"""The dossier slips of TT 01/2018/TT-VPCP as PDF: what the screens, the API and the desk print.

    render_slip(dossier, form) -> bytes          form "01".."05" (A5); WrongState when it does not apply
    render_group_receipt(group) -> bytes         Mẫu 01 for a linked group (liên thông): every member's code
    render_register(agency, first, last) -> bytes   Mẫu 06 (A4 landscape): dossiers received in [first, last]
    slips_available(dossier) -> list[str]        the forms that apply to the dossier now, e.g. ["01", "05"]

Slips are read-only: they read the dossier and its events, never write. HTML templates are in
templates/dossiers/slips/, rendered by WeasyPrint with the Liberation Serif bundled in motcua/static/fonts/.
Dates and times are Vietnamese time; the text is NFC.
"""

from datetime import date

from django.utils.translation import gettext as _

from motcua.org.models import Agency

from ..errors import InvalidRequest
from ..models import Dossier, DossierGroup
from . import forms, pdf
from .register import register

FORMS = ("01", "02", "03", "04", "05")

__all__ = ["FORMS", "render_group_receipt", "render_register", "render_slip", "slips_available"]


def slips_available(dossier: Dossier) -> list[str]:
    """The forms (of "01".."05") that can be printed for `dossier` now, in order."""
    return forms.available(dossier)


def render_slip(dossier: Dossier, form: str) -> bytes:
    """Mẫu `form` of `dossier` as PDF. Mẫu 01 of a member of a linked group is the group's receipt."""
    if form not in FORMS:
        raise InvalidRequest(
            _("There is no slip “%(form)s”: the slips of a dossier are Mẫu 01 to 05.") % {"form": form},
            field="form",
        )
    forms.refuse_inapplicable(dossier, form)
    template, context, title = forms.BUILDERS[form](dossier)
    return pdf.pdf(template, context, title=f"{title} {dossier.code}")


def render_group_receipt(group: DossierGroup) -> bytes:
    template, context, title = forms.group_receipt(group)
    return pdf.pdf(template, context, title=f"{title} {context['code']}")


def render_register(agency: Agency, first_day: date, last_day: date) -> bytes:
    template, context, title = register(agency, first_day, last_day)
    return pdf.pdf(template, context, title=f"{title} {agency.name}")
