"""Ratings over REST, mounted under /api/v1/ by one include in motcua/api/urls.py.

POST /api/v1/public/ratings/         no login: a citizen's online rating, proven by code + lookup secret
GET  /api/v1/ratings/summary         leaders and monitors: Art. 15 scores of an agency over a period

Errors: {"code": stable code, "detail": message, "errors": {field: [message]}} in the request's language; a
wrong code and a wrong secret give the same 404.
"""

from django.urls import path
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from motcua import clock
from motcua.org.models import Agency
from motcua.org.selectors import Action, can

from . import selectors, services
from .errors import RatingError
from .models import Channel, Overall
from .views import quarter_start

# --- serializers -----------------------------------------------------------------------------------------


class PublicRatingRequest(serializers.Serializer):
    code = serializers.CharField(max_length=60, help_text="The dossier code on the receipt.")
    secret = serializers.CharField(max_length=12, help_text="The lookup secret on the receipt.")
    # A plain string (not an enum) so the schema's enum for the dossiers' own "channel" keeps its name.
    channel = serializers.CharField(
        default=Channel.ONLINE, help_text='Always "online" here (the kiosk is a page).'
    )
    overall = serializers.ChoiceField(choices=Overall.values)
    answers = serializers.DictField(
        child=serializers.IntegerField(min_value=0),
        help_text=(
            "Indicator code -> answer, for every indicator the citizen answers (GET the rules in "
            "docs/ratings.md): a number of contacts or agencies for number indicators, the points of the "
            "chosen level (0, 1, 2) for choice indicators. Indicators 1-2 are scored from the dossier."
        ),
    )

    def validate_channel(self, value: str) -> str:
        if value != Channel.ONLINE:
            raise serializers.ValidationError(_("Unknown rating channel."))
        return value


class AnswerOut(serializers.Serializer):
    indicator = serializers.CharField()
    number = serializers.IntegerField()
    points = serializers.IntegerField()


class RatingOut(serializers.Serializer):
    code = serializers.CharField()
    channel = serializers.CharField()
    overall = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    answers = AnswerOut(many=True)


class ErrorOut(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False)


class IndicatorOut(serializers.Serializer):
    number = serializers.IntegerField()
    code = serializers.CharField()
    text_vi = serializers.CharField()
    text_en = serializers.CharField()
    max_points = serializers.IntegerField()
    per_dossier = serializers.BooleanField()


class ScoreOut(serializers.Serializer):
    indicator = serializers.IntegerField()
    score = serializers.DecimalField(max_digits=4, decimal_places=1, coerce_to_string=False, allow_null=True)


class BandOut(serializers.Serializer):
    name_vi = serializers.CharField()
    name_en = serializers.CharField()


class GroupOut(serializers.Serializer):
    scores = ScoreOut(many=True)
    total = serializers.DecimalField(max_digits=4, decimal_places=1, coerce_to_string=False)
    complete = serializers.BooleanField(help_text="Every indicator has a score; only then is there a band.")
    band = BandOut(allow_null=True)
    ratings = serializers.IntegerField()
    dossiers = serializers.IntegerField()
    overall = serializers.DictField(child=serializers.IntegerField())
    satisfied_percent = serializers.DecimalField(
        max_digits=4, decimal_places=1, coerce_to_string=False, allow_null=True
    )


class AgencyGroupOut(GroupOut):
    agency = serializers.CharField(help_text="Agency code.")
    name = serializers.CharField()


class OfficerGroupOut(GroupOut):
    username = serializers.CharField()
    name = serializers.CharField()


class SummaryOut(serializers.Serializer):
    agency = serializers.CharField()
    name = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()
    indicators = IndicatorOut(many=True)
    total = GroupOut(allow_null=True)
    agencies = AgencyGroupOut(many=True)
    officers = OfficerGroupOut(many=True)


def _group(group) -> dict:
    return {
        "scores": [{"indicator": number, "score": score} for number, score in group.scores.items()],
        "total": group.total,
        "complete": group.complete,
        "band": {"name_vi": group.band.name_vi, "name_en": group.band.name_en} if group.band else None,
        "ratings": group.ratings,
        "dossiers": group.dossiers,
        "overall": group.overall,
        "satisfied_percent": group.satisfied_percent,
    }


def _error(error: RatingError) -> Response:
    body = {"code": error.code, "detail": error.message}
    if error.errors:
        body["errors"] = error.errors
    return Response(body, status=error.http_status)


# --- views -----------------------------------------------------------------------------------------------


