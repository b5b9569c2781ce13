"""Login with VNeID: the flow kept in the session, and the citizen found, created or linked by the subject.

start(request, next_url, link_to=None) -> the provider's URL to redirect to
finish(request) -> (citizen, next_url), or VneidRefused with a translated message; nothing is signed in then

A citizen is found by (issuer, subject). A signed-in citizen who starts the flow from the account page links
the subject to their account. Otherwise a new account is created from the claims (name, e-mail and phone when
no other account uses them, the ID number when MOTCUA_OIDC_ID_NUMBER_CLAIM names it) with no password. No
account is ever linked by a matching e-mail or phone: only a signed-in citizen links their own.
"""

import logging
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from motcua import clock
from motcua.text import nfc

from .accounts import create_user
from .identifiers import normalise_email, normalise_phone
from .models import Citizen, IdentitySource
from .oidc import client

logger = logging.getLogger("motcua.citizens.vneid")

SESSION_KEY = "_citizen_oidc_flows"
FLOW_SECONDS = 600  # a login started more than 10 minutes ago is refused
MAX_FLOWS = 5  # flows kept at once (tabs)


class VneidRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def redirect_uri() -> str:
    """The callback as registered with the provider: MOTCUA_PUBLIC_URL + /citizen/vneid/callback/."""
    return f"{settings.MOTCUA_PUBLIC_URL.rstrip('/')}{reverse('citizens:vneid-callback')}"


def start(request, next_url: str, link_to: Citizen | None = None) -> str:
    cfg = client.config()
    if cfg is None or not client.enabled():
        raise VneidRefused(_("Login with VNeID is not available on this site."))
    flow = client.new_flow()
    try:
        url = client.authorization_url(cfg, flow, redirect_uri())
    except client.OidcError as error:
        logger.warning("VNeID login cannot start: %s", error.reason)
        raise VneidRefused(unreachable_message()) from error
    flows = dict(request.session.get(SESSION_KEY, {}))
    flows[flow.state] = {
        "nonce": flow.nonce,
        "verifier": flow.verifier,
        "next": next_url,
        "link": link_to.pk if link_to is not None else None,
        "started": time.time(),
    }
    request.session[SESSION_KEY] = dict(
        sorted(flows.items(), key=lambda item: item[1]["started"])[-MAX_FLOWS:]
    )
    return url


def unreachable_message() -> str:
    return _("VNeID cannot be reached now. Please try again later.")


def refused_message() -> str:
    return _("The login with VNeID could not be verified, so you are not signed in. Please try again.")


def finish(request) -> tuple[Citizen, str]:
    cfg = client.config()
    if cfg is None or not client.enabled():
        raise VneidRefused(_("Login with VNeID is not available on this site."))
    state = request.GET.get("state", "")
    flows = dict(request.session.get(SESSION_KEY, {}))
    flow = flows.pop(state, None) if state else None
    request.session[SESSION_KEY] = flows
    if flow is None or time.time() - flow.get("started", 0) > FLOW_SECONDS:
        logger.warning("VNeID callback refused: unknown or expired state")
        raise VneidRefused(
            _("This login with VNeID was not started here or has expired. Please start again.")
        )
    if request.GET.get("error"):
        logger.info("VNeID answered %s", request.GET.get("error")[:100])
        raise VneidRefused(_("The login with VNeID was cancelled or refused."))
    code = request.GET.get("code", "")
    if not code:
        raise VneidRefused(refused_message())
    try:
        tokens = client.exchange_code(cfg, code, flow.get("verifier"), redirect_uri())
        claims = client.validate_id_token(cfg, tokens["id_token"], flow.get("nonce", ""))
        info = client.userinfo(cfg, tokens.get("access_token"), claims["sub"])
    except client.OidcError as error:
        logger.warning("VNeID login refused: %s", error.reason)
        raise VneidRefused(unreachable_message() if error.unreachable else refused_message()) from error
    link_to = Citizen.objects.filter(pk=flow["link"]).first() if flow.get("link") else None
    citizen = sign_in_or_link(cfg.issuer, {**info, **claims}, link_to)
    return citizen, flow.get("next") or reverse("citizens:account")


def _name(claims: dict) -> str:
    name = nfc(claims.get("name") if isinstance(claims.get("name"), str) else "")
    if not name:
        parts = [claims.get("family_name"), claims.get("middle_name"), claims.get("given_name")]
        name = nfc(" ".join(part for part in parts if isinstance(part, str) and part))
    return name or _("VNeID user")


def _free_email(claims: dict) -> str | None:
    try:
        email = normalise_email(str(claims.get("email") or ""))
    except ValidationError:
        return None
    return None if Citizen.objects.filter(email=email).exists() else email


def _free_phone(claims: dict) -> str | None:
    try:
        phone = normalise_phone(str(claims.get("phone_number") or ""))
    except ValidationError:
        return None
    return None if Citizen.objects.filter(phone=phone).exists() else phone


def _id_number(claims: dict) -> str:
    name = getattr(settings, "MOTCUA_OIDC_ID_NUMBER_CLAIM", "")
    value = claims.get(name) if name else None
    return nfc(str(value)).replace(" ", "")[:20] if value else ""


def sign_in_or_link(issuer: str, claims: dict, link_to: Citizen | None) -> Citizen:
    subject = claims["sub"]
    level = str(claims.get("acr") or "")[:100]
    now = clock.now()
    try:
        with transaction.atomic():
            found = (
                Citizen.objects.select_for_update().filter(vneid_issuer=issuer, vneid_subject=subject).first()
            )
            if link_to is not None and found is not None and found.pk != link_to.pk:
                raise VneidRefused(_("This VNeID account is already linked to another MotCua account."))
            if link_to is not None and link_to.vneid_subject and link_to.vneid_subject != subject:
                raise VneidRefused(_("Your account is already linked to another VNeID account."))
            citizen = found or link_to
            if citizen is None:
                email, phone = _free_email(claims), _free_phone(claims)
                name = _name(claims)
                citizen = Citizen(
                    user=create_user(None, name),
                    full_name=name,
                    id_number=_id_number(claims),
                    email=email,
                    phone=phone,
                    email_verified_at=now if email and claims.get("email_verified") is True else None,
                    phone_verified_at=now if phone and claims.get("phone_number_verified") is True else None,
                    created_at=now,
                )
            if citizen.vneid_subject is None:
                citizen.vneid_linked_at = now
            citizen.vneid_issuer, citizen.vneid_subject = issuer, subject
            citizen.identity_source = IdentitySource.VNEID
            citizen.level_of_assurance = level
            if not citizen.id_number:
                citizen.id_number = _id_number(claims)
            citizen.save()
    except IntegrityError as error:  # the same subject signed in twice at once: the other one won
        citizen = Citizen.objects.filter(vneid_issuer=issuer, vneid_subject=subject).first()
        if citizen is None:
            raise VneidRefused(refused_message()) from error
    if not citizen.user.is_active or citizen.user.is_staff:
        raise VneidRefused(refused_message())
    return citizen
