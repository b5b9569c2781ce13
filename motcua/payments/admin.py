"""Online payments in the admin: read-only payments with what the gateways said, the sandbox bank's ledger,
and the gateways' configuration checks. Nothing is edited here: statuses change only in settling.py."""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from . import services
from .models import CallbackLog, Payment, SandboxTransaction


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class CallbackLogInline(admin.TabularInline):
    model = CallbackLog
    extra = 0
    can_delete = False
    fields = ["received_at", "source", "outcome", "verified", "transaction_id", "detail", "raw"]
    readonly_fields = fields
    ordering = ["pk"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = [
        "order_id",
        "dossier",
        "gateway",
        "amount",
        "status",
        "transaction_id",
        "created_at",
        "paid_at",
        "recorded",
        "problem",
    ]
    list_filter = ["status", "gateway", "recorded", "problem"]
    search_fields = ["order_id", "transaction_id", "dossier__code"]
    list_select_related = ["dossier"]
    date_hierarchy = "created_at"
    inlines = [CallbackLogInline]

    def get_urls(self):
        overview = path(
            "gateways/", self.admin_site.admin_view(self.gateways_view), name="payments_payment_gateways"
        )
        return [overview, *super().get_urls()]

    def gateways_view(self, request):
        context = {
            **self.admin_site.each_context(request),
            "title": _("Payment gateways and their configuration"),
            "opts": self.model._meta,
            "gateways": services.gateway_checks(),
        }
        return TemplateResponse(request, "admin/payments/gateways.html", context)

    def changelist_view(self, request, extra_context=None):
        extra = {"gateways_url": reverse("admin:payments_payment_gateways"), **(extra_context or {})}
        return super().changelist_view(request, extra_context=extra)


@admin.register(CallbackLog)
class CallbackLogAdmin(ReadOnlyAdmin):
    list_display = ["received_at", "gateway", "source", "order_id", "outcome", "verified", "remote_address"]
    list_filter = ["outcome", "source", "gateway", "verified"]
    search_fields = ["order_id", "transaction_id"]
    date_hierarchy = "received_at"


@admin.register(SandboxTransaction)
class SandboxTransactionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "order_id", "transaction_id", "amount", "status"]
    search_fields = ["order_id", "transaction_id"]
