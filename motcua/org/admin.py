from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Agency, AgencyKind, Membership


@admin.register(AgencyKind)
class AgencyKindAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "rank"]
    search_fields = ["name", "code"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = [
        "indented_name",
        "code",
        "kind",
        "parent",
        "office_hours",
        "receives_on_saturday",
        "is_active",
    ]
    list_filter = ["kind", "receives_on_saturday", "is_active"]
    search_fields = ["code", "name", "address"]
    autocomplete_fields = ["parent"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["code", "name", "kind", "parent", "is_active"]}),
        (_("Contact"), {"fields": ["address", "phone", "email"]}),
        (_("Office hours"), {"fields": ["office_hours", "receives_on_saturday"]}),
    ]

    @admin.display(description=_("name"), ordering="path")
    def indented_name(self, agency: Agency) -> str:
        return "— " * agency.depth + agency.name


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "agency", "role", "is_active"]
    list_filter = ["role", "is_active", "agency__kind"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "agency__name", "agency__code"]
    autocomplete_fields = ["user", "agency"]


User = get_user_model()


class StaffMembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["agency"]


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = [StaffMembershipInline]
