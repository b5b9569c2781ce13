"""What each business action takes, one small serializer per action. They parse and check the shape of
the input (types, presence, known codes); the services decide everything else.

Multipart requests carry nested values (applicant, documents) as JSON-encoded form fields and the scans as
repeated `files` parts; a document names its scan by position (`"file": 0` is the first `files` part).
"""

import json

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.utils import html

from motcua.catalog.selectors import version_to_receive
from motcua.dossiers.intake import ReceivedDocument, missing_delivery_address
from motcua.dossiers.models import DossierDocument
from motcua.org.models import Agency

from .fields import ChannelField, ReturnMethodField, UploadField


class JSONInForm:
    """A nested value that a multipart form sends as one JSON-encoded field."""

    def get_value(self, dictionary):
        if html.is_html_input(dictionary) and self.field_name in dictionary:
            return dictionary.get(self.field_name)
        return super().get_value(dictionary)

    def to_internal_value(self, data):
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except ValueError:
                raise serializers.ValidationError(_("This form field must hold a JSON value.")) from None
        return super().to_internal_value(data)


def agency_field(**kwargs):
    return serializers.SlugRelatedField(
        slug_field="code", queryset=Agency.objects.filter(is_active=True).select_related("kind"), **kwargs
    )


class VersionInput(serializers.Serializer):
    """Every action may say which version of the dossier it was decided on (or send If-Match)."""

    version = serializers.IntegerField(
        required=False,
        min_value=0,
        help_text="The dossier's version the decision was made on; a newer one gives 409 stale_version. "
        "The If-Match header, when sent, takes precedence.",
    )


class ApplicantInput(JSONInForm, serializers.Serializer):
    name = serializers.CharField(max_length=255)
    is_organisation = serializers.BooleanField(default=False)
    id_number = serializers.CharField(
        max_length=30, required=False, default="", allow_blank=True, help_text="CCCD, or enterprise/tax code."
    )
    birth_date = serializers.DateField(required=False, allow_null=True, default=None)
    address = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
    phone = serializers.CharField(max_length=20, required=False, default="", allow_blank=True)
    email = serializers.EmailField(required=False, default="", allow_blank=True)
    representative_name = serializers.CharField(max_length=255, required=False, default="", allow_blank=True)
    representative_id_number = serializers.CharField(
        max_length=30, required=False, default="", allow_blank=True
    )
    representative_phone = serializers.CharField(max_length=20, required=False, default="", allow_blank=True)


class DocumentInput(serializers.Serializer):
    name = serializers.CharField()
    required_document = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=1,
        help_text="The document's order number in the procedure (catalogue API: documents[].order).",
    )
    form = serializers.ChoiceField(
        choices=DossierDocument.Form.choices, default=DossierDocument.Form.ORIGINAL
    )
    quantity = serializers.IntegerField(min_value=1, default=1)
    file = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        help_text="Multipart only: the position of this document's scan among the `files` parts (0: first).",
    )


class DocumentList(JSONInForm, serializers.ListField):
    child = DocumentInput()


def files_field():
    return serializers.ListField(
        child=UploadField(),
        required=False,
        default=list,
        help_text="Scans (PDF, JPEG or PNG), referred to by position from documents[].file.",
    )


def received_documents(entries, files, version) -> list[ReceivedDocument]:
    """The documents as the services take them: catalogue order numbers resolved, scans attached."""
    orders = {document.order: document.pk for document in version.documents.all()}  # prefetched
    errors, documents = {}, []
    for index, entry in enumerate(entries):
        required_id = None
        if entry["required_document"] is not None:
            required_id = orders.get(entry["required_document"])
            if required_id is None:
                errors[f"documents.{index}.required_document"] = [
                    _("The procedure has no document number %(order)s.")
                    % {"order": entry["required_document"]}
                ]
        upload = None
        if entry["file"] is not None:
            if entry["file"] >= len(files):
                errors[f"documents.{index}.file"] = [
                    _("There is no file number %(index)s in the request.") % {"index": entry["file"]}
                ]
            else:
                upload = files[entry["file"]]
        documents.append(
            ReceivedDocument(entry["name"], required_id, entry["form"], entry["quantity"], upload)
        )
    if errors:
        raise serializers.ValidationError(errors)
    return documents


