"""The dossier REST API, /api/v1/dossiers/ (docs/api.md): business actions, never raw state changes.

Modules: views (list, submit, detail, timeline), actions (one endpoint per business action), inputs and
outputs (serializers), filters, errors (the one error shape), base (authentication, visibility, versions).
"""

from .urls import urlpatterns

__all__ = ["urlpatterns"]
