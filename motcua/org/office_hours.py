"""Office sessions as agencies write them: "08:00-12:00, 13:00-17:00"."""

from datetime import time

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DEFAULT_OFFICE_HOURS = "08:00-12:00, 13:00-17:00"


def parse_office_hours(text: str) -> list[tuple[time, time]]:
    """Parse sessions; raise ValueError (translatable message) when malformed or overlapping."""
    sessions: list[tuple[time, time]] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            start_text, end_text = (piece.strip() for piece in part.split("-"))
            start, end = time.fromisoformat(start_text), time.fromisoformat(end_text)
        except ValueError as error:
            raise ValueError(_("“%(part)s” is not a session like 08:00-12:00.") % {"part": part}) from error
        if start >= end:
            raise ValueError(_("Session “%(part)s” ends before it starts.") % {"part": part})
        if sessions and start < sessions[-1][1]:
            raise ValueError(_("Sessions must be in order and must not overlap."))
        sessions.append((start, end))
    if not sessions:
        raise ValueError(_("At least one office session is needed."))
    return sessions


def validate_office_hours(text: str) -> None:
    try:
        parse_office_hours(text)
    except ValueError as error:
        raise ValidationError(str(error)) from error
