"""The public tracking API (no login), mounted under /api/v1/public/ apart from the private APIs.

GET /api/v1/public/track/{code}?secret=...   (or ?phone=<last four digits>)

The same rules as the tracking page: an unknown code and a wrong secret give the same 404, more than 20 wrong
tries a minute from one address are refused with 429, and the applicant appears only as initials. The
catalogue is public too, at /api/v1/catalog/.
"""

from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from . import ratelimit, selectors
from .tracking import look_up


class TrackingEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    action = serializers.CharField(help_text="The business action, e.g. receive, forward, finish.")
    text = serializers.CharField(help_text="What happened, in plain words (Accept-Language: vi or en).")


class TrackingFeeSerializer(serializers.Serializer):
    name = serializers.CharField()
    amount = serializers.IntegerField(help_text="VND.")


class TrackingCollectionSerializer(serializers.Serializer):
    method = serializers.CharField(help_text="desk, post or online.")
    method_label = serializers.CharField()
    agency = serializers.CharField()
    address = serializers.CharField()
    phone = serializers.CharField()
    office_hours = serializers.CharField()


class TrackedDossierSerializer(serializers.Serializer):
    code = serializers.CharField()
    procedure_code = serializers.CharField()
    procedure_name = serializers.CharField()
    applicant_initials = serializers.CharField(help_text='The applicant\'s initials only, e.g. "N.V.A.".')
    state = serializers.CharField()
    national_status = serializers.IntegerField(
        help_text="Status code 1-10 of the National Public Service Portal."
    )
    status = serializers.CharField(help_text="The state in plain words.")
    status_text = serializers.CharField()
    current_agency = serializers.CharField(help_text="Where the dossier is now (empty once it is closed).")
    submitted_at = serializers.DateTimeField()
    received_at = serializers.DateTimeField(allow_null=True)
    due_at = serializers.DateTimeField(allow_null=True, help_text="The appointment for the result now.")
    original_due_at = serializers.DateTimeField(allow_null=True, help_text="The appointment on the receipt.")
    new_appointment_after_apology = serializers.BooleanField()
    paused = serializers.BooleanField(help_text="The clock is paused (supplement or payment awaited).")
    finished_at = serializers.DateTimeField(allow_null=True)
    returned_at = serializers.DateTimeField(allow_null=True)
    missing = serializers.ListField(child=serializers.CharField(), help_text="Documents asked for.")
    fees_due = TrackingFeeSerializer(many=True)
    timeline = TrackingEntrySerializer(many=True)
    collection = TrackingCollectionSerializer()


DETAIL = inline_serializer("PublicTrackingError", {"detail": serializers.CharField()})


@extend_schema(
    tags=["public"],
    parameters=[
        OpenApiParameter("secret", OpenApiTypes.STR, description="The lookup code printed on the receipt."),
        OpenApiParameter(
            "phone", OpenApiTypes.STR, description="Instead of the secret: the last four digits of the phone."
        ),
    ],
    responses={
        200: TrackedDossierSerializer,
        400: OpenApiResponse(DETAIL, description="Neither a secret nor four phone digits were given."),
        404: OpenApiResponse(
            DETAIL, description="No dossier with this code and secret (the same either way)."
        ),
        429: OpenApiResponse(DETAIL, description="More than 20 wrong tries this minute from this address."),
    },
)
class TrackDossier(APIView):
    """A dossier's progress for whoever holds its code and lookup secret (or the last four phone digits)."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = []

    def get(self, request, code: str):
        secret = request.query_params.get("secret", "")
        phone = request.query_params.get("phone", "")
        if not secret and not (len(phone) == selectors.PHONE_DIGITS and phone.isdigit()):
            return private(
                Response(
                    {
                        "detail": _(
                            "Give the lookup code (secret) or the last four digits of the phone (phone)."
                        )
                    },
                    status=400,
                )
            )
        found = look_up(ratelimit.client_address(request), code, secret=secret, phone_digits=phone)
        if found.refused:
            response = Response(
                {
                    "detail": _(
                        "Too many wrong tries from your connection. Please wait a minute and try again."
                    )
                },
                status=429,
            )
            response["Retry-After"] = str(found.retry_after)
            return private(response)
        if found.dossier is None:
            return private(Response({"detail": _("Dossier not found.")}, status=404))
        return private(Response(TrackedDossierSerializer(found.dossier).data))


def private(response):
    response["Cache-Control"] = "no-store"
    return response


urlpatterns = [
    path("track/<str:code>", TrackDossier.as_view(), name="public-track"),
]
