"""GET /api/v1/worktime/due: the due instant of a time limit and why, for anyone (no login).

Same input and rules as `motcua due` (motcua.worktime.inputs): received, amount, unit, optional agency, cutoff
and pause (repeatable, START/END). Errors: HTTP 400 with {"errors": {field: [message]}}, in the request's
language (Vietnamese by default).
"""

from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .explanations import describe
from .inputs import InputErrors, compute, parse_due_request
from .units import Unit

DueResponse = inline_serializer(
    "WorktimeDue",
    {
        "due": serializers.DateTimeField(help_text="Due instant, ISO 8601 with the +07:00 offset."),
        "explanation": serializers.ListField(
            child=serializers.CharField(), help_text="Why the due instant is where it is, one sentence each."
        ),
    },
)
ErrorResponse = inline_serializer(
    "WorktimeErrors",
    {
        "errors": serializers.DictField(
            child=serializers.ListField(child=serializers.CharField()),
            help_text="Messages per field (received, amount, unit, agency, cutoff, pauses).",
        )
    },
)


class DueView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="worktime_due",
        summary="Due instant of a time limit",
        description=(
            "Walks office hours over the agency's working calendar (Vietnam's holidays, official swaps, "
            "make-up Saturdays, overrides). working_days = 8 office hours each, counted from the receipt or "
            "the next opening; calendar_days and months follow the Civil Code (reception day not counted, "
            "end moved to the close of the next working day)."
        ),
        parameters=[
            OpenApiParameter(
                "received", OpenApiTypes.DATETIME, required=True, description="Receipt instant with offset."
            ),
            OpenApiParameter(
                "amount", OpenApiTypes.DECIMAL, required=True, description="e.g. 2.5; not negative."
            ),
            OpenApiParameter("unit", OpenApiTypes.STR, required=True, enum=[unit.value for unit in Unit]),
            OpenApiParameter(
                "agency", OpenApiTypes.STR, description="Agency code; default: national calendar."
            ),
            OpenApiParameter(
                "cutoff", OpenApiTypes.TIME, description="Same-day cut-off, e.g. 15:00 (working_days only)."
            ),
            OpenApiParameter(
                "pause",
                OpenApiTypes.STR,
                many=True,
                description="A pause (supplement requested → supplemented) as START/END; repeatable.",
            ),
        ],
        responses={200: DueResponse, 400: ErrorResponse},
        examples=[
            OpenApiExample(
                "Two and a half working days",
                value={"due": "2026-03-04T14:00:00+07:00", "explanation": ["…"]},
                response_only=True,
            )
        ],
    )
    def get(self, request):
        data = {
            name: request.query_params.get(name)
            for name in ("received", "amount", "unit", "agency", "cutoff")
        }
        data["pauses"] = request.query_params.getlist("pause")
        try:
            due, explanation, calendar = compute(parse_due_request(data), explain=True)
        except InputErrors as error:
            return Response({"errors": error.errors}, status=400)
        return Response({"due": due.isoformat(), "explanation": describe(explanation, calendar)})


urlpatterns = [
    path("due", DueView.as_view(), name="worktime-due"),
]
