"""Work queues across the user's agencies, the search, and the register (Mẫu 06)."""

from datetime import timedelta

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from motcua import clock
from motcua.dossiers import selectors
from motcua.org.models import Agency
from motcua.org.selectors import Action, agencies_where, memberships_of

from . import slips
from .paging import paginate
from .widgets import style

QUEUE_LABELS = {
    selectors.TODO: _("To do"),
    selectors.DUE_TODAY: _("Due today"),
    selectors.DUE_SOON: _("Due within 1 working day"),
    selectors.OVERDUE: _("Overdue"),
    selectors.PAUSED: _("Paused: supplement or payment"),
    selectors.TO_RETURN: _("Results to return"),
    selectors.SUBMITTED: _("Submitted, waiting for the desk"),
}
QUEUE_HELP = {
    selectors.TODO: _("Dossiers whose current step is yours to work on."),
    selectors.DUE_TODAY: _("Your dossiers whose appointment falls later today."),
    selectors.DUE_SOON: _("Your dossiers whose appointment falls within one working day from now."),
    selectors.OVERDUE: _("Your dossiers whose appointment has passed."),
    selectors.PAUSED: _("Waiting for the applicant's supplement or payment: the clock is stopped."),
    selectors.TO_RETURN: _("Results ready, to hand back at your desk."),
    selectors.SUBMITTED: _("Filed online, or handed back after a supplement: check and receive them."),
}
ALERT_QUEUES = {selectors.OVERDUE, selectors.DUE_TODAY}
MAX_REGISTER_DAYS = 366


def queue_summary(user, now) -> tuple[dict, list[dict]]:
    """(conditions, [{name, label, help, count}]) of every queue: one counting query."""
    conditions = selectors.queue_conditions(user, now)
    counts = selectors.queue_counts(conditions)
    return conditions, [
        {
            "name": name,
            "label": QUEUE_LABELS[name],
            "help": QUEUE_HELP[name],
            "count": counts[name],
            "alert": name in ALERT_QUEUES and counts[name] > 0,
        }
        for name in selectors.QUEUES
    ]


def register_agencies(user):
    return (agencies_where(user, Action.RECEIVE) | agencies_where(user, Action.VIEW_STATISTICS)).order_by(
        "path"
    )


class RegisterForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), label=_("Agency of the register"))
    first_day = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    last_day = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        style(self)

    def clean(self):
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and first > last:
            self.add_error("last_day", _("The last day comes before the first."))
        elif first and last and (last - first).days >= MAX_REGISTER_DAYS:
            self.add_error("last_day", _("Print at most one year at a time."))
        return data


def register_form(user, data=None) -> RegisterForm | None:
    agencies = register_agencies(user)
    if not agencies.exists():
        return None
    today = timezone.localtime(clock.now()).date()
    initial = {
        "agency": agencies.first(),
        "first_day": today - timedelta(days=today.day - 1),
        "last_day": today,
    }
    return RegisterForm(data, agencies=agencies, initial=initial)


@login_required
@require_GET
def home(request):
    """The staff home: my queues with their counts, the search, the register, my agencies and roles."""
    now = clock.now()
    _conditions, queues = queue_summary(request.user, now)
    context = {
        "queues": queues,
        "memberships": memberships_of(request.user),
        "register_form": register_form(request.user) if slips.enabled() else None,
        "is_desk": agencies_where(request.user, Action.RECEIVE).exists(),
    }
    return render(request, "office/home.html", context)


@login_required
@require_GET
def queue_page(request, name: str):
    if name not in selectors.QUEUES:
        raise Http404
    now = clock.now()
    conditions, queues = queue_summary(request.user, now)
    rows = selectors.queue(conditions, name)
    page = paginate(rows, selectors.QUEUE_ORDER[name], request.GET.get("after"))
    context = {
        "queues": queues,
        "current": name,
        "label": QUEUE_LABELS[name],
        "help": QUEUE_HELP[name],
        "page": page,
        "now": now,
        "register_form": register_form(request.user) if slips.enabled() else None,
    }
    return render(request, "office/queues/page.html", context)


@login_required
@require_GET
def search(request):
    """Dossiers I may see, by code, ID number or applicant name (diacritics optional)."""
    query = request.GET.get("q", "").strip()
    page = None
    if query:
        found = selectors.search_dossiers(selectors.visible_to(request.user), query)
        page = paginate(
            selectors.for_list(found).order_by("-submitted_at", "-pk"),
            ("submitted_at", "pk"),
            request.GET.get("after"),
            descending=True,
        )
    context = {"query": query, "page": page, "now": clock.now()}
    return render(request, "office/search.html", context)


@login_required
@require_GET
def register(request):
    """Mẫu 06, the dossier register of an agency over a range of days, as PDF."""
    if not slips.enabled():
        raise Http404
    form = register_form(request.user, request.GET or None)
    if form is None:
        raise Http404
    if not form.is_bound or not form.is_valid():
        return render(request, "office/queues/register.html", {"register_form": form})
    data = form.cleaned_data
    content = slips.render_register(data["agency"], data["first_day"], data["last_day"])
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"so-theo-doi-{data['agency'].code}-{data['first_day']:%Y%m%d}-{data['last_day']:%Y%m%d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, private=True, no_cache=True)
    return response
