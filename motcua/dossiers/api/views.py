"""The dossier endpoints. Thin: parse the input, call one service function, render the dossier.

GET  /api/v1/dossiers/                    the dossiers the caller may see; filters, search, order, pages
POST /api/v1/dossiers/                    submit a dossier (JSON, or multipart with scans)
GET  /api/v1/dossiers/{code}/             one dossier: documents, fees, steps, pauses, apologies, the
                                          appointment explained, what the caller may do now
GET  /api/v1/dossiers/{code}/events/      its timeline
POST /api/v1/dossiers/{code}/{action}/    one business action (see actions.py)
"""

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from motcua.dossiers import selectors, services
from motcua.dossiers.intake import Applicant, Intake

from .base import DossierAPI, DossierAPIView
from .errors import DossierErrorSerializer
from .filters import DossierFilter, StableOrdering
from .inputs import SubmitForm, SubmitInput, received_documents
from .outputs import DossierDetailSerializer, DossierEventSerializer, DossierRowSerializer

CODE = OpenApiParameter("code", str, OpenApiParameter.PATH, description="The dossier's code.")
PREFER = OpenApiParameter(
    "Prefer",
    str,
    OpenApiParameter.HEADER,
    description="`return=minimal`: answer with the dossier's list row as the action wrote it (code, state, "
    "appointment, version), not its whole detail (RFC 7240; `Preference-Applied` says it was).",
)
# What a business action answers: the detail, or the list row when the caller prefers it.
DOSSIER_ANSWER = PolymorphicProxySerializer(
    component_name="DossierAnswer",
    serializers=[DossierDetailSerializer, DossierRowSerializer],
    resource_type_field_name=None,
)


def errors(*statuses: int) -> dict:
    described = {
        400: "Invalid input: `fields` says which (code invalid).",
        401: "No or a wrong token (code not_authenticated or authentication_failed).",
        403: "The caller holds no role that may take this action in the agency concerned (not_allowed).",
        404: "No such dossier, or one the caller may not see (not_found).",
        409: "The action does not apply in the dossier's state (wrong_state), or the dossier changed since "
        "the caller read it (stale_version).",
    }
    return {
        status: OpenApiResponse(DossierErrorSerializer, description=described[status]) for status in statuses
    }


class DossierPages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


@extend_schema_view(
    get=extend_schema(
        operation_id="dossier_list",
        summary="Dossiers the caller may see",
        description="Dossiers received by, held by, or passed through an agency where the caller may view "
        "dossiers. Newest first unless `ordering` says otherwise.",
        responses={200: DossierRowSerializer(many=True), **errors(400, 401)},
    ),
    post=extend_schema(
        operation_id="dossier_submit",
        summary="Submit a dossier",
        description="Registers a dossier handed in at the desk, by post, or filed online; it then waits for "
        "the desk's check (receive, request-supplement or refuse). At the desk and by post the caller must "
        "be a desk officer of the receiving agency. Multipart: `applicant` and `documents` are JSON-encoded "
        "form fields, the scans are repeated `files` parts, and `documents[].file` gives a scan's position. "
        "A result to be posted (`delivery_choice` post) needs `delivery_address`. The answer is the "
        "dossier's detail, or its list row with `Prefer: return=minimal`.",
        parameters=[PREFER],
        request={"application/json": SubmitInput, "multipart/form-data": SubmitForm},
        responses={201: DOSSIER_ANSWER, **errors(400, 401, 403)},
    ),
)
class DossierCollection(DossierAPI, generics.ListAPIView):
    serializer_class = DossierRowSerializer
    pagination_class = DossierPages
    filterset_class = DossierFilter
    filter_backends = [*generics.ListAPIView.filter_backends, StableOrdering]
    ordering_fields = ["received_at", "due_at", "code"]

    def get_queryset(self):
        return selectors.for_list(self.visible())

    def get_serializer_context(self):
        return {**super().get_serializer_context(), **self.serializer_context()}

    def input_fields(self):
        return SubmitForm().fields.keys()

    def post(self, request):
        parsed = SubmitForm(data=request.data)
        parsed.is_valid(raise_exception=True)
        data = parsed.validated_data
        version = data["procedure"]
        intake = Intake(
            version,
            data["receiving_agency"],
            data["channel"],
            Applicant(**data["applicant"]),
            received_documents(data["documents"], data["files"], version),
            data["delivery_choice"],
            data["delivery_address"],
        )
        return self.action_response(services.submit(intake, request.user), status=201)


@extend_schema_view(
    get=extend_schema(
        operation_id="dossier_detail",
        summary="One dossier",
        parameters=[CODE],
        responses={200: DossierDetailSerializer, **errors(401, 404)},
    )
)
class DossierDetail(DossierAPIView):
    def get(self, request, code):
        return self.detail_response(self.get_dossier(code))


@extend_schema_view(
    get=extend_schema(
        operation_id="dossier_events",
        summary="The dossier's timeline",
        description="Every business action on the dossier, oldest first: who, when, from which state to "
        "which, at which step, with the note and the details recorded.",
        parameters=[CODE],
        responses={200: DossierEventSerializer(many=True), **errors(401, 404)},
    )
)
class DossierEvents(DossierAPIView):
    def get(self, request, code):
        dossier = self.get_dossier(code)
        events = dossier.events.select_related("agency", "step").order_by("number")
        return Response(DossierEventSerializer(events, many=True).data)
