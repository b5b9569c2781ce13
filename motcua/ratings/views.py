"""Pages: the public rating page (no login, no JavaScript), the kiosk at the desk (opened by a logged-in desk
officer, answered by the citizen), and the leaders' summary. Thin: rules are in services and selectors."""

from datetime import date

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Sum
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from motcua import clock
from motcua.dossiers.models import Dossier
from motcua.org.models import Agency
from motcua.org.selectors import Action, agencies_where

from . import selectors, services
from .errors import AlreadyRated, NotOpen, RatingError
from .forms import EntryForm, KioskCodeForm, RatingForm
from .models import Channel

# --- public ----------------------------------------------------------------------------------------------


def _not_found(request, code: str = ""):
    """The same page for an unknown code and a wrong secret: it says nothing about the dossier."""
    form = EntryForm(initial={"code": code})
    return render(request, "ratings/not_found.html", {"form": form}, status=404)


@require_http_methods(["GET"])
def entry(request):
    """/rate/: type the code and the secret from the receipt."""
    form = EntryForm(request.GET or None)
    if form.is_valid():
        url = reverse("ratings:rate", args=[form.cleaned_data["code"].strip()])
        return HttpResponseRedirect(f"{url}?{urlencode({'secret': form.cleaned_data['secret'].strip()})}")
    return render(request, "ratings/entry.html", {"form": form})


@require_http_methods(["GET", "POST"])
def rate(request, code: str):
    """/rate/<code>/?secret=...: the citizen's questions; submitted once, then thanks."""
    secret = request.POST.get("secret") if request.method == "POST" else request.GET.get("secret")
    dossier = selectors.find_for_rating(code, secret or "")
    if dossier is None:
        return _not_found(request, code)
    if selectors.rated_through(dossier, Channel.ONLINE):
        return render(request, "ratings/closed.html", {"dossier": dossier, "already": True}, status=409)
    if not selectors.is_open(dossier):
        return render(request, "ratings/closed.html", {"dossier": dossier, "already": False}, status=409)
    form = RatingForm(selectors.citizen_indicators(), request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit(dossier, Channel.ONLINE, form.answers(), form.cleaned_data["overall"])
        except AlreadyRated:
            return render(request, "ratings/closed.html", {"dossier": dossier, "already": True}, status=409)
        except NotOpen:
            return render(request, "ratings/closed.html", {"dossier": dossier, "already": False}, status=409)
        except RatingError as error:
            form.add_service_errors(error.errors or {None: [error.message]})
        else:
            return redirect("ratings:thanks")
    status = 400 if form.is_bound else 200
    return render(
        request,
        "ratings/rate.html",
        {"dossier": dossier, "form": form, "secret": dossier.lookup_secret},
        status=status,
    )


def thanks(request):
    return render(request, "ratings/thanks.html")


# --- kiosk -----------------------------------------------------------------------------------------------


def _require_desk(user) -> None:
    if not agencies_where(user, Action.RETURN_RESULT).exists() and not user.is_superuser:
        raise PermissionDenied(_("The kiosk is opened by a desk officer."))


def _kiosk_dossier(user, code: str) -> Dossier | None:
    dossier = (
        Dossier.objects.select_related("procedure_version", "receiving_agency")
        .filter(code=code.strip())
        .first()
    )
    if dossier is None or not services.may_run_kiosk(user, dossier):
        return None
    return dossier


def _kiosk_problem(dossier: Dossier | None) -> str | None:
    if dossier is None:
        return _("No dossier with this code was received at your desk.")
    if selectors.rated_through(dossier, Channel.KIOSK):
        return _("This dossier has already been rated at the kiosk.")
    if not selectors.is_open(dossier):
        return _("This dossier cannot be rated now.")
    return None


@login_required
@require_http_methods(["GET", "POST"])
def kiosk(request):
    """The kiosk's welcome screen; the officer picks the dossier just served, or types or scans its code."""
    _require_desk(request.user)
    form = KioskCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        dossier = _kiosk_dossier(request.user, form.cleaned_data["code"])
        problem = _kiosk_problem(dossier)
        if problem is None:
            return redirect("ratings:kiosk-rate", code=dossier.code)
        form.add_error("code", problem)
    today = timezone.localtime(clock.now()).replace(hour=0, minute=0, second=0, microsecond=0)
    return render(
        request,
        "ratings/kiosk/welcome.html",
        {"form": form, "served": selectors.served_by(request.user, since=today)},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def kiosk_rate(request, code: str):
    _require_desk(request.user)
    dossier = _kiosk_dossier(request.user, code)
    problem = _kiosk_problem(dossier)
    if problem is not None:
        return render(
            request, "ratings/kiosk/problem.html", {"problem": problem}, status=409 if dossier else 404
        )
    form = RatingForm(selectors.citizen_indicators(), request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit(
                dossier, Channel.KIOSK, form.answers(), form.cleaned_data["overall"], officer=request.user
            )
        except RatingError as error:
            if not error.errors:
                return render(request, "ratings/kiosk/problem.html", {"problem": error.message}, status=409)
            form.add_service_errors(error.errors)
        else:
            return redirect("ratings:kiosk-thanks")
    return render(
        request,
        "ratings/kiosk/rate.html",
        {"dossier": dossier, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
def kiosk_thanks(request):
    _require_desk(request.user)
    return render(request, "ratings/kiosk/thanks.html", {"seconds": selectors.policy().kiosk_reset_seconds})


# --- leaders and monitors --------------------------------------------------------------------------------


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


class PeriodForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=gettext_lazy("Agency"))
    start = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=gettext_lazy("To (inclusive)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, agencies, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data


@login_required
def summary(request):
    """/office/ratings/: Art. 15 scores per agency and officer over a period, with bands, and the ratings."""
    agencies = agencies_where(request.user, Action.VIEW_STATISTICS).order_by("path")
    if not agencies.exists():
        raise PermissionDenied(_("Ratings are shown to leaders and monitors."))
    today = timezone.localdate(clock.now())
    defaults = {"agency": agencies.first().pk, "start": quarter_start(today), "end": today}
    form = PeriodForm(agencies, request.GET or defaults)
    context = {"form": form}
    if form.is_valid():
        agency, start, end = (form.cleaned_data[key] for key in ("agency", "start", "end"))
        found = selectors.summary(agency, start, end)
        ratings = (
            selectors.ratings_in(agency, start, end)
            .select_related("dossier", "officer", "agency")
            .annotate(points=Sum("answers__points"))
            .order_by("-submitted_at", "-pk")
        )
        page = Paginator(ratings, 50).get_page(request.GET.get("page"))
        query = urlencode({"agency": agency.pk, "start": start.isoformat(), "end": end.isoformat()})
        context.update(summary=found, numbers=[i.number for i in found.indicators], page=page, query=query)
    return render(request, "ratings/office/summary.html", context, status=200 if form.is_valid() else 400)
