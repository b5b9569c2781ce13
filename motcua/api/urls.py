from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

v1 = [
    path("org/", include("motcua.org.api")),
    path("worktime/", include("motcua.worktime.api")),
    path("catalog/", include("motcua.catalog.api")),
    path("", include("motcua.ratings.api")),  # public/ratings/, ratings/summary
    path("", include("motcua.feedback.api")),  # public/feedback/ and feedback/
    path("public/", include("motcua.portal.api")),
    path("dossiers/", include("motcua.dossiers.api")),
    path("", include("motcua.serviceindex.api")),  # service-index/
    path("reports/", include("motcua.reports.api")),
]

urlpatterns = [
    path("v1/", include(v1)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
