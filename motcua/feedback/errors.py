"""Domain errors of the feedback services: a stable code for machines, a translated message for people."""


class FeedbackError(Exception):
    code = "feedback_error"
    http_status = 400

    def __init__(self, message: str, **details):
        super().__init__(message)
        self.message = message
        self.details = details


class NotAllowed(FeedbackError):
    """The actor holds no role that may take this action in this agency (or the secret is wrong)."""

    code = "not_allowed"
    http_status = 403


class WrongState(FeedbackError):
    """The action does not apply to the feedback in its current state."""

    code = "wrong_state"
    http_status = 409


class StaleVersion(FeedbackError):
    """Somebody else changed the feedback since the caller read it (lost-update guard)."""

    code = "stale_version"
    http_status = 409


class InvalidRequest(FeedbackError):
    """The request itself is wrong: a missing reason, no way to reach the sender, a file of the wrong type."""

    code = "invalid"
    http_status = 400


class VoteRefused(FeedbackError):
    """This visitor (or this network address today) already voted on this answer."""

    code = "already_voted"
    http_status = 409
