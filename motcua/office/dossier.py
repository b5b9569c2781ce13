"""The dossier page, its action forms (one service call each), its files and its slips.

A dossier is shown only to users who may view it in an agency it was received by, is held by, or passed
through (`dossiers.selectors.may_view`); anybody else gets 404, for the page, the files and the slips alike.
Files are streamed by these views after that check, never from a public media URL.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from motcua import clock
from motcua.dossiers import selectors
from motcua.dossiers.errors import DossierError
from motcua.dossiers.lifecycle import ReturnMethod
from motcua.dossiers.models import Dossier, DossierFile, DossierGroup

from . import presenting, slips
from .action_forms import ACTION_FORMS, ActionForm
from .widgets import mark_invalid

OPEN_BY_DEFAULT = {"receive", "forward", "finish", "return_result", "supplement", "record_payment"}


def visible_dossier(user, pk: int) -> Dossier:
    """The dossier if `user` may view it (`dossiers.selectors.may_view`), else 404: never say it exists."""
    dossier = selectors.visible_one(user, selectors.for_detail(Dossier.objects.filter(pk=pk)))
    if dossier is None:
        raise Http404
    return dossier


def page_context(request, dossier: Dossier, bound: ActionForm | None = None) -> dict:
    now = clock.now()
    names = [name for name in selectors.available_actions(request.user, dossier, now) if name in ACTION_FORMS]
    if bound is not None and bound.name not in names:
        names.append(bound.name)
    forms = [
        bound if bound is not None and bound.name == name else ACTION_FORMS[name](dossier=dossier)
        for name in names
    ]
    timeliness = presenting.timeliness(dossier, now)
    steps = list(dossier.steps.select_related("agency", "finished_by").order_by("number"))
    events = list(dossier.events.select_related("agency", "step").order_by("number"))
    return {
        "dossier": dossier,
        "version": dossier.procedure_version,
        "explanation": selectors.due_explanation(dossier),
        "timeliness": timeliness,
        "timeliness_label": presenting.TIMELINESS_LABELS.get(timeliness, ""),
        "pause_reason": presenting.pause_reason(dossier),
        "steps": [(step, step.finished_at is None and step.due_at < now) for step in steps],
        "events": [
            (event, presenting.event_label(event), presenting.event_details(event)) for event in events
        ],
        "documents": list(dossier.documents.all()),
        "fees": list(dossier.fees.all()),
        "apologies": list(dossier.apologies.select_related("issued_by").order_by("issued_at")),
        "forms": forms,
        "open_actions": OPEN_BY_DEFAULT,
        "slips": [(form, slips.TITLES.get(form, form)) for form in slips.available(dossier)],
        "delivery_label": (
            ReturnMethod(dossier.delivery_choice).label
            if dossier.delivery_choice in ReturnMethod.values
            else dossier.delivery_choice
        ),
        "delivery_address": selectors.delivery_address(dossier),
        "highlight_slip": request.GET.get("slip", ""),
        "now": now,
    }


@login_required
@require_GET
def dossier_page(request, pk: int):
    dossier = visible_dossier(request.user, pk)
    return render(request, "office/dossier/page.html", page_context(request, dossier))


@login_required
@require_POST
def act(request, pk: int, action: str):
    """Parse one action form, call its one service function, and show the result or the refusal."""
    form_class = ACTION_FORMS.get(action)
    if form_class is None:
        raise Http404
    dossier = visible_dossier(request.user, pk)
    form = form_class(request.POST, request.FILES, dossier=dossier)
    if form.is_valid():
        try:
            changed = form.perform(request.user)
        except DossierError as error:
            form.add_domain_error(error)
        else:
            messages.success(request, presenting.done_message(action, changed))
            url = reverse("office:dossier", args=[changed.pk])
            slip = presenting.SLIP_AFTER.get(action)
            if slip:
                url += f"?slip={slip}"
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    mark_invalid(form)
    if request.htmx:
        context = {"form": form, "dossier": dossier, "open_actions": OPEN_BY_DEFAULT}
        return render(request, "office/dossier/_action.html", context)
    return render(request, "office/dossier/page.html", page_context(request, dossier, bound=form))


def _private(response):
    patch_cache_control(response, private=True, no_cache=True)
    return response


@login_required
@require_GET
def download(request, pk: int, file_pk: int):
    """A scan or result file of a dossier the user may view, streamed (inline; ?download=1 to save it)."""
    dossier = visible_dossier(request.user, pk)
    stored = DossierFile.objects.filter(pk=file_pk, dossier=dossier).first()
    if stored is None:
        raise Http404
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        content_type=stored.content_type,
        as_attachment=bool(request.GET.get("download")),
        filename=stored.original_name,
    )
    return _private(response)


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return _private(response)


@login_required
@require_GET
def slip(request, pk: int, form: str):
    """Mẫu 01-05 of a dossier the user may view, when it applies."""
    dossier = visible_dossier(request.user, pk)
    if form not in slips.available(dossier):
        raise Http404
    return _pdf(slips.render(dossier, form), f"{dossier.code}-mau-{form}.pdf")


@login_required
@require_GET
def group_receipt(request, pk: int):
    """Mẫu 01 of a linked group (liên thông): for users who may view one of its dossiers."""
    group = DossierGroup.objects.filter(pk=pk).select_related("bundle").first()
    if group is None or not slips.enabled():
        raise Http404
    lead = group.dossiers.order_by("pk").first()
    if lead is None:
        raise Http404
    visible_dossier(request.user, lead.pk)
    return _pdf(slips.render_group(group), f"{lead.code}-mau-01.pdf")
