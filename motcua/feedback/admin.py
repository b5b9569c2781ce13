"""Administrators change the time limits (data); feedback is read-only here (it changes through services)."""

from django.contrib import admin

from .models import DeadlineRule, Feedback


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(admin.ModelAdmin):
    list_display = ["stage", "amount", "unit", "counted_from", "source"]
    readonly_fields = ["stage"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "classification", "state", "agency", "submitted_at", "due_at", "late"]
    list_filter = ["state", "classification", "late"]
    search_fields = ["code", "title_folded", "sender_name_folded"]
    list_select_related = ["agency"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
