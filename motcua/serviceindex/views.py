"""/office/service-index/: the index of an agency over a period for its leaders and monitors, and per
indicator the list of what lost points. Thin: the figures come from `index.py`."""

from datetime import date

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from motcua import clock
from motcua.catalog.models import ProcessStep, RequiredDocument
from motcua.office.widgets import style
from motcua.org.models import Agency
from motcua.org.selectors import Action, agencies_where

from .definitions import DOSSIER, FEEDBACK, PROCEDURE
from .index import computed_codes, index, lost_points
from .models import Indicator

PAGE_SIZE = 50


class PeriodForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=gettext_lazy("Agency"))
    first_day = forms.DateField(
        label=gettext_lazy("From"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": gettext_lazy("Choose the first day."),
            "invalid": gettext_lazy("The first day is not a date."),
        },
    )
    last_day = forms.DateField(
        label=gettext_lazy("To (inclusive)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": gettext_lazy("Choose the last day."),
            "invalid": gettext_lazy("The last day is not a date."),
        },
    )

    def __init__(self, agencies, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["agency"].error_messages["invalid_choice"] = gettext_lazy(
            "Choose one of the agencies whose statistics you may view."
        )
        style(self)

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and first > last:
            self.add_error("last_day", _("The period ends before it starts."))
        return data


def _form(request) -> PeriodForm:
    agencies = agencies_where(request.user, Action.VIEW_STATISTICS).order_by("path")
    if not agencies.exists():
        raise PermissionDenied(_("The service index is shown to leaders and monitors."))
    today = timezone.localdate(clock.now())
    defaults = {"agency": agencies.first().pk, "first_day": date(today.year, 1, 1), "last_day": today}
    return PeriodForm(agencies, request.GET or defaults)


def _query(data: dict) -> str:
    return urlencode(
        {
            "agency": data["agency"].pk,
            "first_day": data["first_day"].isoformat(),
            "last_day": data["last_day"].isoformat(),
        }
    )


@login_required
@require_GET
def page(request):
    form = _form(request)
    context = {"form": form}
    if form.is_valid():
        data = form.cleaned_data
        context.update(result=index(data["agency"], data["first_day"], data["last_day"]), query=_query(data))
    return render(request, "serviceindex/index.html", context, status=200 if form.is_valid() else 400)


def _rows(kind: str, items):
    if kind == DOSSIER:
        return items.select_related("procedure_version", "receiving_agency").order_by("received_at", "pk")
    if kind == PROCEDURE:
        return (
            items.select_related("procedure")
            .annotate(
                has_documents=Exists(RequiredDocument.objects.filter(version=OuterRef("pk"))),
                has_steps=Exists(ProcessStep.objects.filter(version=OuterRef("pk"))),
            )
            .order_by("procedure__code")
        )
    return items.select_related("agency").order_by("submitted_at", "pk")


@login_required
@require_GET
def lost(request, code: str):
    if code not in computed_codes():
        raise Http404
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        raise Http404
    form = _form(request)
    context = {"form": form, "indicator": indicator}
    if form.is_valid():
        data = form.cleaned_data
        found = lost_points(data["agency"], data["first_day"], data["last_day"], code)
        rows = _rows(found.kind, found.items)
        context.update(
            kind=found.kind,
            page=Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
            query=_query(data),
            DOSSIER=DOSSIER,
            PROCEDURE=PROCEDURE,
            FEEDBACK=FEEDBACK,
        )
    return render(request, "serviceindex/lost.html", context, status=200 if form.is_valid() else 400)
