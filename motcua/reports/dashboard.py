"""The staff dashboard (/office/reports/): the settlement figures of an agency subtree over a period, charts,
the ranking of the agencies below, a drill-down from every number to its dossiers, and the exports.

For staff who may view statistics (`org.selectors.Action.VIEW_STATISTICS`: leaders, monitors and
administrators, over their agency and everything below it); others get 403. Thin views: the figures come
from `selectors.settlement` and `selectors.dossiers_behind`, never counted here."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from motcua import clock
from motcua.dossiers.selectors import for_list
from motcua.office.paging import paginate
from motcua.org.selectors import Action, agencies_where, can

from . import selectors
from .choosing import PERIODS, Selection, parse_selection
from .exports import FORMATS, export
from .inputs import InputErrors
from .presenting import chart_data, figure_labels, figure_table, month_rows

DRILL_PAGE_SIZE = 50


def _allowed(user):
    agencies = agencies_where(user, Action.VIEW_STATISTICS).filter(is_active=True).order_by("path")
    if not agencies.exists():
        raise PermissionDenied(_("Statistics are shown to leaders and monitors."))
    return agencies


def _select(request, agencies) -> Selection:
    today = timezone.localdate(clock.now())
    selection = parse_selection(request.GET, today, agencies.first())
    if not can(request.user, Action.VIEW_STATISTICS, selection.agency):
        raise PermissionDenied(_("You may not view the statistics of this agency."))
    return selection


def _form_context(request, agencies, selection: Selection | None) -> dict:
    today = timezone.localdate(clock.now())
    return {
        "agencies": agencies,
        "periods": PERIODS,
        "chosen": {
            "agency": selection.agency.code if selection else request.GET.get("agency", ""),
            "period": selection.period if selection else request.GET.get("period", "custom"),
            "from": selection.first_day.isoformat() if selection else request.GET.get("from", ""),
            "to": selection.last_day.isoformat() if selection else request.GET.get("to", ""),
        },
        "today": today,
    }


@login_required
@require_GET
def dashboard(request):
    agencies = _allowed(request.user)
    try:
        selection = _select(request, agencies)
    except InputErrors as error:
        context = {**_form_context(request, agencies, None), "errors": error.errors}
        return render(request, "reports/dashboard.html", context, status=400)
    now = clock.now()
    agency, first_day, last_day = selection.agency, selection.first_day, selection.last_day
    by_agency = selectors.settlement(agency, first_day, last_day, by="agency", now=now)
    by_month = selectors.settlement(agency, first_day, last_day, by="month", now=now)
    ranked = selectors.rank(by_agency)
    months = month_rows(by_month, first_day)
    context = {
        **_form_context(request, agencies, selection),
        "selection": selection,
        "report": by_agency,
        "total": figure_table(by_agency.total, selection),
        "rows": [
            (row, figure_table(row.figures, selection, by="agency", key=row.key)) for row in by_agency.rows
        ],
        "months": [(row, figure_table(row.figures, selection, by="month", key=row.key)) for row in months],
        "ranked": ranked,
        "labels": figure_labels(),
        "charts": chart_data(by_agency, months, ranked),
        "exports": [(fmt, selection.query(format=fmt, by="agency")) for fmt in FORMATS],
        "now": now,
    }
    return render(request, "reports/dashboard.html", context)


@login_required
@require_GET
def dossiers(request):
    """The dossiers behind one number of the dashboard, 50 a page, each linking to its office page."""
    agencies = _allowed(request.user)
    figure = (request.GET.get("figure") or "").strip()
    key = request.GET.get("key")
    try:
        selection = _select(request, agencies)
        if figure not in selectors.FIGURES:
            raise InputErrors({"figure": [_("Unknown figure “%(figure)s”.") % {"figure": figure}]})
        found = selectors.dossiers_behind(
            selection.agency,
            selection.first_day,
            selection.last_day,
            figure,
            by=selection.by,
            key=key,
        )
        count = found.count()
    except InputErrors as error:
        context = {**_form_context(request, agencies, None), "errors": error.errors}
        return render(request, "reports/dossiers.html", context, status=400)
    except ValueError:
        context = {
            **_form_context(request, agencies, None),
            "errors": {"key": [_("This row is not part of the report.")]},
        }
        return render(request, "reports/dossiers.html", context, status=400)
    rows = for_list(found).order_by("received_at", "pk")
    page = paginate(rows, ("received_at", "pk"), request.GET.get("after"), size=DRILL_PAGE_SIZE)
    context = {
        "selection": selection,
        "figure": figure,
        "figure_label": figure_labels()[figure],
        "key": key,
        "count": count,
        "page": page,
        "now": clock.now(),
        "back": selection.query(),
        "here": selection.query(figure=figure, by=selection.by, key=key),
    }
    return render(request, "reports/dossiers.html", context)


@login_required
@require_GET
def download(request):
    """The report of the selection as a file (format=json, xlsx or pdf): the command's exports."""
    agencies = _allowed(request.user)
    fmt = (request.GET.get("format") or "").strip()
    try:
        selection = _select(request, agencies)
        if fmt not in FORMATS:
            raise InputErrors(
                {
                    "format": [
                        _("Unknown format “%(format)s”: use one of %(choices)s.")
                        % {"format": fmt, "choices": ", ".join(FORMATS)}
                    ]
                }
            )
    except InputErrors as error:
        context = {**_form_context(request, agencies, None), "errors": error.errors}
        return render(request, "reports/dashboard.html", context, status=400)
    result = export(selection.agency, selection.first_day, selection.last_day, selection.by, fmt)
    response = HttpResponse(result.content, content_type=result.content_type)
    response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
    patch_cache_control(response, private=True, no_cache=True)
    return response
