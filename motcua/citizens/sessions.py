"""Who the citizen in this request is. Citizens are signed in in their own part of the session, never as
`request.user`: the staff office, the admin and the private API (all behind `request.user`) never see a
citizen, and a citizen's password never opens them (backends.StaffBackend refuses citizens too).

Other apps use only `current_citizen(request)` and `citizen_required` (both re-exported by services.py).
"""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare

from .models import Citizen

CITIZEN_KEY = "_citizen_id"
HASH_KEY = "_citizen_auth_hash"
METHOD_KEY = "_citizen_login_method"
_CACHE = "_citizen_cache"


def current_citizen(request) -> Citizen | None:
    """The citizen signed in in this request's session, or None. The session is dropped when the account
    was deactivated or its password changed elsewhere (as Django does for staff sessions)."""
    if hasattr(request, _CACHE):
        return getattr(request, _CACHE)
    citizen = None
    session = getattr(request, "session", None)
    pk = session.get(CITIZEN_KEY) if session is not None else None
    if pk is not None:
        found = Citizen.objects.select_related("user").filter(pk=pk).first()
        if (
            found is not None
            and found.user.is_active
            and not found.user.is_staff
            and constant_time_compare(session.get(HASH_KEY, ""), found.user.get_session_auth_hash())
        ):
            citizen = found
        else:
            forget_citizen(request)
    setattr(request, _CACHE, citizen)
    return citizen


def login_method(request) -> str | None:
    """How the current citizen signed in: "password" or "vneid"."""
    return request.session.get(METHOD_KEY) if current_citizen(request) else None


def log_in(request, citizen: Citizen, method: str) -> None:
    """Start the citizen's session (a new session key, against fixation); a staff user signed in in the same
    browser is signed out first."""
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        logout(request)
    else:
        request.session.cycle_key()
    request.session[CITIZEN_KEY] = citizen.pk
    request.session[HASH_KEY] = citizen.user.get_session_auth_hash()
    request.session[METHOD_KEY] = method
    citizen.user.last_login = timezone.now()
    citizen.user.save(update_fields=["last_login"])
    setattr(request, _CACHE, citizen)


def keep_session_after_password_change(request, citizen: Citizen) -> None:
    """The password changed in this session: keep it signed in (other sessions of the citizen end)."""
    request.session.cycle_key()
    request.session[HASH_KEY] = citizen.user.get_session_auth_hash()


def forget_citizen(request) -> None:
    for key in (CITIZEN_KEY, HASH_KEY, METHOD_KEY):
        request.session.pop(key, None)
    if hasattr(request, _CACHE):
        setattr(request, _CACHE, None)


def log_out(request) -> None:
    request.session.flush()
    setattr(request, _CACHE, None)


def citizen_required(view):
    """A view for signed-in citizens only: others are sent to the citizens' login page and back. The view
    finds the citizen in `request.citizen` (also `current_citizen(request)`)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        citizen = current_citizen(request)
        if citizen is None:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('citizens:login')}?{query}")
        request.citizen = citizen
        return view(request, *args, **kwargs)

    return wrapper
