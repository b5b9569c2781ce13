"""The citizens app's public surface: what other apps import (never the modules behind it).

For views of other apps (the online submission):
    citizen_required                  view decorator: signed-in citizens only (else the login page and back);
                                      the view reads `request.citizen`
    current_citizen(request)          the signed-in Citizen or None; `citizen.user` is the account to put in
                                      `Dossier.submitted_by`
    login_url(next_url)               the citizens' login page that comes back to `next_url`
    offers_online(version)            whether the procedure version can be submitted online (filing.py)
Reads:
    reusable_documents(citizen)       DossierFile rows of the citizen's earlier dossiers (scans, results)
    my_dossiers(citizen)              the citizen's online dossiers, newest first
    authenticated_with_vneid(user)    TaiKhoanDuocXacThucVoiVNeID for the national portal
    citizen_of(user)                  the Citizen of a user account, or None
Writes (the citizens' own pages call them; listed for commands and tests):
    register, verify_email, verify_phone, send_code, request_password_reset, reset_with_link,
    reset_with_code, change_password, update_profile, authenticate (login with the throttle)
"""

from urllib.parse import urlencode

from django.urls import reverse

from .accounts import (
    AccountError,
    change_password,
    register,
    request_password_reset,
    reset_with_code,
    reset_with_link,
    send_code,
    send_email_verification,
    update_profile,
    verify_email,
    verify_phone,
)
from .filing import offers_online
from .login import LoginRefused, authenticate
from .models import Citizen, CodePurpose, IdentitySource
from .selectors import authenticated_with_vneid, citizen_of, my_dossiers, reusable_documents
from .sessions import citizen_required, current_citizen

__all__ = [
    "AccountError",
    "Citizen",
    "CodePurpose",
    "IdentitySource",
    "LoginRefused",
    "authenticate",
    "authenticated_with_vneid",
    "change_password",
    "citizen_of",
    "citizen_required",
    "current_citizen",
    "login_url",
    "my_dossiers",
    "offers_online",
    "register",
    "request_password_reset",
    "reset_with_code",
    "reset_with_link",
    "reusable_documents",
    "send_code",
    "send_email_verification",
    "update_profile",
    "verify_email",
    "verify_phone",
]


def login_url(next_url: str = "") -> str:
    url = reverse("citizens:login")
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url
