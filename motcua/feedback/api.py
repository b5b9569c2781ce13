"""Feedback and petitions over REST, mounted under /api/v1/ by one include in motcua/api/urls.py.

Public (no login, throttled):
    GET  public/feedback/                      published feedback and answers (no personal data)
    POST public/feedback/                      send feedback (JSON or multipart with `attachment`)
    GET  public/feedback/{code}/?secret=       the sender's view; without the secret, only if published
    POST public/feedback/{code}/supplement/    the sender supplies information asked for (with the secret)
Staff (login or token):
    GET  feedback/                             what the user may view; ?queue=, ?agency=, ?state=, ?q=
    GET  feedback/{code}/                      detail: stages, timeline, the actions open to the user
    POST feedback/{code}/{action}/             one business action; `version` guards against stale pages

Errors: {"error": {"code", "message", "details", "fields"}}; code is one of invalid, not_found, not_allowed,
wrong_state, stale_version, not_authenticated, permission_denied, throttled.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field, inline_serializer
from rest_framework import exceptions, generics, serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView, set_rollback

from motcua import clock
from motcua.org.models import Agency

from . import selectors, services
from .errors import FeedbackError
from .lifecycle import Classification, State
from .models import Feedback, FeedbackEvent

# --- errors ----------------------------------------------------------------------------------------------


def _error(status_code: int, code: str, message: str, details=None, fields=None) -> Response:
    body = {"code": code, "message": str(message), "details": details or {}, "fields": fields or {}}
    return Response({"error": body}, status=status_code)


def handle_exception(exc, context):
    if isinstance(exc, FeedbackError):
        set_rollback()
        field = exc.details.get("field")
        return _error(
            exc.http_status, exc.code, exc.message, exc.details, {field: [exc.message]} if field else {}
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("There is no feedback with this code, or you may not see it."))
    if not isinstance(exc, exceptions.APIException):
        return None
    set_rollback()
    if isinstance(exc, exceptions.ValidationError):
        fields = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        return _error(
            exc.status_code,
            "invalid",
            _("Some values are missing or not valid: see the fields."),
            fields={key: [str(item) for item in value] for key, value in fields.items()},
        )
    codes = exc.get_codes()
    response = _error(exc.status_code, codes if isinstance(codes, str) else exc.default_code, exc.detail)
    if getattr(exc, "wait", None):
        response["Retry-After"] = f"{exc.wait:.0f}"
    return response


class ErrorSerializer(serializers.Serializer):
    error = inline_serializer(
        "FeedbackErrorBody",
        {
            "code": serializers.CharField(),
            "message": serializers.CharField(),
            "details": serializers.DictField(),
            "fields": serializers.DictField(child=serializers.ListField(child=serializers.CharField())),
        },
    )


class FeedbackAPIView(APIView):
    def get_exception_handler(self):
        return handle_exception


class PublicThrottle(AnonRateThrottle):
    scope = "feedback_public"
    rate = "60/minute"


class PublicView(FeedbackAPIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicThrottle]


# --- representations -------------------------------------------------------------------------------------


class AgencyOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class PublishedOut(serializers.Serializer):
    code = serializers.CharField()
    classification = serializers.ChoiceField(Classification.choices)
    title = serializers.CharField(source="published_title")
    content = serializers.CharField(source="published_content")
    sender = serializers.SerializerMethodField(help_text="The sender's initials only.")
    agency = AgencyOut()
    answer = serializers.CharField()
    answered_at = serializers.DateTimeField()
    published_at = serializers.DateTimeField()
    likes = serializers.IntegerField()
    dislikes = serializers.IntegerField()

    def get_sender(self, feedback: Feedback) -> str:
        return selectors.sender_initials(feedback)


class SenderOut(serializers.Serializer):
    """What the sender sees with the lookup secret: the status and, once approved, the answer."""

    code = serializers.CharField()
    state = serializers.CharField(help_text="One of: " + ", ".join(State.values) + ".")
    state_label = serializers.CharField()
    classification = serializers.ChoiceField(Classification.choices)
    title = serializers.CharField()
    submitted_at = serializers.DateTimeField()
    agency = AgencyOut()
    answer_due_at = serializers.DateTimeField(allow_null=True)
    waiting_for_sender = serializers.BooleanField(source="is_paused")
    information_request = serializers.SerializerMethodField()
    refusal_reasons = serializers.CharField()
    answer = serializers.SerializerMethodField()
    answered_at = serializers.DateTimeField(allow_null=True)
    published_at = serializers.DateTimeField(allow_null=True)

    def get_information_request(self, feedback: Feedback) -> str:
        return feedback.information_request if feedback.state == State.INFORMATION_REQUESTED else ""

    def get_answer(self, feedback: Feedback) -> str:
        return feedback.answer if feedback.answered_at else ""


class ReceiptOut(serializers.Serializer):
    code = serializers.CharField()
    secret = serializers.CharField(
        source="lookup_secret", help_text="Keep it: with the code, it opens the answer."
    )
    state = serializers.CharField()
    accept_due_at = serializers.DateTimeField(allow_null=True)
    answer_due_at = serializers.DateTimeField(allow_null=True)


class StaffListOut(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()
    classification = serializers.CharField()
    state = serializers.CharField()
    agency = AgencyOut()
    submitted_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField(allow_null=True)
    waiting_for_sender = serializers.BooleanField(source="is_paused")
    version = serializers.IntegerField()


class EventOut(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.code")

    class Meta:
        model = FeedbackEvent
        fields = ["number", "action", "at", "actor_name", "agency", "from_state", "to_state", "note", "data"]


class StageOut(serializers.Serializer):
    stage = serializers.CharField()
    due = serializers.DateTimeField(allow_null=True)
    timeliness = serializers.CharField(
        help_text="early, on_time or late once the stage completed; else empty."
    )


class StaffDetailOut(StaffListOut):
    content = serializers.CharField()
    receiving_agency = AgencyOut()
    dossier = serializers.CharField(source="dossier.code", allow_null=True, default=None)
    sender_name = serializers.CharField()
    sender_email = serializers.CharField()
    sender_phone = serializers.CharField()
    sender_address = serializers.CharField()
    allows_publication = serializers.BooleanField()
    transfer_count = serializers.IntegerField()
    late = serializers.BooleanField()
    information_request = serializers.CharField()
    refusal_reasons = serializers.CharField()
    answer_draft = serializers.CharField()
    answer = serializers.CharField()
    published_title = serializers.CharField()
    published_content = serializers.CharField()
    likes = serializers.IntegerField()
    dislikes = serializers.IntegerField()
    stages = serializers.SerializerMethodField()
    events = EventOut(many=True)
    actions = serializers.SerializerMethodField(help_text="The actions the caller may take now.")

    @extend_schema_field(StageOut(many=True))
    def get_stages(self, feedback: Feedback) -> list[dict]:
        return [
            {"stage": row.stage, "due": row.due, "timeliness": row.timeliness}
            for row in selectors.stages(feedback)
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_actions(self, feedback: Feedback) -> list[str]:
        return [
            action.replace("_", "-")
            for action in selectors.actions_for(self.context["request"].user, feedback)
        ]


# --- inputs ----------------------------------------------------------------------------------------------


def agency_field(**kwargs):
    return serializers.SlugRelatedField(
        slug_field="code", queryset=Agency.objects.filter(is_active=True), **kwargs
    )


class SubmissionIn(serializers.Serializer):
    classification = serializers.ChoiceField(Classification.choices)
    agency = agency_field(
        required=False,
        allow_null=True,
        help_text="Agency code; default: the agency of the referenced dossier.",
    )
    title = serializers.CharField(max_length=255)
    content = serializers.CharField()
    sender_name = serializers.CharField(max_length=255)
    sender_email = serializers.EmailField(required=False, allow_blank=True, default="")
    sender_phone = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    sender_address = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
    allows_publication = serializers.BooleanField(default=False)
    dossier_code = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    dossier_secret = serializers.CharField(max_length=12, required=False, allow_blank=True, default="")
    attachment = serializers.FileField(
        required=False, allow_null=True, help_text="PDF, JPEG or PNG (multipart)."
    )

    def submission(self) -> services.Submission:
        data = self.validated_data
        return services.Submission(
            classification=data["classification"],
            title=data["title"],
            content=data["content"],
            sender=services.Sender(
                data["sender_name"], data["sender_email"], data["sender_phone"], data["sender_address"]
            ),
            agency=data.get("agency"),
            allows_publication=data["allows_publication"],
            dossier_code=data["dossier_code"],
            dossier_secret=data["dossier_secret"],
            attachment=data.get("attachment"),
        )


class SenderSupplementIn(serializers.Serializer):
    secret = serializers.CharField(max_length=12)
    text = serializers.CharField()
    attachment = serializers.FileField(required=False, allow_null=True)


class VersionIn(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, min_value=0, help_text="The version the decision was made on; a newer one gives 409."
    )


class AcceptIn(VersionIn):
    agency = agency_field(
        required=False, allow_null=True, help_text="Responsible agency; default: the addressee."
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")


class RefuseIn(VersionIn):
    reasons = serializers.CharField()


class ForwardIn(VersionIn):
    to_agency = agency_field()
    reason = serializers.CharField()


class RequestInformationIn(VersionIn):
    request = serializers.CharField()


class SupplementIn(VersionIn):
    text = serializers.CharField()
    attachment = serializers.FileField(required=False, allow_null=True)


class TextIn(VersionIn):
    text = serializers.CharField()


class AnswerIn(VersionIn):
    text = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Default: the draft."
    )


class ReasonIn(VersionIn):
    reason = serializers.CharField()


class PublishIn(VersionIn):
    title = serializers.CharField(required=False, allow_blank=True, default="")
    content = serializers.CharField(required=False, allow_blank=True, default="")


class CloseIn(VersionIn):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


def _call(function, *names):
    def perform(feedback, user, data):
        return function(
            feedback, user, expected_version=data.get("version"), **{name: data.get(name) for name in names}
        )

    return perform


ACTIONS = {
    "accept": (AcceptIn, _call(services.accept, "agency", "note")),
    "refuse": (RefuseIn, _call(services.refuse, "reasons")),
    "forward": (ForwardIn, _call(services.forward, "to_agency", "reason")),
    "request-information": (RequestInformationIn, _call(services.request_information, "request")),
    "supplement": (SupplementIn, _call(services.supplement, "text", "attachment")),
    "draft-answer": (TextIn, _call(services.draft_answer, "text")),
    "return-draft": (ReasonIn, _call(services.return_draft, "reason")),
    "answer": (AnswerIn, _call(services.answer, "text")),
    "publish": (PublishIn, _call(services.publish, "title", "content")),
    "close": (CloseIn, _call(services.close, "reason")),
}


# --- public views ----------------------------------------------------------------------------------------


class PublicFeedbackView(PublicView):
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(
        operation_id="public_feedback_list",
        summary="Published feedback and answers",
        parameters=[OpenApiParameter("page", OpenApiTypes.INT)],
        responses={
            200: inline_serializer(
                "PublishedFeedbackPage",
                {
                    "count": serializers.IntegerField(),
                    "next": serializers.URLField(allow_null=True),
                    "previous": serializers.URLField(allow_null=True),
                    "results": PublishedOut(many=True),
                },
            )
        },
    )
    def get(self, request):
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(selectors.published(), request, view=self)
        return paginator.get_paginated_response(PublishedOut(page, many=True).data)

    @extend_schema(
        operation_id="public_feedback_submit",
        summary="Send feedback on a regulation or on officials",
        request={"application/json": SubmissionIn, "multipart/form-data": SubmissionIn},
        responses={201: ReceiptOut, 400: ErrorSerializer},
    )
    def post(self, request):
        given = SubmissionIn(data=request.data)
        given.is_valid(raise_exception=True)
        feedback = services.submit(given.submission(), None)
        return Response(ReceiptOut(feedback).data, status=status.HTTP_201_CREATED)


class PublicFeedbackDetailView(PublicView):
    @extend_schema(
        operation_id="public_feedback_status",
        summary="The status of a feedback (and its answer, for the sender or once published)",
        parameters=[
            OpenApiParameter(
                "secret",
                OpenApiTypes.STR,
                description="The lookup secret: the sender's view. Without it, "
                "only published feedback is found (public view).",
            )
        ],
        description="With the right secret: the sender's view (SenderOut). Without a secret: the public view "
        "(PublishedOut) of published feedback only. Anything else: 404.",
        responses={200: SenderOut, 404: ErrorSerializer},
    )
    def get(self, request, code: str):
        secret = request.query_params.get("secret", "")
        if secret:
            feedback = selectors.for_sender(code, secret)
            if feedback is None:
                raise Http404
            return Response(SenderOut(feedback).data)
        feedback = get_object_or_404(selectors.published(), code=code)
        return Response(PublishedOut(feedback).data)


class PublicSupplementView(PublicView):
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(
        operation_id="public_feedback_supplement",
        summary="The sender supplies the information asked for",
        request={"application/json": SenderSupplementIn, "multipart/form-data": SenderSupplementIn},
        responses={200: SenderOut, 400: ErrorSerializer, 404: ErrorSerializer, 409: ErrorSerializer},
    )
    def post(self, request, code: str):
        given = SenderSupplementIn(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        feedback = selectors.for_sender(code, data["secret"])
        if feedback is None:
            raise Http404
        feedback = services.supplement(
            feedback, None, text=data["text"], secret=data["secret"], attachment=data.get("attachment")
        )
        return Response(SenderOut(feedback).data)


# --- staff views -----------------------------------------------------------------------------------------


class StaffFeedbackList(FeedbackAPIView, generics.ListAPIView):
    serializer_class = StaffListOut

    @extend_schema(
        operation_id="feedback_list",
        summary="Feedback the caller may view, or one work queue",
        parameters=[
            OpenApiParameter("queue", OpenApiTypes.STR, enum=selectors.QUEUE_NAMES),
            OpenApiParameter("agency", OpenApiTypes.STR, description="Agency code (the responsible agency)."),
            OpenApiParameter("state", OpenApiTypes.STR, enum=State.values),
            OpenApiParameter("q", OpenApiTypes.STR, description="Code, subject or sender's name."),
        ],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        params = self.request.query_params
        agency = None
        if params.get("agency"):
            agency = Agency.objects.filter(code=params["agency"]).first()
            if agency is None:
                return Feedback.objects.none()
        name = params.get("queue") or "all"
        if name not in selectors.QUEUE_NAMES:
            raise exceptions.ValidationError({"queue": [_("Unknown queue.")]})
        items = selectors.queue(self.request.user, name, clock.now(), agency)
        if params.get("state"):
            items = items.filter(state=params["state"])
        return selectors.search(items, params.get("q", ""))


class StaffFeedbackDetail(FeedbackAPIView):
    @extend_schema(operation_id="feedback_detail", summary="One feedback", responses={200: StaffDetailOut})
    def get(self, request, code: str):
        return Response(StaffDetailOut(_visible(request, code), context={"request": request}).data)


def _visible(request, code: str) -> Feedback:
    feedback = selectors.visible_one(request.user, code)
    if feedback is None:
        raise Http404
    return feedback


def _action_view(action: str, serializer: type[serializers.Serializer], perform):
    class ActionView(FeedbackAPIView):
        parser_classes = [JSONParser, MultiPartParser, FormParser]

        @extend_schema(
            operation_id=f"feedback_{action.replace('-', '_')}",
            summary=f"Business action: {action}",
            request=serializer,
            responses={
                200: StaffDetailOut,
                400: ErrorSerializer,
                403: ErrorSerializer,
                404: ErrorSerializer,
                409: ErrorSerializer,
            },
        )
        def post(self, request, code: str):
            feedback = _visible(request, code)
            given = serializer(data=request.data)
            given.is_valid(raise_exception=True)
            perform(feedback, request.user, given.validated_data)
            return Response(StaffDetailOut(_visible(request, code), context={"request": request}).data)

    ActionView.__name__ = ActionView.__qualname__ = f"Feedback{action.title().replace('-', '')}View"
    return ActionView.as_view()


urlpatterns = [
    path("public/feedback/", PublicFeedbackView.as_view(), name="feedback-public"),
    path("public/feedback/<str:code>/", PublicFeedbackDetailView.as_view(), name="feedback-public-detail"),
    path(
        "public/feedback/<str:code>/supplement/",
        PublicSupplementView.as_view(),
        name="feedback-public-supplement",
    ),
    path("feedback/", StaffFeedbackList.as_view(), name="feedback-list"),
    path("feedback/<str:code>/", StaffFeedbackDetail.as_view(), name="feedback-detail"),
    *(
        path(
            f"feedback/<str:code>/{action}/",
            _action_view(action, serializer, perform),
            name=f"feedback-{action}",
        )
        for action, (serializer, perform) in ACTIONS.items()
    ),
]
