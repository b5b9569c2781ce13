"""The portal's two GET forms: searching the catalogue, and finding a dossier to track."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from motcua.catalog.choices import Level, OnlineLevel

from . import selectors
from .selectors import CatalogueQuery

ANY = [("", pgettext_lazy("portal", "All"))]


class StyledForm(forms.Form):
    """Bootstrap's classes on every input; Django ties labels, help and errors to it (aria-describedby)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = css


class CatalogueSearchForm(StyledForm):
    q = forms.CharField(
        label=_("Procedure name or code"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}),
        help_text=_("With or without diacritics, e.g. “dang ky khai sinh” or 1.001193."),
    )
    field = forms.ChoiceField(label=pgettext_lazy("catalogue filter", "Field"), required=False)
    agency = forms.ChoiceField(label=_("Where to file"), required=False)
    level = forms.ChoiceField(
        label=pgettext_lazy("catalogue filter", "Level"), required=False, choices=ANY + Level.choices
    )
    online_level = forms.ChoiceField(
        label=_("Online service"), required=False, choices=ANY + OnlineLevel.choices
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].choices = ANY + [(f.code, f.name) for f in selectors.fields_in_use()]
        self.fields["agency"].choices = ANY + [(a.code, a.name) for a in selectors.receiving_agencies()]

    def query(self) -> CatalogueQuery:
        """The search asked for; a value that is not one of the choices is ignored, not an error."""
        data = self.data
        valid = self.is_valid()

        def value(name: str) -> str:
            if valid:
                return self.cleaned_data.get(name) or ""
            return "" if name in self.errors else str(data.get(name, "")).strip()

        return CatalogueQuery(
            text=value("q"),
            field=value("field"),
            agency=value("agency"),
            level=value("level"),
            online_level=value("online_level"),
        )

    @property
    def is_filtered(self) -> bool:
        query = self.query()
        return any([query.text, query.field, query.agency, query.level, query.online_level])


class TrackingForm(StyledForm):
    code = forms.CharField(
        label=_("Dossier code"),
        max_length=60,
        help_text=_("As printed on your receipt, e.g. 000.01.00.H34-260105-0001."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    secret = forms.CharField(
        label=_("Lookup code"),
        required=False,
        max_length=12,
        help_text=_("The six characters printed on your receipt under the QR code."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )
    phone = forms.RegexField(
        label=_("Or the last four digits of your phone number"),
        regex=r"^\d{4}$",
        required=False,
        max_length=4,
        error_messages={"invalid": _("Enter exactly four digits.")},
        help_text=_("The phone number you gave when you filed the dossier."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": r"\d{4}"}),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("secret") and not cleaned.get("phone") and not self.errors:
            raise forms.ValidationError(
                _("Enter the lookup code from your receipt, or the last four digits of your phone number.")
            )
        return cleaned
