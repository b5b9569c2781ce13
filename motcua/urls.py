from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("MotCua administration")
admin.site.site_title = _("MotCua")
admin.site.index_title = _("One-stop shop administration")

urlpatterns = [
    path("", include("motcua.ratings.urls")),  # /rate/... public, /office/ratings/... staff
    path("", include("motcua.reports.urls")),  # /office/reports/... staff dashboard
    path("", include("motcua.portal.urls")),
    path("", include("motcua.serviceindex.urls")),  # /office/service-index/... staff
    path("office/", include("motcua.office.urls")),
    path("feedback/", include("motcua.feedback.urls")),
    path("citizen/", include("motcua.citizens.urls")),
    path("payments/", include("motcua.payments.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", include("motcua.api.urls")),
]
