"""The public portal: the front page, the catalogue (search, procedure page) and dossier tracking.

No login and no JavaScript: plain GET forms. Views are thin: reads are in `selectors.py`, words and numbers in
`presenting.py`, a dossier's public face in `tracking.py`, the rate limit in `ratelimit.py`.
"""

from urllib.parse import urlencode

import segno
from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from motcua.catalog.selectors import procedures_in_force
from motcua.citizens.services import offers_online
from motcua.org.models import Agency

from . import presenting, ratelimit, selectors, tracking
from .forms import CatalogueSearchForm, TrackingForm
from .transparency import transparency

PAGE_SIZE = 20


@require_safe
def home(request):
    """The public front page: search the catalogue, track a dossier, and the staff's way in."""
    return render(
        request,
        "portal/home.html",
        {
            "agency_count": Agency.objects.filter(is_active=True).count(),
            "procedure_count": procedures_in_force().count(),
            "tracking_form": TrackingForm(auto_id="track_%s"),
        },
    )


@require_safe
def procedure_list(request):
    form = CatalogueSearchForm(request.GET or None)
    query = form.query()
    page = Paginator(selectors.search_procedures(query), PAGE_SIZE).get_page(request.GET.get("page"))
    kept = {key: value for key, value in request.GET.items() if key != "page" and value}
    return render(
        request,
        "portal/procedure_list.html",
        {
            "form": form,
            "page": page,
            "is_filtered": form.is_filtered,
            "page_query": urlencode(kept),
            "rows": [(version, presenting.time_limits(version)) for version in page.object_list],
        },
    )


def public_url(path: str, request) -> str:
    """An absolute URL of the public site (settings.MOTCUA_PUBLIC_URL), else as this request reached us."""
    base = getattr(settings, "MOTCUA_PUBLIC_URL", "")
    return f"{base.rstrip('/')}{path}" if base else request.build_absolute_uri(path)


@require_safe
def procedure_detail(request, code: str):
    version = selectors.procedure_page(code)
    if version is None:
        raise Http404(_("No procedure in force has this code."))
    url = public_url(reverse("portal:procedure", args=[version.procedure.code]), request)
    return render(
        request,
        "portal/procedure_detail.html",
        {
            "version": version,
            "limits": presenting.time_limits(version),
            "fees": [(fee, presenting.vnd(fee.amount)) for fee in version.fees.all()],
            "steps": presenting.process_steps(version),
            "filing": presenting.filing(version),
            "legal_basis": presenting.legal_basis(version),
            "agencies": selectors.filing_agencies(version),
            "online": offers_online(version),
            "page_url": url,
            "qr_svg": segno.make(url, error="m").svg_inline(border=2, omitsize=True, svgclass="portal-qr"),
        },
    )


@require_safe
def track_form(request):
    """The tracking form; filled in, it leads to the dossier's tracking URL (as the receipt's QR code)."""
    if "code" not in request.GET:
        return render(request, "portal/track.html", {"form": TrackingForm()})
    form = TrackingForm(request.GET)
    if not form.is_valid():
        return render(request, "portal/track.html", {"form": form}, status=400)
    code = selectors.normalise_code(form.cleaned_data["code"])
    given = {key: form.cleaned_data[key] for key in ("secret", "phone") if form.cleaned_data[key]}
    return redirect(f"{reverse('portal:track', args=[code])}?{urlencode(given)}")


@require_safe
def track(request, code: str):
    """A dossier's progress, for whoever holds its code and secret (or the last four digits of the phone)."""
    given = {key: request.GET[key] for key in ("secret", "phone") if request.GET.get(key)}
    if not given:
        return private(render(request, "portal/track.html", {"form": TrackingForm(initial={"code": code})}))
    form = TrackingForm({"code": code, **given})
    if not form.is_valid():
        return private(render(request, "portal/track.html", {"form": form}, status=400))
    found = tracking.look_up(
        ratelimit.client_address(request),
        code,
        secret=form.cleaned_data["secret"],
        phone_digits=form.cleaned_data["phone"],
    )
    if found.refused:
        response = render(request, "portal/track.html", {"form": form, "refused": True}, status=429)
        response["Retry-After"] = str(found.retry_after)
        return private(response)
    if found.dossier is None:
        return private(render(request, "portal/track.html", {"form": form, "not_found": True}, status=404))
    return private(render(request, "portal/tracked_dossier.html", {"dossier": found.dossier}))


def private(response):
    """A tracking answer is for the one who asked: no cache keeps it, no link passes its URL on."""
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def transparency_page(request, code: str):
    """/minh-bach/<agency code>/: this year's on-time rate, online share and satisfaction of an agency (with
    its units), no login."""
    agency = Agency.objects.filter(code=code, is_active=True).first()
    if agency is None:
        raise Http404(_("No agency has this code."))
    return render(request, "portal/transparency.html", {"agency": agency, "found": transparency(agency)})
