"""One endpoint per business action: POST /api/v1/dossiers/{code}/{action}/.

Each view names its input serializer and calls exactly one service function; the answer is the dossier as
it is after the action (with its new version as ETag): its detail, or its list row with
`Prefer: return=minimal`. The version the decision was made on comes from
If-Match or the `version` field; a newer dossier answers 409 stale_version and changes nothing.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser

from motcua.dossiers import services

from . import inputs
from .base import DossierAPIView, expected_version
from .views import CODE, DOSSIER_ANSWER, PREFER, errors

IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    description='The dossier\'s version as read (its ETag, e.g. "7"); a newer dossier gives 409.',
)


class ActionView(DossierAPIView):
    """Parse `input_class`, find the visible dossier, `act`, render the detail."""

    input_class = inputs.VersionInput
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    def input_fields(self):
        return self.input_class().fields.keys()

    def post(self, request, code):
        dossier = self.get_dossier(code)
        parsed = self.input_class(data=request.data)
        parsed.is_valid(raise_exception=True)
        data = dict(parsed.validated_data)
        version = expected_version(request, data)
        data.pop("version", None)
        return self.action_response(self.act(dossier, request.user, data, version))

    def act(self, dossier, actor, data: dict, version: int | None):
        raise NotImplementedError


def action(summary: str, input_class, description: str = "", multipart: bool = False):
    """The schema of an action endpoint, and its input serializer."""
    request = {"application/json": input_class}
    if multipart:
        request = {"multipart/form-data": input_class, "application/json": input_class}

    def decorate(view):
        view.input_class = input_class
        name = view.__name__
        operation = "dossier_" + "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")
        schema = extend_schema(
            operation_id=operation,
            summary=summary,
            description=description,
            parameters=[CODE, IF_MATCH, PREFER],
            request=request,
            responses={200: DOSSIER_ANSWER, **errors(400, 401, 403, 404, 409)},
        )
        return extend_schema_view(post=schema)(view)

    return decorate


@action(
    "Receive",
    inputs.ReceiveInput,
    "The desk accepts a complete dossier: the clock starts, the appointment is set, the first step begins.",
)
class Receive(ActionView):
    def act(self, dossier, actor, data, version):
        return services.receive(dossier, actor, expected_version=version)


@action(
    "Request a supplement",
    inputs.RequestSupplementInput,
    "Before reception (at the desk, no clock runs) or during processing (the clock pauses).",
)
class RequestSupplement(ActionView):
    def act(self, dossier, actor, data, version):
        return services.request_supplement(dossier, actor, **data, expected_version=version)


@action(
    "Supplement",
    inputs.SupplementForm,
    "The documents asked for are handed in (multipart: `documents` JSON-encoded, scans as `files` parts).",
    multipart=True,
)
class Supplement(ActionView):
    def act(self, dossier, actor, data, version):
        documents = inputs.received_documents(data["documents"], data["files"], dossier.procedure_version)
        return services.supplement(
            dossier, actor, documents=documents, note=data["note"], expected_version=version
        )


@action("Refuse", inputs.RefuseInput, "The desk refuses a dossier it cannot accept (Mẫu 03).")
class Refuse(ActionView):
    def act(self, dossier, actor, data, version):
        return services.refuse(dossier, actor, **data, expected_version=version)


@action(
    "Forward",
    inputs.ForwardInput,
    "To the next step of the process, or (liên thông) to another agency for `hours` office hours.",
)
class Forward(ActionView):
    def act(self, dossier, actor, data, version):
        return services.forward(dossier, actor, **data, expected_version=version)


@action("Send back", inputs.SendBackInput, "Back to the previous step, with the reason.")
class SendBack(ActionView):
    def act(self, dossier, actor, data, version):
        return services.send_back(dossier, actor, **data, expected_version=version)


@action(
    "Request payment",
    inputs.RequestPaymentInput,
    "Fees, charges or taxes to pay before the result (national status 6); the clock pauses.",
)
class RequestPayment(ActionView):
    def act(self, dossier, actor, data, version):
        fees = [(fee["name"], fee["amount"]) for fee in data["fees"]]
        return services.request_payment(
            dossier, actor, fees=fees, note=data["note"], expected_version=version
        )


@action("Record a payment", inputs.RecordPaymentInput, "The fees were paid: processing and the clock resume.")
class RecordPayment(ActionView):
    def act(self, dossier, actor, data, version):
        return services.record_payment(dossier, actor, **data, expected_version=version)


@action(
    "Issue the result",
    inputs.FinishInput,
    "At the last processing step: the result is approved and issued; processing time ends. Multipart for "
    "the signed result file.",
    multipart=True,
)
class Finish(ActionView):
    def act(self, dossier, actor, data, version):
        return services.finish(
            dossier,
            actor,
            result_number=data["result_number"],
            result_date=data["result_date"],
            signer=data["signer"],
            result_upload=data["result_file"],
            note=data["note"],
            expected_version=version,
        )


@action(
    "Return the result", inputs.ReturnResultInput, "Handed back at the desk, posted, or delivered online."
)
class ReturnResult(ActionView):
    def act(self, dossier, actor, data, version):
        return services.return_result(dossier, actor, **data, expected_version=version)


@action("Stop processing", inputs.StopInput, "After appraisal the dossier cannot be settled (a leader).")
class Stop(ActionView):
    def act(self, dossier, actor, data, version):
        return services.stop(dossier, actor, **data, expected_version=version)


@action("Withdraw", inputs.WithdrawInput, "The applicant withdraws a dossier not settled yet.")
class Withdraw(ActionView):
    def act(self, dossier, actor, data, version):
        return services.withdraw(dossier, actor, **data, expected_version=version)


@action(
    "Apologise with a new appointment",
    inputs.ApologiseInput,
    "Before the appointment passes: a written apology and a new date (Mẫu 04), once unless an administrator "
    "allows another.",
)
class Apologise(ActionView):
    def act(self, dossier, actor, data, version):
        return services.apologise(dossier, actor, **data, expected_version=version)


@action(
    "Allow another apology",
    inputs.AllowAnotherApologyInput,
    "An administrator of the receiving agency allows one more new appointment.",
)
class AllowAnotherApology(ActionView):
    def act(self, dossier, actor, data, version):
        return services.allow_another_apology(dossier, actor, **data, expected_version=version)


ACTION_VIEWS = {
    "receive": Receive,
    "request-supplement": RequestSupplement,
    "supplement": Supplement,
    "refuse": Refuse,
    "forward": Forward,
    "send-back": SendBack,
    "request-payment": RequestPayment,
    "record-payment": RecordPayment,
    "finish": Finish,
    "return-result": ReturnResult,
    "stop": Stop,
    "withdraw": Withdraw,
    "apologise": Apologise,
    "allow-another-apology": AllowAnotherApology,
}
