"""What a staff screen asks for: an agency and a period (this month, this quarter, this year, or from/to),
for the dashboard, its drill-down and its exports. Checked through `inputs.parse_settlement_request`, the same
checks as the command line and the API; refused inputs raise `InputErrors` with translated messages."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.org.models import Agency

from .inputs import InputErrors, parse_settlement_request

PERIODS = {
    "month": gettext_lazy("This month"),
    "quarter": gettext_lazy("This quarter"),
    "year": gettext_lazy("This year"),
    "custom": gettext_lazy("Custom period"),
}


def period_days(period: str, today: date) -> tuple[date, date]:
    """The first and last day of this month, quarter or year, up to `today` (a Vietnamese date)."""
    if period == "month":
        return today.replace(day=1), today
    if period == "quarter":
        return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
    if period == "year":
        return date(today.year, 1, 1), today
    raise ValueError(f"unknown period {period!r}")


@dataclass(frozen=True)
class Selection:
    agency: Agency
    first_day: date
    last_day: date
    period: str
    by: str | None = None

    def query(self, **extra) -> str:
        """The selection as a query string (with `extra`, e.g. figure=...), for links that keep it."""
        params = {
            "agency": self.agency.code,
            "from": self.first_day.isoformat(),
            "to": self.last_day.isoformat(),
        }
        params.update({key: value for key, value in extra.items() if value is not None})
        return urlencode(params)


def parse_selection(params, today: date, default_agency: Agency) -> Selection:
    """The agency (default: `default_agency`) and the period of a GET request. `period` is one of PERIODS;
    without it, `from` and `to` when given (custom), else this month."""
    period = (params.get("period") or "").strip()
    first, last = params.get("from"), params.get("to")
    if not period:
        period = "custom" if (first or last) else "month"
    if period not in PERIODS:
        raise InputErrors({"period": [_("Unknown period “%(period)s”.") % {"period": period}]})
    if period != "custom":
        first_day, last_day = period_days(period, today)
        first, last = first_day.isoformat(), last_day.isoformat()
    agency = (params.get("agency") or "").strip() or default_agency.code
    request = parse_settlement_request(agency, first, last, params.get("by"))
    return Selection(request.agency, request.first_day, request.last_day, period, request.by)
