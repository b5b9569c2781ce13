from django.contrib import admin
from django.db.models.functions import ExtractYear
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from .models import CalendarOverride


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            CalendarOverride.objects.annotate(year=ExtractYear("date"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(date__year=int(self.value()))
        return queryset


class ScopeFilter(admin.SimpleListFilter):
    title = _("scope")
    parameter_name = "scope"

    def lookups(self, request, model_admin):
        return [("global", _("everywhere")), ("agency", _("one agency and its subtree"))]

    def queryset(self, request, queryset):
        if self.value() == "global":
            return queryset.filter(agency__isnull=True)
        if self.value() == "agency":
            return queryset.filter(agency__isnull=False)
        return queryset


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ["date", "weekday", "kind", "name", "decision", "scope", "updated_at"]
    list_filter = [YearFilter, "kind", ScopeFilter, ("agency", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "decision", "agency__name", "agency__code"]
    autocomplete_fields = ["agency"]
    date_hierarchy = "date"
    list_select_related = ["agency"]
    fields = ["date", "kind", "name", "decision", "agency"]

    @admin.display(description=_("weekday"))
    def weekday(self, override: CalendarOverride) -> str:
        return WEEKDAYS[override.date.weekday()]

    @admin.display(description=_("applies to"), ordering="agency__path")
    def scope(self, override: CalendarOverride) -> str:
        return str(override.agency) if override.agency_id else _("everywhere")
