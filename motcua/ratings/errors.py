"""Errors of the rating services: a stable code for machines, an HTTP status, a translated message."""


class RatingError(Exception):
    code = "rating_error"
    http_status = 400

    def __init__(self, message: str, errors: dict | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class NotAllowed(RatingError):
    code = "not_allowed"
    http_status = 403


class NotOpen(RatingError):
    """Not received yet, or returned longer ago than the policy allows."""

    code = "not_open"
    http_status = 409


class AlreadyRated(RatingError):
    """One rating per dossier and channel (also a database constraint)."""

    code = "already_rated"
    http_status = 409


class InvalidAnswers(RatingError):
    code = "invalid"
    http_status = 400
