"""Writes of citizens' accounts: registration, verification of the e-mail address and the phone, password
reset and change, the profile. Messages go through the outbox in the same transaction as the change.

Errors are `AccountError` with a translated message (and the form field it belongs to, when there is one).
"""

import contextlib
import secrets
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from motcua import clock
from motcua.text import nfc

from . import sending, tokens
from .identifiers import Identifier, normalise_email, normalise_phone, parse_identifier
from .models import Citizen, CodePurpose, IdentitySource, OneTimeCode

# At most this many codes per citizen and purpose within an hour: an SMS costs money and annoys.
CODES_PER_HOUR = 5


class AccountError(Exception):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def new_username() -> str:
    """Citizens' users get a random username nobody types: they sign in with their e-mail or phone."""
    return f"citizen-{secrets.token_hex(8)}"


def find(identifier: Identifier) -> Citizen | None:
    lookup = {"email": identifier.value} if identifier.kind == "email" else {"phone": identifier.value}
    return Citizen.objects.select_related("user").filter(**lookup).first()


def taken_message(identifier: Identifier) -> str:
    if identifier.kind == "email":
        return _(
            "An account already uses this e-mail address. Log in, or reset the password if you forgot it."
        )
    return _("An account already uses this phone number. Log in, or reset the password if you forgot it.")


def create_user(password: str | None, full_name: str):
    user = get_user_model()(username=new_username(), is_staff=False, is_superuser=False, is_active=True)
    user.first_name = full_name[:150]
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    return user


def register(full_name: str, identifier_text: str, password: str, id_number: str = "") -> Citizen:
    """A new citizen account with an e-mail address or a mobile phone number, and a password (Django's
    validators). The verification link (e-mail) or code (SMS) is queued in the same transaction."""
    full_name = nfc(full_name)
    if not full_name:
        raise AccountError(_("Enter your full name."), field="full_name")
    identifier = parse_identifier(identifier_text)
    validate_password(password, user=get_user_model()(first_name=full_name, email=identifier.value))
    try:
        with transaction.atomic():
            if find(identifier) is not None:
                raise AccountError(taken_message(identifier), field="identifier")
            citizen = Citizen.objects.create(
                user=create_user(password, full_name),
                full_name=full_name,
                id_number=nfc(id_number).replace(" ", ""),
                email=identifier.value if identifier.kind == "email" else None,
                phone=identifier.value if identifier.kind == "phone" else None,
                identity_source=IdentitySource.PASSWORD,
                created_at=clock.now(),
            )
            send_verification(citizen)
    except IntegrityError as error:  # the same address registered by a concurrent request
        raise AccountError(taken_message(identifier), field="identifier") from error
    return citizen


def send_verification(citizen: Citizen) -> None:
    """Queue what verifies the account's unverified contacts: the e-mail link, the phone code."""
    if citizen.email and not citizen.email_verified:
        send_email_verification(citizen)
    if citizen.phone and not citizen.phone_verified:
        send_code(citizen, CodePurpose.VERIFY_PHONE)


def send_email_verification(citizen: Citizen):
    return sending.email_verification_link(citizen, tokens.email_token(citizen))


def verify_email(token: str) -> Citizen | None:
    """Mark the address the link names as verified; None for a wrong, expired or outdated link."""
    citizen = tokens.citizen_for_email_token(token)
    if citizen is None:
        return None
    if not citizen.email_verified_at:
        citizen.email_verified_at = clock.now()
        citizen.save(update_fields=["email_verified_at"])
    return citizen


