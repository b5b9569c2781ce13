"""The catalogue in the admin. Versions in force are read-only: "create a new version" copies one into a
draft, "publish" puts a draft in force (the version in force until then becomes amended)."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.text import fold

from . import rules, services
from .models import (
    Bundle,
    BundleMember,
    Fee,
    Field,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    RequiredDocument,
    Status,
    TimeUnit,
)


def show_limit(limit: rules.Limit) -> str:
    return f"{formats.number_format(rules.number(limit.value))} {TimeUnit(limit.unit).label}"


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "procedures_in_force"]
    search_fields = ["code", "name"]

    def get_queryset(self, request):
        in_force = Count("versions", filter=Q(versions__status=Status.IN_FORCE))
        return super().get_queryset(request).annotate(in_force=in_force)

    @admin.display(description=_("procedures in force"), ordering="in_force")
    def procedures_in_force(self, field: Field) -> int:
        return field.in_force


class EditableOnlyInDraft:
    """Inline rows of a version can be changed only while the version is a draft."""

    def has_add_permission(self, request, obj=None):
        return (obj is None or obj.is_editable) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return (obj is None or obj.is_editable) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (obj is None or obj.is_editable) and super().has_delete_permission(request, obj)


class RequiredDocumentInline(EditableOnlyInDraft, admin.TabularInline):
    model = RequiredDocument
    fields = ["order", "name", "originals", "copies", "required", "form"]
    extra = 0


class FeeInline(EditableOnlyInDraft, admin.TabularInline):
    model = Fee
    fields = ["order", "name", "amount", "note"]
    extra = 0


class ProcessStepInline(EditableOnlyInDraft, admin.TabularInline):
    model = ProcessStep
    fields = ["order", "name", "agency", "role", "hours"]
    autocomplete_fields = ["agency"]
    extra = 0


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "name",
        "field",
        "level",
        "committed_limit_display",
        "reduction_display",
        "online_level",
        "status",
        "number",
    ]
    list_display_links = ["code", "name"]
    list_filter = ["status", "field", "level", "online_level", "agency_kinds"]
    search_fields = ["procedure__code", "name"]
    list_select_related = ["procedure", "field"]
    autocomplete_fields = ["procedure", "field"]
    filter_horizontal = ["agency_kinds"]
    inlines = [RequiredDocumentInline, FeeInline, ProcessStepInline]
    actions = ["make_new_version", "publish", "abolish"]
    readonly_fields = ["number", "status", "effective_at", "ended_at", "created_at", "created_by"]
    fieldsets = [
        (None, {"fields": ["procedure", "name", "field", "level", "agency_kinds", "subjects"]}),
        (
            _("Filing and online service"),
            {"fields": ["channel_direct", "channel_online", "channel_postal", "online_level"]},
        ),
        (
            _("Time limits"),
            {
                "fields": [
                    ("legal_limit_value", "legal_limit_unit"),
                    ("committed_limit_value", "committed_limit_unit"),
                    "same_day_cutoff",
                ]
            },
        ),
        (_("Content"), {"fields": ["conditions", "result", "result_is_document", "legal_basis"]}),
        (_("Publication"), {"fields": ["publication_decision", "publication_date"]}),
        (
            _("Version"),
            {
                "fields": ["number", "status", "effective_at", "ended_at", "created_at", "created_by"],
                "description": _(
                    "A version in force cannot be changed: select it in the list, use “Create a new "
                    "version”, change the draft, then “Publish” it."
                ),
            },
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "procedure"] if obj else self.readonly_fields

    @admin.display(description=_("code"), ordering="procedure__code")
    def code(self, version: ProcedureVersion) -> str:
        return version.procedure.code

    @admin.display(description=_("committed time limit"))
    def committed_limit_display(self, version: ProcedureVersion) -> str:
        return show_limit(version.committed_limit)

    @admin.display(description=_("reduction"))
    def reduction_display(self, version: ProcedureVersion) -> str:
        found = version.reduction
        return f"{formats.number_format(found.percent, 2)} %" if found else "—"

    def has_change_permission(self, request, obj=None):
        return (obj is None or obj.is_editable) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (obj is None or obj.is_editable) and super().has_delete_permission(request, obj)

    def get_search_results(self, request, queryset, search_term):
        """Also find names typed without diacritics ("dang ky khai sinh")."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            found |= queryset.filter(name_folded__contains=fold(search_term))
        return found, duplicates

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # only drafts may be deleted, one by one
        return actions

    def save_model(self, request, obj, form, change):
        if not change:  # a version made in the admin starts as a draft, numbered after the last one
            obj.status = Status.DRAFT
            obj.created_by = request.user
            obj.number = services.next_number(obj.procedure)
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Create a new version (a draft copy)"), permissions=["change"])
    def make_new_version(self, request, queryset):
        for version in queryset.select_related("procedure"):
            try:
                draft = services.new_draft(version, actor=request.user)
            except services.CatalogueError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                message = gettext("Draft version %(number)s of %(code)s created.")
                self.message_user(request, message % {"number": draft.number, "code": draft.code})

    @admin.action(description=_("Publish (put the draft in force)"), permissions=["change"])
    def publish(self, request, queryset):
        for version in queryset.select_related("procedure"):
            try:
                services.publish(version, actor=request.user)
            except services.CatalogueError as error:
                message = gettext("%(code)s was not published: %(reasons)s") % {
                    "code": version.code,
                    "reasons": " ".join(str(reason) for reason in error.messages),
                }
                self.message_user(request, message, messages.ERROR)
            else:
                message = gettext("Version %(number)s of %(code)s is in force.")
                self.message_user(request, message % {"number": version.number, "code": version.code})

    @admin.action(description=_("Abolish (no longer in force)"), permissions=["change"])
    def abolish(self, request, queryset):
        for version in queryset.select_related("procedure"):
            try:
                services.abolish(version, actor=request.user)
            except services.CatalogueError as error:
                self.message_user(request, f"{version.code}: {error}", messages.ERROR)
            else:
                self.message_user(request, gettext("%(code)s is abolished.") % {"code": version.code})


