"""Domain errors of the dossier services: a stable code for machines, a translated message for people."""


class DossierError(Exception):
    code = "dossier_error"
    http_status = 400

    def __init__(self, message: str, **details):
        super().__init__(message)
        self.message = message
        self.details = details


class NotAllowed(DossierError):
    """The actor holds no role that may take this action in this agency."""

    code = "not_allowed"
    http_status = 403


class WrongState(DossierError):
    """The action does not apply to the dossier in its current state."""

    code = "wrong_state"
    http_status = 409


class StaleVersion(DossierError):
    """Somebody else changed the dossier since the caller read it (lost-update guard)."""

    code = "stale_version"
    http_status = 409


class InvalidRequest(DossierError):
    """The request itself is wrong: a missing reason, a date in the past, a file of the wrong type."""

    code = "invalid"
    http_status = 400
