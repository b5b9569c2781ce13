"""The desk's reception screen: choose a procedure, tick the documents handed in, enter the applicant, decide.

Receive (submit + receive in one transaction, Mẫu 01), request a supplement (Mẫu 02) or refuse (Mẫu 03); a
bundle (liên thông) is received through `services.receive_bundle`. The form posts through htmx, so on an error
only the error summary is swapped in and nothing typed (the scans included) is lost; without htmx the whole
form comes back filled in.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget

from motcua import clock
from motcua.catalog.models import Bundle
from motcua.catalog.selectors import current_version, procedures_in_force
from motcua.dossiers import services
from motcua.dossiers.errors import DossierError
from motcua.dossiers.rules import may_receive
from motcua.org.selectors import Action, agencies_where
from motcua.text import fold
from motcua.worktime.explanations import format_instant
from motcua.worktime.selectors import calendar_for, due_for

from .reception_forms import (
    RECEIVE,
    REFUSE,
    SUPPLEMENT,
    ApplicantForm,
    ChoiceForm,
    DecisionForm,
    DocumentsForm,
    chosen,
)
from .widgets import mark_invalid, style

MAX_PROCEDURES = 15
MAX_BUNDLES = 5


def desk_agencies(user):
    return agencies_where(user, Action.RECEIVE).select_related("kind").order_by("path")


def _documents_of(version):
    return list(version.documents.order_by("order", "pk")) if version is not None else []


def _lead_version(version, bundle):
    return version if bundle is None else current_version(bundle.lead.code)


@login_required
def reception(request):
    agencies = desk_agencies(request.user)
    if not agencies.exists():
        return render(request, "office/reception/not_desk.html", status=403)
    if request.method != "POST":
        context = {
            "choice_form": style(ChoiceForm(agencies=agencies, initial={"agency": agencies.first()})),
            "applicant_form": style(ApplicantForm()),
            "decision_form": style(DecisionForm()),
            "documents_form": None,
            "single_agency": agencies.count() == 1,
        }
        return render(request, "office/reception/page.html", context)
    return _post(request, agencies)


def _post(request, agencies):
    choice_form = ChoiceForm(request.POST, agencies=agencies)
    agency = version = bundle = lead = None
    if choice_form.is_valid():
        agency, version, bundle = chosen(choice_form)
        lead = _lead_version(version, bundle)
    documents = _documents_of(lead)
    applicant_form = ApplicantForm(request.POST)
    documents_form = DocumentsForm(request.POST, request.FILES, documents=documents)
    decision_form = DecisionForm(request.POST, documents=documents)
    forms = (choice_form, applicant_form, documents_form, decision_form)
    errors = []
    if all([form.is_valid() for form in forms]):
        if lead is None:
            errors.append(_("The lead procedure of this bundle is not in force."))
        else:
            try:
                dossier, message = _decide(request.user, agency, lead, bundle, *forms[1:])
            except DossierError as error:
                errors.append(error.message)
            else:
                messages.success(request, message)
                url = reverse("office:dossier", args=[dossier.pk])
                if request.htmx:
                    return HttpResponseClientRedirect(url)
                return redirect(url)
    for form in forms:
        style(form)
        mark_invalid(form)
    context = {
        "choice_form": choice_form,
        "applicant_form": applicant_form,
        "documents_form": documents_form if lead is not None else None,
        "decision_form": decision_form,
        "errors": errors,
        "forms": forms,
        "version": lead,
        "bundle": bundle,
        "agency": agency,
        "single_agency": agencies.count() == 1,
    }
    if request.htmx:
        response = render(request, "office/reception/_errors.html", context)
        return reswap(retarget(response, "#reception-errors"), "innerHTML")
    return render(request, "office/reception/page.html", context)


def _decide(user, agency, lead, bundle, applicant_form, documents_form, decision_form):
    """Call the services for the desk's decision; return the dossier to show and what to tell the officer."""
    data = applicant_form.cleaned_data
    intake = services.Intake(
        lead,
        agency,
        data["channel"],
        applicant_form.applicant(),
        documents_form.received(),
        data["delivery_choice"],
        data["delivery_address"],
    )
    decision = decision_form.cleaned_data["decision"]
    if decision == RECEIVE and bundle is not None:
        group = services.receive_bundle(bundle, intake, user)
        members = list(group.dossiers.order_by("pk"))
        dossier = next((d for d in members if d.procedure_version_id == lead.pk), members[0])
        codes = ", ".join(member.code for member in members)
        return dossier, _("Linked dossiers received under one receipt: %(codes)s.") % {"codes": codes}
    with transaction.atomic():
        dossier = services.submit(intake, user)
        if decision == RECEIVE:
            dossier = services.receive(dossier, user, expected_version=dossier.version)
            message = _("Dossier %(code)s received. Print the receipt (Mẫu 01) for the applicant.")
        elif decision == SUPPLEMENT:
            dossier = services.request_supplement(
                dossier,
                user,
                missing=decision_form.missing(),
                reason=decision_form.cleaned_data["supplement_reason"],
                expected_version=dossier.version,
            )
            message = _("Supplement requested for %(code)s. Print Mẫu 02 for the applicant.")
        else:
            assert decision == REFUSE
            dossier = services.refuse(
                dossier,
                user,
                reasons=decision_form.cleaned_data["refusal_reasons"],
                expected_version=dossier.version,
            )
            message = _("Dossier %(code)s refused. Print Mẫu 03 for the applicant.")
    return dossier, message % {"code": dossier.code}