class VersionInline(admin.TabularInline):
    model = ProcedureVersion
    fields = ["number", "name", "status", "effective_at", "ended_at"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ["code", "current_name", "current_status", "version_count"]
    search_fields = ["code", "versions__name"]
    inlines = [VersionInline]

    def get_queryset(self, request):
        latest = ProcedureVersion.objects.filter(procedure=OuterRef("pk")).exclude(status=Status.DRAFT)
        latest = latest.order_by("-number")
        return (
            super()
            .get_queryset(request)
            .annotate(
                current_name=Subquery(latest.values("name")[:1]),
                current_status=Subquery(latest.values("status")[:1]),
                version_count=Count("versions"),
            )
        )

    def get_readonly_fields(self, request, obj=None):
        return ["code"] if obj else []

    @admin.display(description=_("name"), ordering="current_name")
    def current_name(self, procedure: Procedure) -> str:
        return procedure.current_name or "—"

    @admin.display(description=_("status"))
    def current_status(self, procedure: Procedure) -> str:
        return Status(procedure.current_status).label if procedure.current_status else _("draft only")

    @admin.display(description=_("versions"), ordering="version_count")
    def version_count(self, procedure: Procedure) -> int:
        return procedure.version_count


class MemberFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        members = [
            form.cleaned_data["procedure"]
            for form in self.forms
            if form.cleaned_data.get("procedure") and not form.cleaned_data.get("DELETE")
        ]
        if len(members) < 2:
            raise forms.ValidationError(_("Linked procedures have at least two procedures."))
        if self.instance.lead_id and self.instance.lead not in members:
            raise forms.ValidationError(_("The lead procedure must be one of the member procedures."))


class BundleMemberInline(admin.TabularInline):
    model = BundleMember
    formset = MemberFormSet
    fields = ["order", "procedure"]
    autocomplete_fields = ["procedure"]
    extra = 0


@admin.register(Bundle)
class BundleAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "lead", "member_count"]
    search_fields = ["code", "name", "members__procedure__code"]
    autocomplete_fields = ["lead"]
    inlines = [BundleMemberInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("lead").annotate(member_count=Count("members"))

    @admin.display(description=_("member procedures"), ordering="member_count")
    def member_count(self, bundle: Bundle) -> int:
        return bundle.member_count
