"""What a citizen types to sign in: an e-mail address or a Vietnamese mobile phone number.

Phone numbers are kept in the national form 0xxxxxxxxx (10 digits): +84, 0084 and 84 prefixes become 0, and
spaces, dots, dashes and brackets are ignored. Only the mobile prefixes the carriers use (2018 renumbering)
are accepted.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from motcua.text import nfc

# Viettel 032-039, 086, 096-098; VinaPhone 081-085, 088, 091, 094; MobiFone 070, 076-079, 089, 090, 093;
# Vietnamobile 052, 056, 058, 092; Gmobile 059, 099; Reddi 055; iTel 087.
MOBILE_PREFIXES = frozenset(
    [f"03{d}" for d in "23456789"]
    + ["052", "055", "056", "058", "059"]
    + ["070", "076", "077", "078", "079"]
    + [f"08{d}" for d in "123456789"]
    + ["090", "091", "092", "093", "094", "096", "097", "098", "099"]
)

INVALID_PHONE = _("Enter a Vietnamese mobile phone number of 10 digits, such as 0912 345 678.")


def normalise_phone(text: str) -> str:
    """'+84 912 345 678', '84912345678', '0912.345.678' -> '0912345678'; ValidationError otherwise."""
    digits = re.sub(r"[\s.\-()]", "", nfc(text))
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("0084"):
        digits = "0" + digits[4:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if not re.fullmatch(r"0\d{9}", digits) or digits[:3] not in MOBILE_PREFIXES:
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    return digits


def normalise_email(text: str) -> str:
    value = nfc(text).lower()
    validate_email(value)
    return value


@dataclass(frozen=True)
class Identifier:
    kind: str  # "email" or "phone"
    value: str


def parse_identifier(text: str) -> Identifier:
    """An e-mail address (it has an @) or a mobile phone number, normalised; ValidationError otherwise."""
    text = nfc(text)
    if "@" in text:
        try:
            return Identifier("email", normalise_email(text))
        except ValidationError as error:
            raise ValidationError(_("Enter a valid e-mail address."), code="invalid_email") from error
    return Identifier("phone", normalise_phone(text))


def masked_phone(phone: str) -> str:
    """0912345678 -> 091****678: enough for the citizen to recognise, not to read out."""
    return f"{phone[:3]}****{phone[-3:]}" if len(phone) == 10 else phone


def masked_email(email: str) -> str:
    name, _at, domain = email.partition("@")
    return f"{name[:1]}***@{domain}"
