"""The rules are data: indicators with their levels, bands and the policy are edited here. Ratings are read
only (a citizen's answer is never edited)."""

from django.contrib import admin

from .models import Answer, Band, Indicator, Level, Policy, Rating


class LevelInline(admin.TabularInline):
    model = Level
    extra = 0
    fields = ["order", "points", "timeliness", "up_to", "text_vi", "text_en"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["number", "text_vi", "rule", "max_points", "per_dossier", "is_active"]
    list_filter = ["rule", "is_active"]
    inlines = [LevelInline]


@admin.register(Band)
class BandAdmin(admin.ModelAdmin):
    list_display = ["order", "name_vi", "lower", "inclusive"]


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ["__str__", "open_days_after_return", "kiosk_reset_seconds"]

    def has_add_permission(self, request):
        return not Policy.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = ["indicator", "points", "count", "timeliness"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["dossier", "channel", "overall", "agency", "officer", "submitted_at"]
    list_filter = ["channel", "overall"]
    search_fields = ["dossier__code"]
    date_hierarchy = "submitted_at"
    inlines = [AnswerInline]
    readonly_fields = ["dossier", "channel", "agency", "officer", "overall", "submitted_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