# --- intake ---------------------------------------------------------------------------------------------


class SubmitInput(serializers.Serializer):
    procedure = serializers.CharField(
        help_text="The procedure's national code; its version in force applies."
    )
    receiving_agency = agency_field(help_text="Code of the agency that receives the dossier.")
    channel = ChannelField()
    applicant = ApplicantInput()
    documents = DocumentList(required=False, default=list)
    delivery_choice = ReturnMethodField(help_text="How the applicant wants the result.")
    delivery_address = serializers.CharField(
        max_length=500,
        required=False,
        default="",
        allow_blank=True,
        help_text="Where to post the result: required when delivery_choice is post, ignored otherwise.",
    )

    def validate(self, data):
        if missing_delivery_address(data["delivery_choice"], data["delivery_address"]):
            raise serializers.ValidationError(
                {"delivery_address": [_("Give the address to post the result to.")]}
            )
        return data

    def validate_procedure(self, code: str):
        version = version_to_receive(code.strip())
        if version is None:
            raise serializers.ValidationError(
                _("No procedure in force has the code “%(code)s”.") % {"code": code}
            )
        return version


class SubmitForm(SubmitInput):
    files = files_field()


# --- actions --------------------------------------------------------------------------------------------


def text(help_text: str = "", **kwargs):
    return serializers.CharField(help_text=help_text, **kwargs)


def optional_text(help_text: str = ""):
    return serializers.CharField(help_text=help_text, required=False, default="", allow_blank=True)


class ReceiveInput(VersionInput):
    pass


class RequestSupplementInput(VersionInput):
    missing = serializers.ListField(
        child=serializers.CharField(), allow_empty=False, help_text="The documents or data still needed."
    )
    reason = text("Why they are needed (printed on the supplement request, Mẫu 02).")


class SupplementInput(VersionInput):
    documents = DocumentList(allow_empty=False)
    note = optional_text()


class SupplementForm(SupplementInput):
    files = files_field()


class RefuseInput(VersionInput):
    reasons = text("The specific reasons (printed on the refusal, Mẫu 03).")


class ForwardInput(VersionInput):
    note = optional_text()
    to_agency = agency_field(
        required=False,
        allow_null=True,
        default=None,
        help_text="Liên thông: transfer to this agency for a step, instead of the process's next step.",
    )
    hours = serializers.DecimalField(
        max_digits=8,
        decimal_places=2,
        required=False,
        allow_null=True,
        default=None,
        help_text="Office hours the other agency has (with to_agency).",
    )


class SendBackInput(VersionInput):
    reason = text()


class FeeInput(serializers.Serializer):
    name = serializers.CharField(max_length=500)
    amount = serializers.IntegerField(min_value=0, help_text="In VND.")


class RequestPaymentInput(VersionInput):
    fees = FeeInput(many=True, required=False, default=list, help_text="Fees added to those already owed.")
    note = optional_text()


class RecordPaymentInput(VersionInput):
    reference = text("Receipt or payment gateway reference.", max_length=100)
    online = serializers.BooleanField(default=False)


class FinishInput(VersionInput):
    result_number = serializers.CharField(max_length=100, required=False, default="", allow_blank=True)
    result_date = serializers.DateField(required=False, allow_null=True, default=None)
    signer = serializers.CharField(max_length=255, required=False, default="", allow_blank=True)
    result_file = UploadField(required=False, allow_null=True, default=None, help_text="The signed result.")
    note = optional_text()


class ReturnResultInput(VersionInput):
    method = ReturnMethodField()
    note = optional_text()


class StopInput(VersionInput):
    reasons = text("The written reasons processing stops.")


class WithdrawInput(VersionInput):
    reason = optional_text()


class ApologiseInput(VersionInput):
    new_date = serializers.DateField(
        help_text="The new appointment: the close of office of this working day."
    )
    reason = text("The reason for the delay (printed on the apology, Mẫu 04).")


class AllowAnotherApologyInput(VersionInput):
    reason = text()
