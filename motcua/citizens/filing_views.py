"""The online submission's pages (start, applicant, documents, delivery, review, filed) and the citizen's own
dossier page (decisions, slips, online supplement, electronic result). Thin: filing.py and my_dossier.py
decide; a draft or a dossier of somebody else is 404, as one that does not exist."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from motcua.catalog.selectors import current_version
from motcua.dossiers.errors import DossierError
from motcua.dossiers.lifecycle import ReturnMethod
from motcua.dossiers.slips import render_slip
from motcua.ratings.selectors import is_open as rating_open
from motcua.ratings.selectors import rating_url

from . import filing, my_dossier, sessions
from .filing_forms import ApplicantForm, DeliveryForm, NoteForm, applicant_initial
from .models import Draft
from .presenting import STEPS, document_rows, resume_url, tracking_url
from .selectors import reusable_documents
from .views import _private

REUSE_CHOICES = 50  # the newest files of "my documents" offered for reuse


def _draft(request, pk: int) -> Draft:
    draft = filing.open_draft(request.citizen, pk)
    if draft is None:
        raise Http404
    return draft


def _page(request, draft: Draft, step: int, template: str, context: dict, status: int = 200):
    steps = [
        {
            "number": number,
            "label": Draft.Step(number).label,
            "url": reverse(url_name, args=[draft.pk]),
            "current": number == step,
            "open": filing.ready_for(draft, number),
        }
        for number, url_name in STEPS
    ]
    context = {"draft": draft, "version": draft.procedure_version, "steps": steps, "step": step, **context}
    return _private(render(request, template, context, status=status))


def _next(draft: Draft, step: int):
    return redirect(reverse(STEPS[step][1], args=[draft.pk]))  # STEPS is 0-based: STEPS[step] is step + 1


def _closed(request, draft: Draft, step: int):
    """A step opened before the ones it needs: back to the first step not done."""
    if filing.ready_for(draft, step):
        return None
    return redirect(reverse(STEPS[draft.step_done][1], args=[draft.pk]))


@never_cache
@sessions.citizen_required
@require_http_methods(["GET", "HEAD", "POST"])
def start(request, code: str):
    version = current_version(code)
    if version is None:
        raise Http404
    offered, may_file = filing.offers_online(version), filing.may_file(request.citizen)
    existing = filing.open_drafts(request.citizen).filter(procedure_version=version).first()
    error = ""
    if request.method == "POST":
        try:
            draft = filing.start(request.citizen, version)
        except filing.FilingError as refused:
            error = refused.message
        else:
            return redirect(resume_url(draft))
    context = {
        "version": version,
        "offered": offered,
        "may_file": may_file,
        "existing": existing,
        "error": error,
    }
    return _private(render(request, "citizens/filing/start.html", context, status=400 if error else 200))


@never_cache
@sessions.citizen_required
@require_http_methods(["GET", "HEAD", "POST"])
def applicant(request, pk: int):
    draft = _draft(request, pk)
    form = ApplicantForm(request.POST or None, draft=draft, initial=applicant_initial(draft))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            filing.save_applicant(
                draft,
                receiving_agency=data["receiving_agency"],
                name=data["name"],
                id_number=data["id_number"],
                birth_date=data["birth_date"],
                address=data["address"],
                phone=data["phone"],
                email=data["email"],
            )
        except filing.FilingError as error:
            form.add_service_error(error)
        else:
            return _next(draft, Draft.Step.APPLICANT)
    status = 400 if form.errors else 200
    return _page(
        request, draft, Draft.Step.APPLICANT, "citizens/filing/applicant.html", {"form": form}, status
    )


@never_cache
@sessions.citizen_required
@require_http_methods(["GET", "HEAD", "POST"])
def documents(request, pk: int):
    draft = _draft(request, pk)
    if (closed := _closed(request, draft, Draft.Step.DOCUMENTS)) is not None:
        return closed
    errors: dict[int, str] = {}
    general = ""
    if request.method == "POST":
        if request.POST.get("remove", "").isdigit():
            filing.remove_document(draft, int(request.POST["remove"]))
        for required in draft.procedure_version.documents.all():
            upload = request.FILES.get(f"doc-{required.pk}")
            reuse = request.POST.get(f"reuse-{required.pk}", "")
            try:
                if upload is not None:
                    filing.attach_upload(draft, required, upload)
                elif reuse.isdigit():
                    filing.attach_reused(draft, required, int(reuse))
            except filing.FilingError as error:
                errors[required.pk] = error.message
        if not errors and "next" in request.POST and "remove" not in request.POST:
            try:
                filing.finish_documents(draft)
            except filing.FilingError as error:
                general = error.message
            else:
                return _next(draft, Draft.Step.DOCUMENTS)
    rows = [
        {"required": required, "given": given, "error": errors.get(required.pk, "")}
        for required, given in filing.components(draft)
    ]
    reusable = document_rows(reusable_documents(request.citizen)[:REUSE_CHOICES])
    context = {
        "rows": rows,
        "reusable": reusable,
        "general": general,
        "has_errors": bool(errors or general),
        "max_mb": settings.MOTCUA_UPLOAD_MAX_MB,
    }
    status = 400 if errors or general else 200
    return _page(request, draft, Draft.Step.DOCUMENTS, "citizens/filing/documents.html", context, status)


@never_cache
@sessions.citizen_required
@require_http_methods(["GET", "HEAD", "POST"])
def delivery(request, pk: int):
    draft = _draft(request, pk)
    if (closed := _closed(request, draft, Draft.Step.DELIVERY)) is not None:
        return closed
    initial = {"choice": draft.delivery_choice, "address": draft.delivery_address or draft.applicant_address}
    form = DeliveryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            filing.save_delivery(
                draft, choice=form.cleaned_data["choice"], address=form.cleaned_data["address"]
            )
        except filing.FilingError as error:
            form.add_service_error(error)
        else:
            return _next(draft, Draft.Step.DELIVERY)
    status = 400 if form.errors else 200
    return _page(request, draft, Draft.Step.DELIVERY, "citizens/filing/delivery.html", {"form": form}, status)


@never_cache
@sessions.citizen_required
@require_http_methods(["GET", "HEAD", "POST"])
def review(request, pk: int):
    draft = _draft(request, pk)
    if (closed := _closed(request, draft, Draft.Step.REVIEW)) is not None:
        return closed
    error = ""
    if request.method == "POST":
        try:
            filing.file(draft)
        except filing.FilingError as refused:
            error = refused.message
        else:
            return redirect("citizens:draft-filed", pk=draft.pk)
    context = {
        "components": filing.components(draft),
        "delivery_label": _delivery_label(draft),
        "error": error,
    }
    return _page(
        request, draft, Draft.Step.REVIEW, "citizens/filing/review.html", context, 400 if error else 200
    )


def _delivery_label(draft: Draft) -> str:
    return (
        str(ReturnMethod(draft.delivery_choice).label) if draft.delivery_choice in ReturnMethod.values else ""
    )


@never_cache
@sessions.citizen_required
@require_POST
def discard(request, pk: int):
    filing.discard(_draft(request, pk))
    messages.info(request, _("The draft was deleted."))
    return redirect("citizens:dossiers")


@never_cache
@sessions.citizen_required
@require_safe
def filed(request, pk: int):
    draft = filing.filed_draft(request.citizen, pk)
    if draft is None:
        raise Http404
    dossier = draft.dossier
    context = {"dossier": dossier, "tracking_url": tracking_url(dossier)}
    return _private(render(request, "citizens/filing/filed.html", context))


# --- the citizen's own dossier ------------------------------------------------------------------------------


def _own(request, code: str):
    dossier = my_dossier.own_dossier(request.citizen, code)
    if dossier is None:
        raise Http404
    return dossier


@never_cache
@sessions.citizen_required
@require_http_methods(["GET", "HEAD", "POST"])
def dossier(request, code: str):
    found = _own(request, code)
    missing = my_dossier.missing_now(found)
    form = NoteForm(request.POST if request.method == "POST" else None)
    errors: list[str] = []
    if request.method == "POST":
        files = [(item, request.FILES.get(f"missing-{index}")) for index, item in enumerate(missing)]
        if not my_dossier.may_supplement(found):
            errors.append(_("No supplement is asked for this dossier now."))
        elif not any(upload for _item, upload in files):
            errors.append(_("Add the documents that were asked for."))
        elif form.is_valid():
            try:
                my_dossier.supplement_online(found, request.citizen, files, form.cleaned_data["note"])
            except DossierError as error:
                errors.append(error.message)
            else:
                messages.success(
                    request, _("Your documents were sent. The agency will go on with your dossier.")
                )
                return redirect("citizens:dossier", code=found.code)
    context = {
        "dossier": found,
        "decisions": my_dossier.decisions(found),
        "slips": my_dossier.slips(found),
        "missing": [(index, item) for index, item in enumerate(missing)],
        "form": form,
        "supplement_errors": errors,
        "result": my_dossier.electronic_result(found),
        "rating_url": rating_url(found) if rating_open(found) else "",
        "tracking_url": tracking_url(found),
    }
    return _private(render(request, "citizens/my_dossier.html", context, status=400 if errors else 200))


@sessions.citizen_required
@require_safe
def slip(request, code: str, form: str):
    found = _own(request, code)
    if form not in dict(my_dossier.slips(found)):
        raise Http404
    response = HttpResponse(render_slip(found, form), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="mau-{form}-{found.code}.pdf"'
    return _private(response)
