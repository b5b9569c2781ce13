"""The outbox in the admin (in Vietnamese): messages with their attempts, “retry now”, the plugins' checks,
webhook subscriptions, the demo SMS log and escalations. Everything is read-only except subscriptions; the
one write, “retry now”, goes through `services.retry_now`."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from motcua.dossiers.lifecycle import TRANSITIONS

from . import services
from .models import Attempt, Escalation, LoggedSms, Message, Subscription
from .plugins.sms import masked


def masked_recipient(value: str) -> str:
    if "@" in value:
        name, _at, domain = value.partition("@")
        return f"{name[:1]}***@{domain}"
    return masked(value) if value else ""


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields] + list(self.readonly_fields)


class AttemptInline(admin.TabularInline):
    model = Attempt
    extra = 0
    can_delete = False
    fields = ["started_at", "outcome", "error", "duration_ms", "retry_at", "worker"]
    readonly_fields = fields
    ordering = ["pk"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = [
        "pk",
        "kind",
        "channel",
        "to",
        "status",
        "tries",
        "next_attempt_at",
        "created_at",
        "delivered_at",
        "short_error",
    ]
    list_filter = ["status", "channel", "kind"]
    search_fields = ["key", "dossier__code"]
    date_hierarchy = "created_at"
    list_select_related = ["dossier"]
    inlines = [AttemptInline]
    actions = ["retry_now"]
    exclude = ["leased_attempt", "task_id"]
    readonly_fields = ["tries"]

    def get_readonly_fields(self, request, obj=None):
        excluded = set(self.exclude)
        return [name for name in super().get_readonly_fields(request, obj) if name not in excluded]

    @admin.display(description=_("recipient"))
    def to(self, message: Message) -> str:
        return masked_recipient(message.recipient)

    @admin.display(description=_("tries, all rounds"))
    def tries(self, message: Message) -> int:
        return message.attempt_set.count()

    @admin.display(description=_("last error"))
    def short_error(self, message: Message) -> str:
        return message.last_error[:80]

    @admin.action(description=_("Retry now"), permissions=["change"])
    def retry_now(self, request, queryset) -> None:
        count = services.retry_now(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d message will be sent again now.",
                "%(count)d messages will be sent again now.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def get_urls(self):
        overview = path(
            "plugins/", self.admin_site.admin_view(self.plugins_view), name="notices_message_plugins"
        )
        return [overview, *super().get_urls()]

    def plugins_view(self, request):
        context = {
            **self.admin_site.each_context(request),
            "title": _("Delivery plugins and their configuration"),
            "opts": self.model._meta,
            "plugins": services.plugin_checks(),
        }
        return TemplateResponse(request, "admin/notices/plugins.html", context)

    def changelist_view(self, request, extra_context=None):
        extra = {"plugins_url": reverse("admin:notices_message_plugins"), **(extra_context or {})}
        return super().changelist_view(request, extra_context=extra)


class SubscriptionForm(forms.ModelForm):
    url = forms.URLField(label=_("address (URL)"), max_length=500, assume_scheme="https")
    event_types = forms.MultipleChoiceField(
        label=_("dossier actions"),
        choices=[(action, action) for action in TRANSITIONS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every action."),
    )

    class Meta:
        model = Subscription
        fields = ["name", "agency", "url", "secret", "event_types", "is_active"]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    form = SubscriptionForm
    list_display = ["name", "agency", "url", "actions_sent", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "url", "agency__name", "agency__code"]
    autocomplete_fields = ["agency"]

    @admin.display(description=_("dossier actions"))
    def actions_sent(self, subscription: Subscription) -> str:
        return ", ".join(subscription.event_types) or _("all")


@admin.register(LoggedSms)
class LoggedSmsAdmin(ReadOnlyAdmin):
    list_display = ["sent_at", "phone", "text", "message_link"]
    search_fields = ["phone", "key"]

    @admin.display(description=_("outgoing message"))
    def message_link(self, sms: LoggedSms):
        if sms.message_id is None:
            return ""
        url = reverse("admin:notices_message_change", args=[sms.message_id])
        return format_html('<a href="{}">#{}</a>', url, sms.message_id)


@admin.register(Escalation)
class EscalationAdmin(ReadOnlyAdmin):
    list_display = ["step", "escalated_at", "overdue_minutes", "leaders"]
    list_select_related = ["step__dossier"]
