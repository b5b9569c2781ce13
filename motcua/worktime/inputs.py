"""Reading a deadline request from text (command line, JSON lines, query strings), with translated errors.

One parser for `motcua due` and `GET /api/v1/worktime/due`, so both accept and refuse exactly the same input.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from motcua.org.models import Agency

from .engine import FIRST_YEAR, LAST_YEAR, Calendar, Explanation, OutOfRange
from .selectors import calendar_for
from .units import Unit

# In a query string an unencoded "+" arrives as a space: "2026-03-02T09:00:00 07:00" means +07:00.
_SPACE_FOR_PLUS = re.compile(r"(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$")


class InputErrors(ValueError):
    """Field -> list of messages (already translated)."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors

    def one_line(self) -> str:
        return " ".join(message for messages in self.errors.values() for message in messages)


@dataclass
class DueRequest:
    received: datetime
    amount: Decimal
    unit: Unit
    agency: Agency | None = None
    cutoff: time | None = None
    pauses: list[tuple[datetime, datetime]] = field(default_factory=list)


def parse_instant(value) -> datetime:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(
            _("Give a date and time in ISO 8601 with its offset, e.g. 2026-03-02T09:00:00+07:00.")
        )
    text = _SPACE_FOR_PLUS.sub(r"\1+\2", value.strip())
    try:
        instant = datetime.fromisoformat(text)
    except ValueError as error:
        raise ValueError(
            _("“%(value)s” is not a date and time in ISO 8601, e.g. 2026-03-02T09:00:00+07:00.")
            % {"value": value}
        ) from error
    if instant.tzinfo is None:
        raise ValueError(
            _("“%(value)s” has no offset: write it with one, e.g. 2026-03-02T09:00:00+07:00.")
            % {"value": value}
        )
    if not FIRST_YEAR <= instant.year <= LAST_YEAR:
        raise ValueError(
            _("The working calendar covers %(first)s to %(last)s only.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return instant


def parse_amount(value) -> Decimal:
    not_a_number = ValueError(_("“%(value)s” is not a number, e.g. 2.5.") % {"value": value})
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise not_a_number
    try:  # a JSON number is read back as the decimal it was written as
        amount = Decimal(repr(value) if isinstance(value, float) else str(value).strip())
    except InvalidOperation as error:
        raise not_a_number from error
    if not amount.is_finite():
        raise not_a_number
    if amount < 0:
        raise ValueError(_("The amount cannot be negative."))
    return amount


def parse_unit(value) -> Unit:
    try:
        return Unit(value)
    except ValueError as error:
        raise ValueError(
            _("Unknown unit “%(value)s”: use %(units)s.") % {"value": value, "units": ", ".join(Unit)}
        ) from error


def parse_cutoff(value) -> time:
    try:
        return time.fromisoformat(str(value).strip())
    except ValueError as error:
        raise ValueError(_("“%(value)s” is not a time of day like 15:00.") % {"value": value}) from error


def parse_pause(value) -> tuple[datetime, datetime]:
    """A pause as "start/end" text or as a [start, end] pair."""
    parts = value.split("/") if isinstance(value, str) else value
    if not isinstance(parts, list | tuple) or len(parts) != 2:
        raise ValueError(_("A pause is written start/end, two dates and times with their offset."))
    start, end = parse_instant(parts[0]), parse_instant(parts[1])
    if end < start:
        raise ValueError(_("A pause cannot end before it starts."))
    return start, end


def find_agency(code) -> Agency:
    agency = Agency.objects.filter(code=str(code).strip()).first() if code else None
    if agency is None:
        raise ValueError(_("Unknown agency “%(code)s”.") % {"code": code})
    return agency


def parse_due_request(data: Mapping) -> DueRequest:
    """Read received, amount, unit and the optional agency, cutoff, pauses; InputErrors lists all problems."""
    errors: dict[str, list[str]] = {}
    values = {}
    readers = {"received": parse_instant, "amount": parse_amount, "unit": parse_unit}
    for name, reader in readers.items():
        if data.get(name) in (None, ""):
            errors[name] = [_("This field is required.")]
            continue
        try:
            values[name] = reader(data[name])
        except ValueError as error:
            errors[name] = [str(error)]
    optional = {"agency": find_agency, "cutoff": parse_cutoff}
    for name, reader in optional.items():
        if data.get(name) not in (None, ""):
            try:
                values[name] = reader(data[name])
            except ValueError as error:
                errors[name] = [str(error)]
    pauses = data.get("pauses") or []
    if not isinstance(pauses, list | tuple):
        pauses = [pauses]
    try:
        values["pauses"] = [parse_pause(pause) for pause in pauses]
    except ValueError as error:
        errors["pauses"] = [str(error)]
    if not errors:
        _check_combination(values, errors)
    if errors:
        raise InputErrors(errors)
    return DueRequest(**values)


def _check_combination(values: dict, errors: dict) -> None:
    unit, amount = values["unit"], values["amount"]
    whole = amount == amount.to_integral_value()
    if values.get("cutoff") is not None:
        if unit is not Unit.WORKING_DAYS:
            errors["cutoff"] = [_("A cut-off applies to time limits in working_days only.")]
        elif not whole:
            errors["amount"] = [_("With a cut-off, the amount is a whole number of working days.")]
    elif unit in (Unit.CALENDAR_DAYS, Unit.MONTHS) and not whole:
        errors["amount"] = [_("Calendar days and months are counted whole: give a whole number.")]


def compute(request: DueRequest, explain: bool = False) -> tuple[datetime, Explanation | None, Calendar]:
    """(due instant, explanation or None, calendar used); InputErrors when the due date is off calendar."""
    calendar = calendar_for(request.agency)
    try:
        if explain:
            explanation = calendar.explain(
                request.received, request.amount, request.unit, request.pauses, request.cutoff
            )
            return explanation.due, explanation, calendar
        due = calendar.due(request.received, request.amount, request.unit, request.pauses, request.cutoff)
        return due, None, calendar
    except OutOfRange as error:
        raise InputErrors(
            {
                "amount": [
                    _("The due date falls outside the working calendar (%(first)s to %(last)s).")
                    % {"first": FIRST_YEAR, "last": LAST_YEAR}
                ]
            }
        ) from error
