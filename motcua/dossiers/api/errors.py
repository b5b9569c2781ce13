"""Every error of the dossier API in one shape, in the request's language (Vietnamese by default):

    {"error": {"code": "wrong_state", "message": "...", "details": {...}, "fields": {"reason": ["..."]}}}

`code` is stable for machines; `message` is for people; `details` carries what the domain error said (the
current state, the current version...); `fields` names the inputs that were refused. Applied per view
(`DossierAPIView.get_exception_handler`), so the other apps keep DRF's default handler.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import set_rollback

from motcua.dossiers.errors import DossierError


class DossierNotFound(exceptions.NotFound):
    """One answer for a dossier that does not exist and for one the caller may not see: no leak."""

    default_code = "not_found"

    def __init__(self):
        super().__init__(_("There is no dossier with this code, or you may not see it."))


def error_response(status: int, code: str, message: str, details=None, fields=None, headers=None):
    body = {"code": code, "message": str(message), "details": details or {}, "fields": fields or {}}
    return Response({"error": body}, status=status, headers=headers)


def flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested validation errors as {"applicant.name": [...], "documents.0.file": [...]}."""
    found: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            found.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(detail, list) and all(not isinstance(item, (dict, list)) for item in detail):
        if detail:
            found[prefix or "non_field_errors"] = [str(item) for item in detail]
    elif isinstance(detail, list):
        for index, item in enumerate(detail):
            found.update(flatten(item, f"{prefix}.{index}" if prefix else str(index)))
    else:
        found[prefix or "non_field_errors"] = [str(detail)]
    return found


def _domain_error(error: DossierError, view) -> Response:
    fields = {}
    field = error.details.get("field")
    if field and field in getattr(view, "input_fields", lambda: ())():
        fields = {field: [error.message]}
    return error_response(error.http_status, error.code, error.message, error.details, fields)


def handle_exception(exc, context):
    """The exception handler of the dossier API views (DRF calls it with the view in `context`)."""
    view = context.get("view")
    if isinstance(exc, DossierError):
        set_rollback()
        return _domain_error(exc, view)
    if isinstance(exc, Http404):
        exc = DossierNotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        return None
    set_rollback()
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = f"{exc.wait:.0f}"
    if isinstance(exc, exceptions.ValidationError):
        return error_response(
            exc.status_code,
            "invalid",
            _("Some values are missing or not valid: see the fields."),
            fields=flatten(exc.detail),
            headers=headers,
        )
    if isinstance(exc, exceptions.ParseError):  # DRF's parsers give untranslated details
        message = _("The request's body could not be read (malformed JSON or form data).")
        return error_response(exc.status_code, "parse_error", message, {"detail": str(exc.detail)})
    code = exc.get_codes() if isinstance(exc.get_codes(), str) else exc.default_code
    message = exc.detail if isinstance(exc.detail, str) else exc.default_detail
    return error_response(exc.status_code, code, message, headers=headers)


# --- the shape, for the schema ---------------------------------------------------------------------------


class ErrorBodySerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="Stable code: invalid, not_found, not_allowed, wrong_state, stale_version, "
        "not_authenticated, authentication_failed, permission_denied, parse_error, unsupported_media_type..."
    )
    message = serializers.CharField(
        help_text="For people, in the request's language (Vietnamese by default)."
    )
    details = serializers.DictField(
        help_text="What the domain said: e.g. state (wrong_state), version (stale_version), agency."
    )
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text='Refused inputs: {"reason": [...], "applicant.name": [...], "documents.0.file": [...]}.',
    )


class DossierErrorSerializer(serializers.Serializer):
    error = ErrorBodySerializer()
