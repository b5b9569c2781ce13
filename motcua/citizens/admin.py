"""Citizens' accounts in the admin (read-mostly: a citizen edits their own details), and the VNeID
configuration check (`oidc.client.check_config`) on its own page, linked from the list."""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path

from . import vneid
from .models import Citizen
from .oidc import client as oidc


@admin.register(Citizen)
class CitizenAdmin(admin.ModelAdmin):
    list_display = [
        "full_name",
        "email",
        "phone",
        "identity_source",
        "email_verified_at",
        "phone_verified_at",
    ]
    list_filter = ["identity_source"]
    search_fields = ["full_name", "email", "phone", "id_number"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "user",
        "identity_source",
        "vneid_issuer",
        "vneid_subject",
        "level_of_assurance",
        "vneid_linked_at",
        "email_verified_at",
        "phone_verified_at",
        "created_at",
    ]
    fields = ["full_name", "id_number", "email", "phone", *readonly_fields]

    def has_add_permission(self, request) -> bool:
        return False  # citizens register themselves

    def get_urls(self):
        check = self.admin_site.admin_view(self.vneid_check)
        return [path("vneid-check/", check, name="citizens_vneid_check"), *super().get_urls()]

    def vneid_check(self, request):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "VNeID",
            "checks": oidc.check_config(),
            "config": oidc.config(),
            "redirect_uri": vneid.redirect_uri(),
        }
        return TemplateResponse(request, "admin/citizens/vneid_check.html", context)
