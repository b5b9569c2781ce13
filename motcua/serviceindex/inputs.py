"""What a caller asks for (the command line, the REST API), checked into an `IndexRequest` or refused with
translated messages per input. The agency and the period are checked as for the settlement report
(`reports.inputs.check_period`)."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from motcua.org.models import Agency
from motcua.reports.inputs import InputErrors, check_period

__all__ = ["FORMATS", "IndexRequest", "InputErrors", "parse_request"]

FORMATS = ("json", "text")


@dataclass(frozen=True)
class IndexRequest:
    agency: Agency
    first_day: date
    last_day: date
    format: str = "json"


def parse_request(
    agency: str | None, first: str | None, last: str | None, fmt: str | None = None
) -> IndexRequest:
    """Check every input; raise InputErrors naming each one refused (unknown agency, a bad date, a period that
    ends before it starts, an unknown format)."""
    errors: dict[str, list[str]] = {}
    found, first_day, last_day = check_period(agency, first, last, errors)
    fmt = (fmt or "").strip() or "json"
    if fmt not in FORMATS:
        errors["format"] = [
            _("Unknown format “%(format)s”: use one of %(choices)s.")
            % {"format": fmt, "choices": ", ".join(FORMATS)}
        ]
    if errors:
        raise InputErrors(errors)
    return IndexRequest(found, first_day, last_day, fmt)
