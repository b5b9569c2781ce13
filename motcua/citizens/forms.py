"""The citizens' forms. They check the shape of what is typed; the rules are in accounts.py and login.py."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .identifiers import normalise_email, normalise_phone, parse_identifier


class CitizenForm(forms.Form):
    """Bootstrap classes, and each field described by its help text and errors (for screen readers)."""

    template_name = "citizens/_form_fields.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepare_fields()
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("class", "form-control")
            described = []
            if field.help_text:
                described.append(f"id_{name}_helptext")
            if self.is_bound and name in self.errors:
                described.append(f"id_{name}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described:
                field.widget.attrs["aria-describedby"] = " ".join(described)

    def prepare_fields(self) -> None:
        """Subclasses set what depends on the request (a queryset) here, before the form is validated."""

    def add_service_error(self, error) -> None:
        field = error.field if getattr(error, "field", None) in self.fields else None
        self.add_error(field, error.message)


def identifier_field(label=None) -> forms.CharField:
    return forms.CharField(
        label=label or _("E-mail address or mobile phone number"),
        max_length=254,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


def new_password_fields() -> tuple[forms.CharField, forms.CharField]:
    return (
        forms.CharField(
            label=pgettext_lazy("citizen account", "New password"),
            strip=False,
            widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
            help_text=_("At least 8 characters, not only digits, not a common password."),
        ),
        forms.CharField(
            label=pgettext_lazy("citizen account", "New password again"),
            strip=False,
            widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        ),
    )


class NewPasswordMixin:
    """password1/password2: the same, and accepted by Django's validators (for `self.password_user()`)."""

    def password_user(self):
        return None

    def clean_password2(self):
        first, second = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if first and second and first != second:
            raise ValidationError(_("The two passwords are not the same."))
        if second:
            validate_password(second, user=self.password_user())
        return second


class RegisterForm(NewPasswordMixin, CitizenForm):
    full_name = forms.CharField(
        label=_("Full name"), max_length=255, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    identifier = identifier_field()
    id_number = forms.CharField(
        label=_("Citizen ID number (optional)"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text=_("The 12 digits of your citizen ID card (CCCD)."),
    )
    password1, password2 = new_password_fields()

    field_order = ["full_name", "identifier", "id_number", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].label = pgettext_lazy("citizen account", "Password")
        self.fields["password2"].label = pgettext_lazy("citizen account", "Password again")
        self.fields["identifier"].help_text = _(
            "We send a link to an e-mail address, or a 6-digit code by SMS to a phone, to confirm it is "
            "yours."
        )
        self.fields["identifier"].widget.attrs["autocomplete"] = "email"

    def clean_identifier(self):
        return parse_identifier(self.cleaned_data["identifier"])

    def password_user(self):
        identifier = self.cleaned_data.get("identifier")
        return get_user_model()(
            first_name=self.cleaned_data.get("full_name", ""), email=getattr(identifier, "value", "")
        )

    def clean_id_number(self):
        value = "".join(self.cleaned_data["id_number"].split())
        if value and not (value.isdigit() and len(value) in (9, 12)):
            raise ValidationError(_("A citizen ID number has 12 digits (an old ID card: 9)."))
        return value


class LoginForm(CitizenForm):
    identifier = identifier_field()
    password = forms.CharField(
        label=pgettext_lazy("citizen account", "Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CodeForm(CitizenForm):
    code = forms.CharField(
        label=_("The 6-digit code from the SMS"),
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class ResetRequestForm(CitizenForm):
    identifier = identifier_field()

    def clean_identifier(self):
        return parse_identifier(self.cleaned_data["identifier"]).value


class ResetWithCodeForm(NewPasswordMixin, CitizenForm):
    phone = forms.CharField(
        label=_("Mobile phone number"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    code = CodeForm.base_fields["code"]
    password1, password2 = new_password_fields()

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"])


class SetPasswordForm(NewPasswordMixin, CitizenForm):
    password1, password2 = new_password_fields()

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def password_user(self):
        return self.user


class ChangePasswordForm(SetPasswordForm):
    old_password = forms.CharField(
        label=pgettext_lazy("citizen account", "Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    field_order = ["old_password", "password1", "password2"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        if user is not None and not user.has_usable_password():
            del self.fields["old_password"]  # an account made by VNeID sets its first password


class ProfileForm(CitizenForm):
    full_name = RegisterForm.base_fields["full_name"]
    id_number = RegisterForm.base_fields["id_number"]
    email = forms.CharField(
        label=_("E-mail address"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Mobile phone number"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    clean_id_number = RegisterForm.clean_id_number

    def clean_email(self):
        value = self.cleaned_data["email"].strip()
        if not value:
            return ""
        try:
            return normalise_email(value)
        except ValidationError as error:
            raise ValidationError(_("Enter a valid e-mail address.")) from error

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        return normalise_phone(value) if value else ""
