"""What a caller asks for (the command line, the REST API), checked into a `SettlementRequest` or refused with
translated messages per input."""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from motcua.org.models import Agency

from .exports import FORMATS
from .settlement import BREAKDOWNS

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The Vietnamese date in SQL is exact from 1976 on (reports/periods.py); the last year leaves room for the day
# after the period's end.
EARLIEST, LATEST = date(1976, 1, 1), date(9998, 12, 31)


class InputErrors(Exception):
    """Refused inputs: {input name: [messages]}, in the order they were checked."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors

    def one_line(self) -> str:
        return " ".join(message for messages in self.errors.values() for message in messages)

    def first(self) -> str:
        return next(iter(self.errors.values()))[0]


@dataclass(frozen=True)
class SettlementRequest:
    agency: Agency
    first_day: date
    last_day: date
    by: str | None
    format: str


def _day(value: str | None, name: str, errors: dict) -> date | None:
    value = (value or "").strip()
    if not value:
        errors[name] = [_("The date “%(name)s” is required (YYYY-MM-DD).") % {"name": name}]
        return None
    try:
        if not ISO_DATE.match(value):
            raise ValueError(value)
        day = date.fromisoformat(value)
    except ValueError:
        errors[name] = [
            _("“%(value)s” is not a date: write %(name)s as YYYY-MM-DD, e.g. 2026-03-31.")
            % {"value": value, "name": name}
        ]
        return None
    if not EARLIEST <= day <= LATEST:
        errors[name] = [
            _("%(name)s must be between %(earliest)s and %(latest)s.")
            % {"name": name, "earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()}
        ]
        return None
    return day


def check_period(
    agency: str | None, first: str | None, last: str | None, errors: dict[str, list[str]]
) -> tuple[Agency | None, date | None, date | None]:
    """An agency code and a period of Vietnamese dates, as every statistic asks for them (the settlement
    report, the service index): the agency and the two days, or None for each one refused, with its messages
    in `errors`."""
    code = (agency or "").strip()
    found = Agency.objects.filter(code=code).first() if code else None
    if not code:
        errors["agency"] = [_("The agency's code is required.")]
    elif found is None:
        errors["agency"] = [_("There is no agency with the code “%(code)s”.") % {"code": code}]
    first_day = _day(first, "from", errors)
    last_day = _day(last, "to", errors)
    if first_day and last_day and last_day < first_day:
        errors["to"] = [
            _("The period ends (%(to)s) before it starts (%(from)s).")
            % {"to": last_day.isoformat(), "from": first_day.isoformat()}
        ]
    return found, first_day, last_day


def parse_settlement_request(
    agency: str | None, first: str | None, last: str | None, by: str | None = None, fmt: str | None = None
) -> SettlementRequest:
    """Check every input; raise InputErrors naming each one refused (unknown agency, a bad date, a period that
    ends before it starts, an unknown breakdown or format)."""
    errors: dict[str, list[str]] = {}
    found, first_day, last_day = check_period(agency, first, last, errors)
    by = (by or "").strip() or None
    if by is not None and by not in BREAKDOWNS:
        errors["by"] = [
            _("Unknown breakdown “%(by)s”: use one of %(choices)s.")
            % {"by": by, "choices": ", ".join(BREAKDOWNS)}
        ]
    fmt = (fmt or "").strip() or "json"
    if fmt not in FORMATS:
        errors["format"] = [
            _("Unknown format “%(format)s”: use one of %(choices)s.")
            % {"format": fmt, "choices": ", ".join(FORMATS)}
        ]
    if errors:
        raise InputErrors(errors)
    return SettlementRequest(found, first_day, last_day, by, fmt)
