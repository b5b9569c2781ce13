"""One small form per business action on the dossier page; each calls exactly one service function.

Every form carries the dossier version the page was drawn from (`expected_version`): a stale page gets the
service's "somebody else changed this dossier" error instead of overwriting a newer change.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.dossiers import selectors, services
from motcua.dossiers.errors import DossierError
from motcua.dossiers.lifecycle import ReturnMethod
from motcua.dossiers.models import Dossier, DossierDocument
from motcua.org.models import Agency
from motcua.text import nfc

from .widgets import style


def lines(text: str) -> list[str]:
    return [nfc(line) for line in (text or "").splitlines() if nfc(line)]


class ActionForm(forms.Form):
    name = ""
    title = ""
    submit = ""
    multipart = False
    primary = False
    danger = False
    # Service error "field" names that are not this form's own field names.
    error_fields: dict[str, str] = {}

    expected_version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, dossier: Dossier, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("expected_version", dossier.version)
        kwargs.setdefault("auto_id", f"{self.name}_%s")
        super().__init__(*args, **kwargs)
        self.dossier = dossier
        self.stale = False
        style(self)

    @property
    def version(self) -> int:
        return self.cleaned_data["expected_version"]

    def perform(self, actor) -> Dossier:
        raise NotImplementedError

    def add_domain_error(self, error: DossierError) -> None:
        """Show a refused action beside the form: on its field when the service names one, else on top."""
        field = error.details.get("field")
        field = self.error_fields.get(field, field)
        self.stale = isinstance(error, services.StaleVersion)
        self.add_error(field if field in self.fields and field != "expected_version" else None, error.message)


class ReceiveForm(ActionForm):
    name, primary = "receive", True
    title = _("Receive the dossier")
    submit = _("Receive and give the appointment")

    def perform(self, actor):
        return services.receive(self.dossier, actor, expected_version=self.version)


class RequestSupplementForm(ActionForm):
    name = "request_supplement"
    title = _("Request a supplement (Mẫu 02)")
    submit = _("Issue the supplement request")

    missing = forms.CharField(label=_("Missing or incorrect documents (one per line)"), widget=forms.Textarea)
    reason = forms.CharField(label=_("Why the dossier must be supplemented"), widget=forms.Textarea)

    def perform(self, actor):
        return services.request_supplement(
            self.dossier,
            actor,
            missing=lines(self.cleaned_data["missing"]),
            reason=self.cleaned_data["reason"],
            expected_version=self.version,
        )


class SupplementForm(ActionForm):
    name, multipart, primary = "supplement", True, True
    title = _("Record the supplement handed in")
    submit = _("Record the supplement")
    error_fields = {"documents": "document_name", "file": "document_file"}

    document_name = forms.CharField(label=_("Document handed in"), max_length=500)
    document_form = forms.ChoiceField(
        label=_("Form of the document"),
        choices=DossierDocument.Form.choices,
        initial=DossierDocument.Form.ORIGINAL,
    )
    document_quantity = forms.IntegerField(label=_("Number of copies"), min_value=1, max_value=99, initial=1)
    document_file = forms.FileField(label=_("Scan (PDF, JPEG or PNG)"), required=False)
    second_name = forms.CharField(label=_("Another document (optional)"), max_length=500, required=False)
    second_file = forms.FileField(label=_("Its scan"), required=False)
    note = forms.CharField(label=_("Note on the supplement"), required=False, widget=forms.Textarea)

    def perform(self, actor):
        data = self.cleaned_data
        documents = [
            services.ReceivedDocument(
                name=data["document_name"],
                form=data["document_form"],
                quantity=data["document_quantity"],
                upload=data["document_file"],
            )
        ]
        if nfc(data["second_name"]):
            documents.append(services.ReceivedDocument(name=data["second_name"], upload=data["second_file"]))
        return services.supplement(
            self.dossier, actor, documents=documents, note=data["note"], expected_version=self.version
        )


class RefuseForm(ActionForm):
    name, danger = "refuse", True
    title = _("Refuse the dossier (Mẫu 03)")
    submit = _("Refuse the dossier")

    reasons = forms.CharField(label=_("Specific reasons for refusing"), widget=forms.Textarea)

    def perform(self, actor):
        return services.refuse(
            self.dossier, actor, reasons=self.cleaned_data["reasons"], expected_version=self.version
        )


class ForwardForm(ActionForm):
    name, primary = "forward", True
    title = _("Hand on to the next step")
    submit = _("Hand on")

    note = forms.CharField(label=_("Note for the next step"), required=False, widget=forms.Textarea)
    to_agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(),
        required=False,
        label=_("Or transfer to another agency (liên thông)"),
        empty_label=_("— the next step of the process —"),
    )
    hours = forms.DecimalField(
        label=_("Office hours the other agency has"),
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_agency"].queryset = Agency.objects.filter(is_active=True).exclude(
            pk=self.dossier.current_agency_id
        )

    def clean(self):
        data = super().clean()
        if data.get("to_agency") is not None and not data.get("hours"):
            self.add_error("hours", _("Give the office hours the other agency has."))
        return data

    def perform(self, actor):
        data = self.cleaned_data
        return services.forward(
            self.dossier,
            actor,
            note=data["note"],
            to_agency=data["to_agency"],
            hours=data["hours"] if data["to_agency"] is not None else None,
            expected_version=self.version,
        )


class SendBackForm(ActionForm):
    name = "send_back"
    title = _("Send back to the previous step")
    submit = _("Send back")

    reason = forms.CharField(label=_("Why it goes back"), widget=forms.Textarea)

    def perform(self, actor):
        return services.send_back(
            self.dossier, actor, reason=self.cleaned_data["reason"], expected_version=self.version
        )


class RequestPaymentForm(ActionForm):
    name = "request_payment"
    title = _("Request payment of fees")
    submit = _("Request payment")

    fee_name = forms.CharField(label=_("Additional fee or tax (optional)"), max_length=500, required=False)
    fee_amount = forms.IntegerField(label=_("Its amount (VND)"), min_value=0, required=False)
    note = forms.CharField(label=_("Note for the applicant"), required=False, widget=forms.Textarea)

    def clean(self):
        data = super().clean()
        if nfc(data.get("fee_name")) and data.get("fee_amount") is None:
            self.add_error("fee_amount", _("Give the amount of the additional fee."))
        return data

    def perform(self, actor):
        data = self.cleaned_data
        fees = [(data["fee_name"], data["fee_amount"])] if nfc(data["fee_name"]) else []
        return services.request_payment(
            self.dossier, actor, fees=fees, note=data["note"], expected_version=self.version
        )


class RecordPaymentForm(ActionForm):
    name, primary = "record_payment", True
    title = _("Record the payment")
    submit = _("Record the payment")

    reference = forms.CharField(label=_("Receipt or transaction reference"), max_length=100)

    def perform(self, actor):
        return services.record_payment(
            self.dossier, actor, reference=self.cleaned_data["reference"], expected_version=self.version
        )


class FinishForm(ActionForm):
    name, multipart, primary = "finish", True, True
    title = _("Approve and issue the result")
    submit = _("Issue the result")
    error_fields = {"file": "result_file"}

    result_number = forms.CharField(label=_("Number of the result document"), max_length=100, required=False)
    result_date = forms.DateField(
        label=_("Date of the result document"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    signer = forms.CharField(label=_("Signed by"), max_length=255, required=False)
    result_file = forms.FileField(label=_("Result file (PDF, JPEG or PNG, optional)"), required=False)
    note = forms.CharField(label=_("Note on the result"), required=False, widget=forms.Textarea)

    def perform(self, actor):
        data = self.cleaned_data
        return services.finish(
            self.dossier,
            actor,
            result_number=data["result_number"],
            result_date=data["result_date"],
            signer=data["signer"],
            result_upload=data["result_file"],
            note=data["note"],
            expected_version=self.version,
        )


class ReturnResultForm(ActionForm):
    name, primary = "return_result", True
    title = _("Return the result")
    submit = _("Result handed over")

    method = forms.ChoiceField(label=_("How the result is returned"), choices=ReturnMethod.choices)
    note = forms.CharField(label=_("Note on the return"), required=False, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].initial = self.dossier.delivery_choice or ReturnMethod.DESK
        address = selectors.delivery_address(self.dossier)
        if address:
            self.fields["method"].help_text = _("By post, to the address the applicant gave: %(address)s") % {
                "address": address
            }

    def perform(self, actor):
        data = self.cleaned_data
        return services.return_result(
            self.dossier, actor, method=data["method"], note=data["note"], expected_version=self.version
        )


class StopForm(ActionForm):
    name, danger = "stop", True
    title = _("Stop processing")
    submit = pgettext_lazy("dossier action", "Stop processing")

    reasons = forms.CharField(label=_("Written reasons for stopping"), widget=forms.Textarea)

    def perform(self, actor):
        return services.stop(
            self.dossier, actor, reasons=self.cleaned_data["reasons"], expected_version=self.version
        )


class WithdrawForm(ActionForm):
    name, danger = "withdraw", True
    title = _("Withdraw at the applicant's request")
    submit = _("Withdraw the dossier")

    reason = forms.CharField(
        label=_("The applicant's reason (optional)"), required=False, widget=forms.Textarea
    )

    def perform(self, actor):
        return services.withdraw(
            self.dossier, actor, reason=self.cleaned_data["reason"], expected_version=self.version
        )


class ApologiseForm(ActionForm):
    name = "apologise"
    title = _("Apologise and give a new appointment (Mẫu 04)")
    submit = _("Issue the apology")

    new_date = forms.DateField(
        label=_("New appointment date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(label=_("Reason for the delay"), widget=forms.Textarea)

    def perform(self, actor):
        data = self.cleaned_data
        return services.apologise(
            self.dossier,
            actor,
            new_date=data["new_date"],
            reason=data["reason"],
            expected_version=self.version,
        )


ACTION_FORMS: dict[str, type[ActionForm]] = {
    form.name: form
    for form in (
        ReceiveForm,
        ForwardForm,
        FinishForm,
        ReturnResultForm,
        SupplementForm,
        RecordPaymentForm,
        RequestSupplementForm,
        SendBackForm,
        RequestPaymentForm,
        ApologiseForm,
        RefuseForm,
        StopForm,
        WithdrawForm,
    )
}
