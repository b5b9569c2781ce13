"""How a dossier reads over the API: a list row, the full detail, the timeline."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from motcua.dossiers import selectors
from motcua.dossiers.models import (
    Apology,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierFee,
    DossierFile,
    DossierStep,
    Pause,
)

from .fields import ChannelField

# Service action -> URL segment of its endpoint (POST /api/v1/dossiers/<code>/<segment>/).
ACTION_PATHS = {
    "receive": "receive",
    "request_supplement": "request-supplement",
    "supplement": "supplement",
    "refuse": "refuse",
    "forward": "forward",
    "send_back": "send-back",
    "request_payment": "request-payment",
    "record_payment": "record-payment",
    "finish": "finish",
    "return_result": "return-result",
    "stop": "stop",
    "withdraw": "withdraw",
    "apologise": "apologise",
    "allow_another_apology": "allow-another-apology",
}


class DossierRowSerializer(serializers.ModelSerializer):
    """A dossier in a list: no personal data beyond the applicant's name."""

    procedure = serializers.CharField(source="procedure_version.procedure.code")
    procedure_name = serializers.CharField(source="procedure_version.name")
    procedure_version = serializers.IntegerField(source="procedure_version.number")
    receiving_agency = serializers.CharField(source="receiving_agency.code")
    receiving_agency_name = serializers.CharField(source="receiving_agency.name")
    current_agency = serializers.CharField(source="current_agency.code")
    current_agency_name = serializers.CharField(source="current_agency.name")
    channel = ChannelField(read_only=True)
    state_label = serializers.CharField(source="get_state_display")
    current_step = serializers.CharField(
        source="current_step.name", allow_null=True, default=None, help_text="Name of the step holding it."
    )
    is_overdue = serializers.SerializerMethodField(
        help_text="Not finished and its appointment passed (a pause that began before it does not count)."
    )

    class Meta:
        model = Dossier
        fields = [
            "code",
            "procedure",
            "procedure_name",
            "procedure_version",
            "receiving_agency",
            "receiving_agency_name",
            "current_agency",
            "current_agency_name",
            "current_step",
            "channel",
            "state",
            "state_label",
            "national_status",
            "applicant_name",
            "submitted_at",
            "received_at",
            "due_at",
            "paused_since",
            "finished_at",
            "returned_at",
            "is_overdue",
            "version",
        ]

    def get_is_overdue(self, dossier: Dossier) -> bool:
        return selectors.is_overdue(dossier, self.context["now"])


class ApplicantSerializer(serializers.ModelSerializer):
    is_organisation = serializers.BooleanField(source="applicant_is_organisation")
    name = serializers.CharField(source="applicant_name")
    id_number = serializers.CharField(source="applicant_id_number")
    birth_date = serializers.DateField(source="applicant_birth_date", allow_null=True)
    address = serializers.CharField(source="applicant_address")
    phone = serializers.CharField(source="applicant_phone")
    email = serializers.CharField(source="applicant_email")

    class Meta:
        model = Dossier
        fields = [
            "is_organisation",
            "name",
            "id_number",
            "birth_date",
            "address",
            "phone",
            "email",
            "representative_name",
            "representative_id_number",
            "representative_phone",
        ]


class DossierFileSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="original_name")

    class Meta:
        model = DossierFile
        fields = ["name", "content_type", "size", "sha256", "uploaded_at"]


class DossierDocumentSerializer(serializers.ModelSerializer):
    required_document = serializers.IntegerField(
        source="required_document.order",
        allow_null=True,
        default=None,
        help_text="Order number of the procedure's required document it answers, if any.",
    )
    file = DossierFileSerializer(allow_null=True)

    class Meta:
        model = DossierDocument
        fields = ["name", "required_document", "form", "quantity", "file", "added_at"]


class DossierFeeSerializer(serializers.ModelSerializer):
    class Meta:
        model = DossierFee
        fields = ["name", "amount", "paid_at", "payment_reference", "paid_online"]


class DossierStepSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.code")
    agency_name = serializers.CharField(source="agency.name")

    class Meta:
        model = DossierStep
        fields = [
            "number",
            "name",
            "agency",
            "agency_name",
            "role",
            "budget_hours",
            "started_at",
            "due_at",
            "finished_at",
            "outcome",
            "late",
            "is_transfer",
        ]


class DossierPauseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Pause
        fields = ["reason", "started_at", "ended_at"]


class DossierApologySerializer(serializers.ModelSerializer):
    issued_by = serializers.SerializerMethodField()

    class Meta:
        model = Apology
        fields = ["reason", "previous_due_at", "new_due_at", "issued_at", "issued_by"]

    def get_issued_by(self, apology: Apology) -> str:
        return apology.issued_by.get_full_name() or apology.issued_by.get_username()


class DueSerializer(serializers.Serializer):
    at = serializers.DateTimeField(source="due_at", allow_null=True, help_text="The appointment now.")
    original = serializers.DateTimeField(
        source="original_due_at", allow_null=True, help_text="The appointment on the receipt."
    )
    explanation = serializers.SerializerMethodField(help_text="Why it is there, one sentence each.")

    def get_explanation(self, dossier: Dossier) -> list[str]:
        return selectors.due_explanation(dossier)


class ResultSerializer(serializers.ModelSerializer):
    number = serializers.CharField(source="result_number")
    date = serializers.DateField(source="result_date", allow_null=True)
    signer = serializers.CharField(source="result_signer")
    file = DossierFileSerializer(source="result_file", allow_null=True)

    class Meta:
        model = Dossier
        fields = ["number", "date", "signer", "file", "return_method"]


class DossierDetailSerializer(DossierRowSerializer):
    applicant = ApplicantSerializer(source="*")
    due = DueSerializer(source="*")
    result = ResultSerializer(source="*")
    documents = DossierDocumentSerializer(many=True)
    fees = DossierFeeSerializer(many=True)
    steps = DossierStepSerializer(many=True)
    pauses = DossierPauseSerializer(many=True)
    apologies = DossierApologySerializer(many=True)
    delivery_address = serializers.SerializerMethodField(
        help_text="Where to post the result, given at submission; empty unless delivery_choice is post."
    )
    actions = serializers.SerializerMethodField(
        help_text="What the caller may do now: path segments of POST /api/v1/dossiers/{code}/{action}/."
    )

    class Meta(DossierRowSerializer.Meta):
        fields = [
            *DossierRowSerializer.Meta.fields,
            "applicant",
            "delivery_choice",
            "delivery_address",
            "supplement_stage",
            "supplement_count",
            "apology_count",
            "apologies_allowed",
            "due",
            "result",
            "documents",
            "fees",
            "steps",
            "pauses",
            "apologies",
            "actions",
        ]

    def get_delivery_address(self, dossier: Dossier) -> str:
        return selectors.delivery_address(dossier)

    @extend_schema_field(
        serializers.ListField(child=serializers.ChoiceField(choices=list(ACTION_PATHS.values())))
    )
    def get_actions(self, dossier: Dossier) -> list[str]:
        found = selectors.available_actions(self.context["request"].user, dossier, self.context["now"])
        return [ACTION_PATHS[action] for action in found]


class DossierEventSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor_name")
    agency = serializers.CharField(source="agency.code")
    agency_name = serializers.CharField(source="agency.name")
    step = serializers.IntegerField(source="step.number", allow_null=True, default=None)
    step_name = serializers.CharField(source="step.name", allow_null=True, default=None)

    class Meta:
        model = DossierEvent
        fields = [
            "number",
            "action",
            "at",
            "actor",
            "agency",
            "agency_name",
            "from_state",
            "to_state",
            "step",
            "step_name",
            "note",
            "data",
        ]
