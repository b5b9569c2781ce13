"""GET /api/v1/service-index/?agency=&from=&to=: the index as `motcua service-index` prints it (JSON).

Token or session; the caller needs the right to view statistics at the agency (leaders, monitors and
administrators of it or of an agency above it). Errors in the dossier API's shape
(`{"error": {"code", "message", "details", "fields"}}`, through its handler): `invalid` (400, per input),
`not_authenticated` (401), `not_allowed` (403).
"""

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.dossiers.api.errors import DossierErrorSerializer, error_response, handle_exception
from motcua.org.selectors import Action, can

from .index import index
from .inputs import InputErrors, parse_request


class ServiceIndexIndicatorOut(serializers.Serializer):
    code = serializers.CharField(help_text="As in the Decision's method, e.g. 2.1.")
    group = serializers.IntegerField()
    name = serializers.CharField(help_text="Vietnamese name.")
    max_points = serializers.CharField(help_text='Decimal as a string, e.g. "20.00".')
    target = serializers.CharField(
        allow_null=True, help_text='Percentage for full points, e.g. "80.00"; null.'
    )
    computed = serializers.BooleanField(help_text="False: MotCua's data cannot feed this indicator.")
    numerator = serializers.IntegerField(allow_null=True)
    denominator = serializers.IntegerField(allow_null=True)
    ratio = serializers.CharField(
        allow_null=True, help_text="Percentage, two decimals half up; null when N/A."
    )
    points = serializers.CharField(
        allow_null=True, help_text="Null when not computed or the denominator is 0."
    )


class ServiceIndexGroupOut(serializers.Serializer):
    number = serializers.IntegerField()
    name = serializers.CharField()
    max_points = serializers.CharField()
    points = serializers.CharField()
    achievable = serializers.CharField()


class ServiceIndexOut(serializers.Serializer):
    agency = serializers.CharField()
    agency_name = serializers.CharField()
    # "from" is a Python keyword: declared below.
    to = serializers.DateField()
    total = serializers.CharField(help_text="Sum of the points of the indicators with a ratio.")
    achievable = serializers.CharField(help_text="Sum of the maxima of those indicators.")
    maximum = serializers.CharField(help_text="Sum of the maxima of every active indicator (100 by default).")
    score_100 = serializers.CharField(
        allow_null=True, help_text="total × 100 ÷ achievable; null without data."
    )
    band = serializers.CharField(allow_null=True, help_text="The rating band of score_100.")
    groups = ServiceIndexGroupOut(many=True)
    indicators = ServiceIndexIndicatorOut(many=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.DateField()
        return fields


class ServiceIndexView(APIView):
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def get_exception_handler(self):
        return handle_exception

    @extend_schema(
        operation_id="service_index",
        summary="Real-time service index (Decision 766) of an agency and its subtree over a period",
        description=(
            "Per indicator: numerator, denominator, ratio and points (full points at or above the target, "
            "else ratio × max ÷ target; without a target ratio × max ÷ 100); the total, the maximum "
            "achievable from MotCua's data, the total brought to 100 and its band. Definitions: "
            "docs/service-index.md. Needs the right to view statistics at the agency."
        ),
        parameters=[
            OpenApiParameter("agency", OpenApiTypes.STR, required=True, description="Agency code."),
            OpenApiParameter("from", OpenApiTypes.DATE, required=True, description="First day (YYYY-MM-DD)."),
            OpenApiParameter("to", OpenApiTypes.DATE, required=True, description="Last day, included."),
        ],
        responses={
            200: ServiceIndexOut,
            400: DossierErrorSerializer,
            401: DossierErrorSerializer,
            403: DossierErrorSerializer,
        },
    )
    def get(self, request):
        params = request.query_params
        try:
            wanted = parse_request(params.get("agency"), params.get("from"), params.get("to"))
        except InputErrors as error:
            message = _("Some values are missing or not valid: see the fields.")
            return error_response(400, "invalid", message, fields=error.errors)
        if not can(request.user, Action.VIEW_STATISTICS, wanted.agency):
            message = _("You may not view the statistics of this agency.")
            return error_response(403, "not_allowed", message, details={"agency": wanted.agency.code})
        return Response(index(wanted.agency, wanted.first_day, wanted.last_day).as_dict())


urlpatterns = [path("service-index/", ServiceIndexView.as_view(), name="service-index")]