class RatingThrottle(AnonRateThrottle):
    """Guessing lookup secrets costs time: a client gets 30 tries a minute."""

    scope = "public_ratings"
    rate = "30/minute"


class PublicRatingView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [RatingThrottle]

    @extend_schema(
        operation_id="public_ratings_create",
        summary="Rate a dossier online (Decree 61 art. 31; Circular 01/2018 art. 13)",
        description=(
            "One online rating per dossier. Open from reception until the configured number of days after "
            "the result is returned. The officer rated is the one who returned the result (or received it)."
        ),
        request=PublicRatingRequest,
        responses={201: RatingOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut, 429: ErrorOut},
    )
    def post(self, request):
        incoming = PublicRatingRequest(data=request.data)
        if not incoming.is_valid():
            return Response(
                {
                    "code": "invalid",
                    "detail": _("Some answers are missing or wrong."),
                    "errors": incoming.errors,
                },
                status=400,
            )
        data = incoming.validated_data
        dossier = selectors.find_for_rating(data["code"], data["secret"])
        if dossier is None:
            return Response(
                {"code": "not_found", "detail": _("No dossier matches this code and lookup secret.")},
                status=404,
            )
        try:
            rating = services.submit(dossier, Channel.ONLINE, data["answers"], data["overall"])
        except RatingError as error:
            return _error(error)
        answers = rating.answers.select_related("indicator").order_by("indicator__number")
        body = {
            "code": dossier.code,
            "channel": rating.channel,
            "overall": rating.overall,
            "submitted_at": rating.submitted_at,
            "answers": [
                {"indicator": a.indicator.code, "number": a.indicator.number, "points": a.points}
                for a in answers
            ],
        }
        return Response(RatingOut(body).data, status=201)


class SummaryView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="ratings_summary",
        summary="Art. 15 scores of an agency (and its units) per agency and officer over a period",
        description=(
            "Each indicator: the average over the dossiers rated of their points, rounded to one decimal "
            "(a dossier rated through two channels counts once); total = sum of the indicator scores; band "
            "from the classification table. Needs the right to view statistics at the agency."
        ),
        parameters=[
            OpenApiParameter("agency", OpenApiTypes.STR, required=True, description="Agency code."),
            OpenApiParameter("from", OpenApiTypes.DATE, description="First day; default: start of quarter."),
            OpenApiParameter("to", OpenApiTypes.DATE, description="Last day (included); default: today."),
        ],
        responses={200: SummaryOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    )
    def get(self, request):
        code = (request.query_params.get("agency") or "").strip()
        agency = Agency.objects.filter(code=code).first() if code else None
        if agency is None:
            return Response({"code": "not_found", "detail": _("No agency has this code.")}, status=404)
        if not can(request.user, Action.VIEW_STATISTICS, agency):
            return Response(
                {"code": "not_allowed", "detail": _("You may not view the statistics of this agency.")},
                status=403,
            )
        today = timezone.localdate(clock.now())
        errors, period = {}, {}
        for name, default in (("from", quarter_start(today)), ("to", today)):
            raw = request.query_params.get(name)
            try:
                period[name] = parse_date(raw) if raw else default
            except ValueError:
                period[name] = None
            if period[name] is None:
                errors[name] = [_("Give a date as YYYY-MM-DD.")]
        if not errors and period["from"] > period["to"]:
            errors["to"] = [_("The period ends before it starts.")]
        if errors:
            return Response(
                {"code": "invalid", "detail": _("The period is wrong."), "errors": errors}, status=400
            )
        found = selectors.summary(agency, period["from"], period["to"])
        body = {
            "agency": agency.code,
            "name": agency.name,
            "start": found.start,
            "end": found.end,
            "indicators": [
                {
                    "number": i.number,
                    "code": i.code,
                    "text_vi": i.text_vi,
                    "text_en": i.text_en,
                    "max_points": i.max_points,
                    "per_dossier": i.per_dossier,
                }
                for i in found.indicators
            ],
            "total": _group(found.total) if found.total else None,
            "agencies": [
                {**_group(g), "agency": g.key.code, "name": g.key.name}
                for g in found.agencies
                if g.key is not None
            ],
            "officers": [
                {**_group(g), "username": g.key.get_username(), "name": g.label} for g in found.officers
            ],
        }
        return Response(SummaryOut(body).data)


urlpatterns = [
    path("public/ratings/", PublicRatingView.as_view(), name="public-ratings"),
    path("ratings/summary", SummaryView.as_view(), name="ratings-summary"),
]
