"""The citizens' pages under /citizen/: register, log in and out, verify, reset the password, the account,
VNeID, my dossiers and my documents. Thin: forms check the shape, accounts.py / login.py / vneid.py decide.
No JavaScript; every page extends the portal's base template."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import accounts, filing, login, selectors, sessions, throttle, vneid
from .forms import (
    ChangePasswordForm,
    CodeForm,
    LoginForm,
    ProfileForm,
    RegisterForm,
    ResetRequestForm,
    ResetWithCodeForm,
    SetPasswordForm,
)
from .identifiers import masked_email, masked_phone
from .models import CodePurpose
from .oidc import client as oidc
from .presenting import document_rows, dossier_rows, resume_url

RESET_PHONE_KEY = "_citizen_reset_phone"


def safe_next(request, default: str = "") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or reverse("citizens:account")


def vneid_context() -> dict:
    cfg = oidc.config()
    return {"vneid_enabled": oidc.enabled(), "vneid_label": cfg.label if cfg else "VNeID"}


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def register(request):
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            citizen = accounts.register(
                data["full_name"], data["identifier"].value, data["password1"], data["id_number"]
            )
        except accounts.AccountError as error:
            form.add_service_error(error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            sessions.log_in(request, citizen, "password")
            if citizen.email:
                messages.success(
                    request,
                    _(
                        "Your account is created. We sent a link to %(email)s: open it to confirm your "
                        "address."
                    )
                    % {"email": masked_email(citizen.email)},
                )
                return redirect("citizens:account")
            messages.success(
                request,
                _("Your account is created. We sent a 6-digit code by SMS to %(phone)s.")
                % {"phone": masked_phone(citizen.phone)},
            )
            return redirect("citizens:verify-phone")
    return render(request, "citizens/register.html", {"form": form, **vneid_context()})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def log_in(request):
    if sessions.current_citizen(request) is not None and request.method != "POST":
        return redirect(safe_next(request))
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            citizen = login.authenticate(
                form.cleaned_data["identifier"],
                form.cleaned_data["password"],
                throttle.client_address(request),
            )
        except login.LoginRefused as refused:
            form.add_error(None, refused.message)
        else:
            sessions.log_in(request, citizen, "password")
            return redirect(safe_next(request))
    context = {"form": form, "next": safe_next(request, default=""), **vneid_context()}
    return render(request, "citizens/login.html", context, status=200)


@require_POST
def log_out(request):
    sessions.log_out(request)
    messages.info(request, _("You are signed out."))
    return redirect("portal:home")


@never_cache
@sessions.citizen_required
@require_http_methods(["GET", "HEAD", "POST"])
def account(request):
    citizen = request.citizen
    initial = {
        "full_name": citizen.full_name,
        "id_number": citizen.id_number,
        "email": citizen.email or "",
        "phone": citizen.phone or "",
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.update_profile(citizen, **form.cleaned_data)
        except accounts.AccountError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("Your details are saved."))
            return redirect("citizens:account")
    context = {
        "citizen": citizen,
        "form": form,
        "login_method": sessions.login_method(request),
        **vneid_context(),
    }
    return _private(render(request, "citizens/account.html", context))


@never_cache
@sessions.citizen_required
@require_http_methods(["GET", "HEAD", "POST"])
def change_password(request):
    citizen = request.citizen
    form = ChangePasswordForm(request.POST or None, user=citizen.user)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.change_password(
                citizen, form.cleaned_data.get("old_password", ""), form.cleaned_data["password1"]
            )
        except accounts.AccountError as error:
            form.add_service_error(error)
        else:
            sessions.keep_session_after_password_change(request, citizen)
            messages.success(request, _("Your password is changed."))
            return redirect("citizens:account")
    return _private(render(request, "citizens/change_password.html", {"form": form}))


@require_POST
@sessions.citizen_required
def send_email_link(request):
    citizen = request.citizen
    if citizen.email and not citizen.email_verified:
        accounts.send_email_verification(citizen)
        messages.success(
            request, _("We sent a new link to %(email)s.") % {"email": masked_email(citizen.email)}
        )
    return redirect("citizens:account")


@never_cache
@require_safe
def verify_email(request, token: str):
    citizen = accounts.verify_email(token)
    if citizen is None:
        return render(request, "citizens/verify_email.html", {"verified": False}, status=400)
    return render(request, "citizens/verify_email.html", {"verified": True, "citizen": citizen})


@never_cache
@sessions.citizen_required
@require_http_methods(["GET", "HEAD", "POST"])
def verify_phone(request):
    citizen = request.citizen
    if not citizen.phone:
        return redirect("citizens:account")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.verify_phone(citizen, form.cleaned_data["code"])
        except accounts.AccountError as error:
            form = CodeForm(request.POST)  # rebuilt, so the error's description is wired to the field
            form.is_valid()
            form.add_service_error(error)
        else:
            messages.success(request, _("Your phone number is confirmed."))
            return redirect("citizens:account")
    context = {"form": form, "citizen": citizen, "phone": masked_phone(citizen.phone)}
    return _private(render(request, "citizens/verify_phone.html", context))


@require_POST
@sessions.citizen_required
def send_phone_code(request):
    citizen = request.citizen
    if citizen.phone and not citizen.phone_verified:
        try:
            accounts.send_code(citizen, CodePurpose.VERIFY_PHONE)
        except accounts.AccountError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("We sent a new code to %(phone)s.") % {"phone": masked_phone(citizen.phone)}
            )
    return redirect("citizens:verify-phone")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def password_reset(request):
    form = ResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        identifier = accounts.request_password_reset(form.cleaned_data["identifier"])
        if identifier.kind == "phone":
            request.session[RESET_PHONE_KEY] = identifier.value
            messages.info(
                request,
                _("If an account uses this number, we sent it a 6-digit code by SMS. Enter it below."),
            )
            return redirect("citizens:reset-code")
        return render(request, "citizens/reset_sent.html", {"email": masked_email(identifier.value)})
    return render(request, "citizens/reset_request.html", {"form": form})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def reset_with_code(request):
    initial = {"phone": request.session.get(RESET_PHONE_KEY, "")}
    form = ResetWithCodeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            accounts.reset_with_code(data["phone"], data["code"], data["password1"])
        except accounts.AccountError as error:
            form.add_service_error(error)
        except ValidationError as error:
            form.add_error("password1", error)
        else:
            request.session.pop(RESET_PHONE_KEY, None)
            messages.success(request, _("Your password is changed. Log in with the new password."))
            return redirect("citizens:login")
    return render(request, "citizens/reset_code.html", {"form": form})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def reset_with_link(request, token: str):
    from .tokens import citizen_for_reset_token

    citizen = citizen_for_reset_token(token)
    if citizen is None:
        return render(request, "citizens/reset_link.html", {"invalid": True}, status=400)
    form = SetPasswordForm(request.POST or None, user=citizen.user)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.reset_with_link(token, form.cleaned_data["password1"])
        except accounts.AccountError as error:
            form.add_service_error(error)
        else:
            sessions.forget_citizen(request)
            messages.success(request, _("Your password is changed. Log in with the new password."))
            return redirect("citizens:login")
    response = render(request, "citizens/reset_link.html", {"form": form})
    response["Referrer-Policy"] = "no-referrer"  # the token is in the URL
    return response


@require_safe
def vneid_start(request):
    try:
        url = vneid.start(request, safe_next(request))
    except vneid.VneidRefused as refused:
        messages.error(request, refused.message)
        return redirect("citizens:login")
    return redirect(url)


@require_POST
@sessions.citizen_required
def vneid_link(request):
    try:
        url = vneid.start(request, reverse("citizens:account"), link_to=request.citizen)
    except vneid.VneidRefused as refused:
        messages.error(request, refused.message)
        return redirect("citizens:account")
    return redirect(url)


@never_cache
@require_safe
def vneid_callback(request):
    try:
        citizen, next_url = vneid.finish(request)
    except vneid.VneidRefused as refused:
        return render(request, "citizens/vneid_refused.html", {"message": refused.message}, status=400)
    sessions.log_in(request, citizen, "vneid")
    messages.success(request, _("You are signed in with VNeID."))
    return redirect(next_url)


@never_cache
@sessions.citizen_required
@require_safe
def my_dossiers(request):
    rows = dossier_rows(selectors.my_dossiers(request.citizen))
    drafts = [
        (draft, resume_url(draft), filing.kept_until(draft)) for draft in filing.open_drafts(request.citizen)
    ]
    context = {"rows": rows, "drafts": drafts, "draft_keep_days": filing.keep_days()}
    return _private(render(request, "citizens/dossiers.html", context))


@never_cache
@sessions.citizen_required
@require_safe
def my_documents(request):
    rows = document_rows(selectors.reusable_documents(request.citizen))
    return _private(render(request, "citizens/documents.html", {"rows": rows}))


@sessions.citizen_required
@require_safe
def document(request, pk: int):
    """One of the citizen's own files, streamed; any other file is 404 (whether it exists or not)."""
    stored = selectors.owned_file(request.citizen, pk)
    if stored is None:
        raise Http404
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        content_type=stored.content_type,
        as_attachment=bool(request.GET.get("download")),
        filename=stored.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return _private(response)
