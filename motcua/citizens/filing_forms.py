"""Forms of the online submission and of the online supplement. They check the shape of what is typed and
keep it on an error; the rules are in filing.py and my_dossier.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.dossiers.lifecycle import ReturnMethod
from motcua.portal.selectors import filing_agencies

from .forms import CitizenForm
from .identifiers import normalise_phone
from .models import Draft


class ApplicantForm(CitizenForm):
    receiving_agency = forms.ModelChoiceField(
        label=_("Agency to file with"),
        queryset=None,
        empty_label=pgettext_lazy("choose", "— choose —"),
        error_messages={"required": _("Choose the agency to file with.")},
    )
    name = forms.CharField(
        label=_("Full name of the applicant"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("The applicant's name is required.")},
    )
    id_number = forms.RegexField(
        label=_("Citizen ID number (CCCD)"),
        regex=r"^\s*\d{9}(\d{3})?\s*$",
        required=False,
        help_text=_("12 digits (or 9 for an old identity card)."),
        error_messages={"invalid": _("An ID number has 12 digits (or 9 for an old identity card).")},
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        required=False,
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        widget=forms.DateInput(
            format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}
        ),
        help_text=_("Day/month/year, e.g. 05/09/1990."),
        error_messages={"invalid": _("Write the date as day/month/year, e.g. 05/09/1990.")},
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=500,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
        error_messages={"required": _("The address is required.")},
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        error_messages={"required": _("A phone number is required so the agency can reach you.")},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter a valid e-mail address.")},
    )

    def __init__(self, *args, draft: Draft, **kwargs):
        self.draft = draft
        super().__init__(*args, **kwargs)

    def prepare_fields(self) -> None:
        self.fields["receiving_agency"].queryset = filing_agencies(self.draft.procedure_version)

    def clean_phone(self) -> str:
        return normalise_phone(self.cleaned_data["phone"])

    def clean_id_number(self) -> str:
        return self.cleaned_data["id_number"].strip()


def applicant_initial(draft: Draft) -> dict:
    return {
        "receiving_agency": draft.receiving_agency_id,
        "name": draft.applicant_name,
        "id_number": draft.applicant_id_number,
        "birth_date": draft.applicant_birth_date,
        "address": draft.applicant_address,
        "phone": draft.applicant_phone,
        "email": draft.applicant_email,
    }


class DeliveryForm(CitizenForm):
    choice = forms.ChoiceField(
        label=_("How do you want to receive the result?"),
        choices=ReturnMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you want to receive the result.")},
    )
    address = forms.CharField(
        label=_("Address to post the result to"),
        max_length=500,
        required=False,
        help_text=_("Only when the result is posted."),
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    template_name = "citizens/filing/_delivery_fields.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].widget.attrs["class"] = "form-check-input"

    def clean(self):
        data = super().clean()
        if data.get("choice") == ReturnMethod.POST and not data.get("address", "").strip():
            self.add_error("address", _("Give the address to post the result to."))
        return data


class NoteForm(CitizenForm):
    note = forms.CharField(
        label=_("Note to the agency (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
