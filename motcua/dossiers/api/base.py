"""What every dossier endpoint shares: who may call (token or session), the error shape, which dossiers the
caller sees (others answer 404, never 403), the version the caller decided on, and the detail it gets back."""

import re

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from motcua import clock
from motcua.dossiers import selectors
from motcua.dossiers.models import Dossier

from .errors import DossierNotFound, handle_exception
from .outputs import DossierDetailSerializer, DossierRowSerializer

ETAG = re.compile(r'^\s*(?:W/)?"?(\d+)"?\s*$')


class DossierAPI:
    """Mixed into every view of the dossier API."""

    # Token first: an unauthenticated call gets 401 with `WWW-Authenticate: Token`.
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def get_exception_handler(self):
        return handle_exception

    def visible(self) -> QuerySet:
        return selectors.visible_to(self.request.user)

    def get_dossier(self, code: str) -> Dossier:
        dossier = selectors.visible_one(self.request.user, Dossier.objects.filter(code=code))
        if dossier is None:
            raise DossierNotFound()
        return dossier

    def serializer_context(self) -> dict:
        return {"request": self.request, "view": self, "now": clock.now()}

    def detail_response(self, dossier: Dossier, status: int = 200) -> Response:
        """The dossier as it is now, with its version as the ETag (for If-Match)."""
        fresh = selectors.for_detail(Dossier.objects.filter(pk=dossier.pk)).get()
        data = DossierDetailSerializer(fresh, context=self.serializer_context()).data
        return self._dossier_response(data, fresh, status, {})

    def action_response(self, dossier: Dossier, status: int = 200) -> Response:
        """The answer to a business action: the detail, or, when the caller sends `Prefer: return=minimal`
        (RFC 7240), the list row of the dossier exactly as the action wrote it, without reading it again
        (a system that records many receptions needs the code, state, appointment and version only)."""
        if not prefers_minimal(self.request):
            return self.detail_response(dossier, status)
        data = DossierRowSerializer(dossier, context=self.serializer_context()).data
        return self._dossier_response(data, dossier, status, {"Preference-Applied": "return=minimal"})

    def _dossier_response(self, data: dict, dossier: Dossier, status: int, headers: dict) -> Response:
        headers = {**headers, "ETag": f'"{dossier.version}"'}
        if status == 201:
            headers["Location"] = self.request.build_absolute_uri(
                reverse("dossier-detail", args=[dossier.code])
            )
        return Response(data, status=status, headers=headers)


def prefers_minimal(request) -> bool:
    """`Prefer: return=minimal` among the caller's preferences (RFC 7240; several may be listed)."""
    preferences = request.headers.get("Prefer", "").split(",")  # each may carry ";" parameters after it
    return any(preference.split(";")[0].strip().lower() == "return=minimal" for preference in preferences)


def expected_version(request, data: dict) -> int | None:
    """`If-Match: "7"` (or 7, or W/"7"), else the body's `version`; None: the caller does not say."""
    header = request.headers.get("If-Match")
    if header and header.strip() != "*":
        match = ETAG.match(header)
        if match is None:
            raise serializers.ValidationError(
                {"If-Match": [_('Send the dossier\'s version as it was read, e.g. If-Match: "7".')]}
            )
        return int(match.group(1))
    return data.get("version")


class DossierAPIView(DossierAPI, APIView):
    pass
