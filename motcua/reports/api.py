"""The settlement report over REST, mounted at /api/v1/reports/ by one include in motcua/api/urls.py.

GET /api/v1/reports/settlement/?agency=CODE&from=YYYY-MM-DD&to=YYYY-MM-DD[&by=...]
    the JSON of `motcua report settlement --format json` (exports.settlement_json), for a caller who may view
    the statistics of the agency (a monitor, leader or administrator of it or of an agency above it).

Errors have the dossier API's shape ({"error": {"code", "message", "details", "fields"}}, in the request's
language): 400 invalid (`fields` names each refused input), 401, 403 not_allowed.
"""

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua.dossiers.api.errors import DossierErrorSerializer, error_response, handle_exception
from motcua.org.selectors import Action, can

from .exports import settlement_json
from .inputs import InputErrors, parse_settlement_request
from .settlement import BREAKDOWNS

# --- the shape, for the schema ---------------------------------------------------------------------------

RATE = 'A percentage with two decimals, rounded half up, as a string: "92.10"; "0.00" for 0 of 0.'


class ReceivedOut(serializers.Serializer):
    total = serializers.IntegerField(help_text="II.06a column 3: online + direct_postal + carried_over.")
    online = serializers.IntegerField(help_text="Column 4: received online within the period.")
    direct_postal = serializers.IntegerField(help_text="Column 5: received at the desk or by post within it.")
    carried_over = serializers.IntegerField(
        help_text="Column 6: received before the period, open at its start."
    )


class ResolvedOut(serializers.Serializer):
    total = serializers.IntegerField(help_text="Column 7: early + on_time + late.")
    early = serializers.IntegerField(help_text="Column 8.")
    on_time = serializers.IntegerField(help_text="Column 9.")
    late = serializers.IntegerField(help_text="Column 10.")


class InProgressOut(serializers.Serializer):
    total = serializers.IntegerField(help_text="Column 11: within_time + overdue.")
    within_time = serializers.IntegerField(help_text="Column 12 (a paused dossier is within time).")
    overdue = serializers.IntegerField(help_text="Column 13.")


class RatesOut(serializers.Serializer):
    resolved = serializers.CharField(help_text="Resolved % of received. " + RATE)
    early = serializers.CharField(help_text="Early % of resolved.")
    on_time = serializers.CharField(help_text="On time % of resolved.")
    late = serializers.CharField(help_text="Late % of resolved.")


class EvaluationRatesOut(serializers.Serializer):
    evaluated = serializers.CharField(help_text="Evaluated % of dossiers. " + RATE)
    satisfied = serializers.CharField(help_text="Satisfied % of evaluated.")


class EvaluationsOut(serializers.Serializer):
    dossiers = serializers.IntegerField(help_text="Dossiers received within the period.")
    evaluated = serializers.IntegerField(help_text="Of them, rated by the applicant at least once.")
    satisfied = serializers.IntegerField(help_text="Of them, rated satisfied or very satisfied.")
    rates = EvaluationRatesOut()


class FiguresOut(serializers.Serializer):
    received = ReceivedOut()
    resolved = ResolvedOut()
    in_progress = InProgressOut()
    rates = RatesOut()
    evaluations = EvaluationsOut()


class SettlementRowOut(FiguresOut):
    key = serializers.CharField(
        help_text="The row's key: agency code, field code, procedure code, level, channel or YYYY-MM."
    )


class SettlementOut(FiguresOut):
    agency = serializers.CharField(help_text="The agency's code; the report covers its whole subtree.")
    # "from" is a Python keyword: the field is declared below.
    to = serializers.DateField(help_text="Last day, included.")
    by = serializers.ChoiceField(choices=BREAKDOWNS, allow_null=True, help_text="The breakdown, or null.")
    rows = SettlementRowOut(many=True, help_text="One row per key of the breakdown; empty without one.")

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.DateField(help_text="First day (Vietnamese calendar date).")
        return fields


# --- the view --------------------------------------------------------------------------------------------


class SettlementReport(APIView):
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def get_exception_handler(self):
        return handle_exception

    @extend_schema(
        operation_id="reports_settlement",
        summary="The settlement report (Biểu II.06a) of an agency and its subtree over a period",
        description=(
            "Exactly the JSON of `motcua report settlement --format json` (docs/reports.md): counts as "
            "integers, rates as strings with two decimals. For callers who may view the statistics of the "
            "agency (its monitors, leaders and administrators, and those of the agencies above it)."
        ),
        parameters=[
            OpenApiParameter("agency", OpenApiTypes.STR, required=True, description="Agency code."),
            OpenApiParameter(
                "from", OpenApiTypes.DATE, required=True, description="First day, YYYY-MM-DD (Vietnamese)."
            ),
            OpenApiParameter("to", OpenApiTypes.DATE, required=True, description="Last day, included."),
            OpenApiParameter("by", OpenApiTypes.STR, enum=list(BREAKDOWNS), description="One row per key."),
        ],
        responses={
            200: SettlementOut,
            400: OpenApiResponse(DossierErrorSerializer, description="A refused input (code invalid)."),
            401: OpenApiResponse(DossierErrorSerializer, description="No or a wrong token."),
            403: OpenApiResponse(
                DossierErrorSerializer, description="The caller may not view this agency's statistics."
            ),
        },
    )
    def get(self, request):
        params = request.query_params
        try:
            asked = parse_settlement_request(
                params.get("agency"), params.get("from"), params.get("to"), params.get("by")
            )
        except InputErrors as error:
            message = _("Some values are missing or not valid: see the fields.")
            return error_response(400, "invalid", message, fields=error.errors)
        if not can(request.user, Action.VIEW_STATISTICS, asked.agency):
            message = _("You may not view the statistics of this agency.")
            return error_response(403, "not_allowed", message, details={"agency": asked.agency.code})
        return Response(settlement_json(asked.agency, asked.first_day, asked.last_day, asked.by))


urlpatterns = [path("settlement/", SettlementReport.as_view(), name="reports-settlement")]