def send_code(citizen: Citizen, purpose: str) -> OneTimeCode:
    """A new 6-digit code by SMS to the account's phone (earlier unused codes of that purpose die)."""
    now = clock.now()
    with transaction.atomic():
        recent = OneTimeCode.objects.filter(
            citizen=citizen, purpose=purpose, created_at__gt=now - timedelta(hours=1)
        ).count()
        if recent >= CODES_PER_HOUR:
            raise AccountError(_("Too many codes were sent in the last hour. Try again later."))
        OneTimeCode.objects.filter(citizen=citizen, purpose=purpose, used_at__isnull=True).update(used_at=now)
        code = tokens.new_code()
        salt = secrets.token_hex(8)
        row = OneTimeCode.objects.create(
            citizen=citizen,
            purpose=purpose,
            phone=citizen.phone,
            code_hash=f"{salt}${tokens.code_hash(code, salt)}",
            created_at=now,
            expires_at=now + tokens.CODE_LIFETIME,
        )
        minutes = int(tokens.CODE_LIFETIME.total_seconds() // 60)
        if purpose == CodePurpose.VERIFY_PHONE:
            sending.phone_code(citizen.phone, code, minutes)
        else:
            sending.reset_code(citizen.phone, code, minutes)
    return row


def use_code(citizen: Citizen, purpose: str, code: str) -> None:
    """Spend the citizen's current code of `purpose` if `code` is it; AccountError otherwise. A code dies
    after 5 wrong tries or 10 minutes, and once used. Runs in its own transaction, committed before the
    error is raised, so a wrong try counts even when the caller's transaction rolls back: never call it
    inside another transaction."""
    now = clock.now()
    code = "".join(nfc(code).split())
    with transaction.atomic():
        row = (
            OneTimeCode.objects.select_for_update()
            .filter(citizen=citizen, purpose=purpose, used_at__isnull=True, phone=citizen.phone)
            .order_by("-created_at", "-pk")
            .first()
        )
        error = _check_code(row, code, now)
        if row is not None and error is None:
            row.used_at = now
            row.save(update_fields=["used_at"])
    if error is not None:
        raise AccountError(error, field="code")


def _check_code(row: OneTimeCode | None, code: str, now) -> str | None:
    """None when `code` is the row's code; else the message (a wrong try is counted on the row)."""
    if row is None:
        return _("There is no code to check. Ask for a new code.")
    if row.expires_at <= now:
        return _("This code has expired. Ask for a new code.")
    if row.tries >= tokens.CODE_TRIES:
        return _("Too many wrong codes. Ask for a new code.")
    salt, _dollar, digest = row.code_hash.partition("$")
    if secrets.compare_digest(tokens.code_hash(code, salt), digest):
        return None
    row.tries += 1
    row.save(update_fields=["tries"])
    left = tokens.CODE_TRIES - row.tries
    if left <= 0:
        return _("Too many wrong codes. Ask for a new code.")
    return _("This code is not right. Tries left: %(left)d.") % {"left": left}


def verify_phone(citizen: Citizen, code: str) -> None:
    use_code(citizen, CodePurpose.VERIFY_PHONE, code)
    citizen.phone_verified_at = clock.now()
    citizen.save(update_fields=["phone_verified_at"])


def request_password_reset(identifier_text: str) -> Identifier:
    """Send a reset link (e-mail) or code (SMS) if an account has this identifier; the caller says the same
    thing either way. ValidationError when the text is neither an address nor a mobile number."""
    identifier = parse_identifier(identifier_text)
    citizen = find(identifier)
    if citizen is None or not citizen.user.is_active:
        return identifier
    with transaction.atomic():
        if identifier.kind == "email":
            sending.reset_link(citizen, tokens.reset_token(citizen))
        else:
            # too many codes this hour: say nothing more than for an unknown number
            with contextlib.suppress(AccountError):
                send_code(citizen, CodePurpose.RESET_PASSWORD)
    return identifier


def set_password(citizen: Citizen, password: str) -> None:
    validate_password(password, user=citizen.user)
    citizen.user.set_password(password)
    citizen.user.save(update_fields=["password"])


def reset_with_link(token: str, password: str) -> Citizen:
    citizen = tokens.citizen_for_reset_token(token)
    if citizen is None:
        raise AccountError(_("This link is wrong, expired or already used. Ask for a new one."))
    with transaction.atomic():
        set_password(citizen, password)
        if citizen.email and not citizen.email_verified_at:  # the link reached the address: it is verified
            citizen.email_verified_at = clock.now()
            citizen.save(update_fields=["email_verified_at"])
    return citizen


def reset_with_code(phone_text: str, code: str, password: str) -> Citizen:
    try:
        phone = normalise_phone(phone_text)
    except ValidationError as error:
        raise AccountError(_("There is no code to check. Ask for a new code."), field="code") from error
    citizen = find(Identifier("phone", phone))
    if citizen is None:
        raise AccountError(_("There is no code to check. Ask for a new code."), field="code")
    validate_password(password, user=citizen.user)
    use_code(citizen, CodePurpose.RESET_PASSWORD, code)
    with transaction.atomic():
        set_password(citizen, password)
        if not citizen.phone_verified_at:  # the code reached the phone: it is verified
            citizen.phone_verified_at = clock.now()
            citizen.save(update_fields=["phone_verified_at"])
    return citizen


def change_password(citizen: Citizen, old_password: str, new_password: str) -> None:
    if citizen.user.has_usable_password() and not citizen.user.check_password(old_password):
        raise AccountError(_("Your current password is not right."), field="old_password")
    set_password(citizen, new_password)


def update_profile(citizen: Citizen, *, full_name: str, id_number: str, email: str, phone: str) -> Citizen:
    """Change the name, ID number, e-mail or phone; a new e-mail or phone is unverified and gets its link or
    code. An account keeps at least one way to sign in."""
    full_name = nfc(full_name)
    if not full_name:
        raise AccountError(_("Enter your full name."), field="full_name")
    email_value = normalise_email(email) if nfc(email) else None
    phone_value = normalise_phone(phone) if nfc(phone) else None
    if not email_value and not phone_value and not citizen.vneid_subject:
        raise AccountError(_("Keep an e-mail address or a phone number to sign in with."), field="email")
    try:
        with transaction.atomic():
            if email_value and Citizen.objects.filter(email=email_value).exclude(pk=citizen.pk).exists():
                raise AccountError(taken_message(Identifier("email", email_value)), field="email")
            if phone_value and Citizen.objects.filter(phone=phone_value).exclude(pk=citizen.pk).exists():
                raise AccountError(taken_message(Identifier("phone", phone_value)), field="phone")
            new_email, new_phone = email_value != citizen.email, phone_value != citizen.phone
            if new_email:
                citizen.email, citizen.email_verified_at = email_value, None
            if new_phone:
                citizen.phone, citizen.phone_verified_at = phone_value, None
            citizen.full_name = full_name
            citizen.id_number = nfc(id_number).replace(" ", "")
            citizen.save()
            citizen.user.first_name = full_name[:150]
            citizen.user.save(update_fields=["first_name"])
            if new_email and email_value:
                send_email_verification(citizen)
            if new_phone and phone_value:
                send_code(citizen, CodePurpose.VERIFY_PHONE)
    except IntegrityError as error:
        raise AccountError(_("An account already uses this e-mail address or phone number.")) from error
    return citizen