# --- the procedure picker (htmx fragments) -----------------------------------------------------------------


def _agency_from(request, agencies):
    pk = request.GET.get("agency", "")
    return (agencies.filter(pk=pk).first() if pk.isdigit() else None) or agencies.first()


@login_required
@require_GET
def procedure_choices(request):
    """Procedures in force (and bundles) the agency may receive whose name or code matches every typed word,
    diacritics optional."""
    agencies = desk_agencies(request.user)
    agency = _agency_from(request, agencies)
    query = request.GET.get("q", "")
    words = fold(query).split()
    versions, bundles = [], []
    if agency is not None and words:
        condition = Q()
        for word in words:
            condition &= Q(name_folded__contains=word)
        candidates = (
            procedures_in_force()
            .prefetch_related(None)
            .filter(condition | Q(procedure__code__startswith=query.strip()))[: MAX_PROCEDURES * 3]
        )
        versions = [version for version in candidates if may_receive(agency, version)][:MAX_PROCEDURES]
        for bundle in Bundle.objects.select_related("lead").order_by("code"):
            name = fold(bundle.name)
            if all(word in name for word in words):
                lead = current_version(bundle.lead.code)
                if lead is not None and may_receive(agency, lead):
                    bundles.append(bundle)
            if len(bundles) >= MAX_BUNDLES:
                break
    context = {"versions": versions, "bundles": bundles, "query": query, "searched": bool(words)}
    return render(request, "office/reception/_procedures.html", context)


@login_required
@require_GET
def procedure_documents(request):
    """The chosen procedure's documents to tick, its limit and fees, and the appointment if received now."""
    agencies = desk_agencies(request.user)
    choice_form = ChoiceForm(request.GET, agencies=agencies)
    if not choice_form.is_valid():
        return render(request, "office/reception/_documents.html", {"documents_form": None})
    agency, version, bundle = chosen(choice_form)
    lead = _lead_version(version, bundle)
    documents = _documents_of(lead)
    context = {
        "documents_form": style(DocumentsForm(documents=documents)),
        "decision_form": style(DecisionForm(documents=documents)),
        "version": lead,
        "bundle": bundle,
        "agency": agency,
        "preview": _appointment_preview(agency, lead),
        "oob": True,
    }
    return render(request, "office/reception/_documents.html", context)


def _appointment_preview(agency, version) -> str:
    if version is None:
        return ""
    try:
        due = due_for(
            agency,
            clock.now(),
            version.committed_limit_value,
            version.committed_limit_unit,
            (),
            version.same_day_cutoff,
        )
    except ValueError:
        return ""
    return format_instant(due, calendar_for(agency))
