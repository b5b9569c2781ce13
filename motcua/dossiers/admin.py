"""Dossiers in the admin: to look, never to change. A dossier changes only through its business actions
(`services.py`, reached from the office screens and the API); here there is no add, no edit, no delete, and
each user sees only the dossiers of the agencies where they may view dossiers (superusers see all)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua import clock
from motcua.org.models import AgencyKind

from . import selectors
from .lifecycle import ReturnMethod, State
from .models import Apology, Dossier, DossierDocument, DossierEvent, DossierFee, DossierStep, Pause

# The business actions of the event log, as people name them.
ACTION_LABELS = {
    "submit": _("submitted"),
    "receive": _("received"),
    "request_supplement_at_desk": _("supplement requested at the desk"),
    "request_supplement": _("supplement requested during processing"),
    "supplement": _("supplemented"),
    "refuse": _("refused"),
    "forward": _("forwarded"),
    "send_back": _("sent back"),
    "request_payment": _("payment requested"),
    "record_payment": _("payment recorded"),
    "finish": _("result issued"),
    "return_result": _("result returned"),
    "stop": _("processing stopped"),
    "withdraw": _("withdrawn"),
    "apologise": _("apology and new appointment"),
    "allow_another_apology": _("another apology allowed"),
    "reschedule": _("appointment moved by a calendar change"),
}


def return_method_label(value: str) -> str:
    return ReturnMethod(value).label if value in ReturnMethod.values else value or "—"


class ReceivingAgencyKind(admin.SimpleListFilter):
    title = _("receiving agency kind")
    parameter_name = "receiving_kind"

    def lookups(self, request, model_admin):
        return list(AgencyKind.objects.values_list("code", "name"))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(receiving_agency__kind__code=self.value())
        return queryset


class ReadOnlyInline(admin.TabularInline):
    """A part of the dossier's record, shown as it is."""

    extra = 0
    max_num = 0
    can_delete = False
    select_related: tuple[str, ...] = ()

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.select_related)

    def has_view_permission(self, request, obj=None):
        return True  # the dossier's own admin has already decided who sees it

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StepInline(ReadOnlyInline):
    model = DossierStep
    fk_name = "dossier"
    fields = [
        "number",
        "name",
        "agency",
        "role",
        "budget_hours",
        "started_at",
        "due_at",
        "finished_at",
        "outcome",
        "late",
        "is_transfer",
    ]
    select_related = ("agency",)


class DocumentInline(ReadOnlyInline):
    model = DossierDocument
    fields = ["name", "form", "quantity", "file", "added_at"]
    select_related = ("file",)


class FeeInline(ReadOnlyInline):
    model = DossierFee
    fields = ["name", "amount", "paid_at", "payment_reference", "paid_online"]


class PauseInline(ReadOnlyInline):
    model = Pause
    fields = ["reason", "started_at", "ended_at"]


class ApologyInline(ReadOnlyInline):
    model = Apology
    fields = ["reason", "previous_due_at", "new_due_at", "issued_at", "issued_by"]
    select_related = ("issued_by",)


class EventInline(ReadOnlyInline):
    model = DossierEvent
    fields = [
        "number",
        "action_label",
        "at",
        "actor_name",
        "agency",
        "from_label",
        "to_label",
        "step",
        "note",
    ]
    select_related = ("agency", "step")

    @admin.display(description=_("action"))
    def action_label(self, event: DossierEvent) -> str:
        return ACTION_LABELS.get(event.action, event.action)

    @admin.display(description=_("from"))
    def from_label(self, event: DossierEvent) -> str:
        return State(event.from_state).label if event.from_state else "—"

    @admin.display(description=_("to"))
    def to_label(self, event: DossierEvent) -> str:
        return State(event.to_state).label


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "procedure",
        "applicant_name",
        "receiving_agency",
        "current_agency",
        "state",
        "received_at",
        "due_at",
        "overdue",
    ]
    list_select_related = ["procedure_version__procedure", "receiving_agency", "current_agency"]
    list_filter = ["state", "channel", ReceivingAgencyKind, "received_at"]
    search_fields = ["code"]  # shows the search box; the search itself is get_search_results
    search_help_text = _(
        "Start of the code, start of the applicant's name (diacritics optional), or ID number."
    )
    ordering = ["-pk"]
    show_full_result_count = False  # no second COUNT over the whole table on every page
    inlines = [StepInline, DocumentInline, FeeInline, PauseInline, ApologyInline, EventInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "code",
                    "procedure_version",
                    "group",
                    "channel",
                    ("state", "national_status"),
                    "supplement_stage",
                    "receiving_agency",
                    "current_agency",
                    "current_step",
                ]
            },
        ),
        (
            _("Applicant"),
            {
                "fields": [
                    "applicant_is_organisation",
                    "applicant_name",
                    "applicant_id_number",
                    "applicant_birth_date",
                    "applicant_address",
                    ("applicant_phone", "applicant_email"),
                    ("representative_name", "representative_id_number", "representative_phone"),
                    "submitted_by",
                ]
            },
        ),
        (
            _("Time limits"),
            {
                "fields": [
                    "submitted_at",
                    "received_at",
                    ("original_due_at", "due_at"),
                    ("paused_since", "paused_minutes"),
                    "finished_at",
                    "returned_at",
                    ("supplement_count", "apology_count", "apologies_allowed"),
                ]
            },
        ),
        (
            _("Result"),
            {
                "fields": [
                    "result_number",
                    "result_date",
                    "result_signer",
                    "result_file",
                    "delivery_choice_label",
                    "return_method_label",
                ]
            },
        ),
        (_("Record"), {"fields": ["version_number", "updated_at"]}),
    ]

    def get_queryset(self, request):
        dossiers = (
            super()
            .get_queryset(request)
            .select_related(
                "procedure_version__procedure", "receiving_agency", "current_agency", "current_step"
            )
        )
        return selectors.visible_to(request.user, dossiers)

    def get_search_results(self, request, queryset, search_term):
        return selectors.search_dossiers(queryset, search_term), False

    @admin.display(description=_("procedure"), ordering="procedure_version__procedure__code")
    def procedure(self, dossier: Dossier) -> str:
        return f"{dossier.procedure_version.procedure.code} · {dossier.procedure_version.name}"

    @admin.display(description=_("result delivery chosen"))
    def delivery_choice_label(self, dossier: Dossier) -> str:
        return return_method_label(dossier.delivery_choice)

    @admin.display(description=_("result returned"))
    def return_method_label(self, dossier: Dossier) -> str:
        return return_method_label(dossier.return_method)

    @admin.display(description=pgettext_lazy("dossier", "version"))
    def version_number(self, dossier: Dossier) -> int:
        return dossier.version

    @admin.display(description=_("overdue"), boolean=True)
    def overdue(self, dossier: Dossier) -> bool:
        return selectors.is_overdue(dossier, clock.now())

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
