"""The index's rules are data: groups, indicators (maxima, targets, formulas) and bands are edited here."""

from django.contrib import admin

from .models import Band, Group, Indicator


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["code", "order", "name", "max_points", "target", "is_active"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "max_points"]
    inlines = [IndicatorInline]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "group", "max_points", "target", "is_active"]
    list_filter = ["group", "is_active"]
    search_fields = ["code", "name"]


@admin.register(Band)
class BandAdmin(admin.ModelAdmin):
    list_display = ["order", "label", "min_points"]
