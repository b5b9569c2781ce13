"""The reception screen's forms: what is filed, what is handed in, who hands it in, what the desk decides.

They only parse and check the input; the services decide (and check the scans, through dossiers.files).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.catalog.models import Bundle, ProcedureVersion, RequiredDocument
from motcua.dossiers.intake import missing_delivery_address
from motcua.dossiers.lifecycle import Channel, ReturnMethod
from motcua.dossiers.models import DossierDocument
from motcua.dossiers.services import Applicant, ReceivedDocument
from motcua.text import nfc

RECEIVE, SUPPLEMENT, REFUSE = "receive", "supplement", "refuse"
FORM_CHOICES = DossierDocument.Form.choices


def default_form(document: RequiredDocument) -> str:
    return DossierDocument.Form.ORIGINAL if document.originals else DossierDocument.Form.COPY


def default_quantity(document: RequiredDocument) -> int:
    return max(1, document.originals or document.copies or 1)


class ChoiceForm(forms.Form):
    """The receiving agency and what is filed: a procedure version ("v:<id>") or a bundle ("b:<id>")."""

    agency = forms.ModelChoiceField(queryset=None, label=_("Receiving agency"), empty_label=None)
    choice = forms.CharField(
        label=_("Procedure"),
        error_messages={"required": _("Choose the procedure (search it by name or code).")},
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def clean_choice(self):
        kind, _sep, pk = self.cleaned_data["choice"].partition(":")
        if not pk.isdigit() or kind not in ("v", "b"):
            raise forms.ValidationError(_("Choose the procedure (search it by name or code)."))
        model = ProcedureVersion if kind == "v" else Bundle
        found = model.objects.filter(pk=int(pk)).first()
        if found is None:
            raise forms.ValidationError(_("This procedure no longer exists; search it again."))
        return found


def chosen(choice_form: ChoiceForm) -> tuple:
    """(agency, version or None, bundle or None) from a valid ChoiceForm."""
    target = choice_form.cleaned_data["choice"]
    if isinstance(target, Bundle):
        return choice_form.cleaned_data["agency"], None, target
    return choice_form.cleaned_data["agency"], target, None


class DocumentsForm(forms.Form):
    """One row per required document (received?, form, quantity, scan), and one free row for anything else."""

    other_name = forms.CharField(
        label=_("Other document handed in"),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": _("Other document handed in")}),
    )
    other_form = forms.ChoiceField(label=_("Form of the document"), choices=FORM_CHOICES, required=False)
    other_quantity = forms.IntegerField(
        label=_("Number of copies"), min_value=1, max_value=99, required=False
    )
    other_file = forms.FileField(label=_("Scan (PDF, JPEG or PNG)"), required=False)

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.documents = list(documents)
        self.rows = []
        for document in self.documents:
            prefix = f"doc{document.pk}"
            self.fields[f"{prefix}_received"] = forms.BooleanField(
                label=_("Received: %(name)s") % {"name": document.name}, required=False
            )
            self.fields[f"{prefix}_form"] = forms.ChoiceField(
                label=_("Form of “%(name)s”") % {"name": document.name},
                choices=FORM_CHOICES,
                initial=default_form(document),
            )
            self.fields[f"{prefix}_quantity"] = forms.IntegerField(
                label=_("Number of copies of “%(name)s”") % {"name": document.name},
                min_value=1,
                max_value=99,
                initial=default_quantity(document),
            )
            self.fields[f"{prefix}_file"] = forms.FileField(
                label=_("Scan of “%(name)s”") % {"name": document.name}, required=False
            )
            self.rows.append(
                {
                    "document": document,
                    "received": self[f"{prefix}_received"],
                    "form": self[f"{prefix}_form"],
                    "quantity": self[f"{prefix}_quantity"],
                    "file": self[f"{prefix}_file"],
                }
            )

    def received(self) -> list[ReceivedDocument]:
        """The documents ticked as received (a document with a scan attached counts as received)."""
        data, items = self.cleaned_data, []
        for document in self.documents:
            prefix = f"doc{document.pk}"
            upload = data.get(f"{prefix}_file")
            if data.get(f"{prefix}_received") or upload:
                items.append(
                    ReceivedDocument(
                        name=document.name,
                        required_document_id=document.pk,
                        form=data.get(f"{prefix}_form") or default_form(document),
                        quantity=data.get(f"{prefix}_quantity") or 1,
                        upload=upload,
                    )
                )
        if nfc(data.get("other_name")):
            items.append(
                ReceivedDocument(
                    name=nfc(data["other_name"]),
                    form=data.get("other_form") or DossierDocument.Form.ORIGINAL,
                    quantity=data.get("other_quantity") or 1,
                    upload=data.get("other_file"),
                )
            )
        return items

    def clean(self):
        data = super().clean()
        if data.get("other_file") and not nfc(data.get("other_name")):
            self.add_error("other_name", _("Name the other document whose scan you attached."))
        return data


class ApplicantForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("The applicant is"),
        choices=[("person", _("a person")), ("organisation", _("an organisation"))],
        initial="person",
        widget=forms.RadioSelect,
    )
    name = forms.CharField(label=_("Full name or organisation name"), max_length=255)
    id_number = forms.CharField(
        label=_("Citizen ID (CCCD), or enterprise or tax code"), max_length=30, required=False
    )
    birth_date = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    address = forms.CharField(label=_("Address of the applicant"), max_length=500, required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=20, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    representative_name = forms.CharField(
        label=_("Authorised representative (if any)"), max_length=255, required=False
    )
    representative_id_number = forms.CharField(
        label=_("Representative's ID number"), max_length=30, required=False
    )
    representative_phone = forms.CharField(label=_("Representative's phone"), max_length=20, required=False)
    channel = forms.ChoiceField(
        label=_("Handed in"),
        choices=[
            (Channel.DIRECT, _("in person at the desk")),
            (Channel.POSTAL, pgettext_lazy("handed in", "by post")),
        ],
        initial=Channel.DIRECT,
    )
    delivery_choice = forms.ChoiceField(
        label=_("Result delivery"), choices=ReturnMethod.choices, initial=ReturnMethod.DESK
    )
    delivery_address = forms.CharField(
        label=_("Address to post the result to"),
        max_length=500,
        required=False,
        help_text=_("By post only; left empty, the applicant's address."),
    )

    def clean(self):
        data = super().clean()
        if data.get("delivery_choice") != ReturnMethod.POST:
            data["delivery_address"] = ""
        elif not nfc(data.get("delivery_address", "")):
            data["delivery_address"] = data.get("address", "")
        if missing_delivery_address(data.get("delivery_choice", ""), data.get("delivery_address", "")):
            self.add_error("delivery_address", _("Give the address to post the result to."))
        return data

    def applicant(self) -> Applicant:
        data = self.cleaned_data
        organisation = data["kind"] == "organisation"
        return Applicant(
            name=data["name"],
            is_organisation=organisation,
            id_number=data["id_number"],
            birth_date=None if organisation else data["birth_date"],
            address=data["address"],
            phone=data["phone"],
            email=data["email"],
            representative_name=data["representative_name"],
            representative_id_number=data["representative_id_number"],
            representative_phone=data["representative_phone"],
        )


class DecisionForm(forms.Form):
    """What the desk decides, with what each decision needs: missing documents and reason, or reasons."""

    decision = forms.ChoiceField(
        choices=[
            (RECEIVE, pgettext_lazy("reception decision", "Receive")),
            (SUPPLEMENT, pgettext_lazy("reception decision", "Request a supplement")),
            (REFUSE, pgettext_lazy("reception decision", "Refuse")),
        ],
        initial=RECEIVE,
    )
    missing_documents = forms.MultipleChoiceField(
        label=_("Missing documents"), required=False, widget=forms.CheckboxSelectMultiple
    )
    missing_other = forms.CharField(
        label=_("Other missing or incorrect documents (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    supplement_reason = forms.CharField(
        label=_("Why the dossier must be supplemented"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    refusal_reasons = forms.CharField(
        label=_("Specific reasons for refusing"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["missing_documents"].choices = [(document.name, document.name) for document in documents]

    def missing(self) -> list[str]:
        lines = [nfc(line) for line in self.cleaned_data.get("missing_other", "").splitlines()]
        return [*self.cleaned_data.get("missing_documents", []), *(line for line in lines if line)]

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision == SUPPLEMENT:
            if not self.missing():
                self.add_error("missing_documents", _("Say which documents are missing."))
            if not nfc(data.get("supplement_reason")):
                self.add_error("supplement_reason", _("Give the reason for the supplement request."))
        if decision == REFUSE and not nfc(data.get("refusal_reasons")):
            self.add_error("refusal_reasons", _("Give the specific reasons for refusing."))
        return data
