"""Which days are working days: Vietnam's official calendar from the `holidays` package, then overrides.

Pure Python, like the engine. The names are calendar data in Vietnamese, as the `holidays` package gives them
(`language="vi"`); they are shown as they are, in every interface language.
"""

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

import holidays

from .engine import FIRST_YEAR, LAST_YEAR

DAY_OFF = "day_off"
WORKING_DAY = "working_day"

# The package names the day off that a make-up Saturday pays for ("Ngày nghỉ (thay cho ngày 26/04/2025)") but
# not the Saturday itself: we name it after that day off, in the package's language.
MAKE_UP_NAME = "Ngày làm việc bù cho ngày nghỉ {date}"
MAKE_UP_NAME_UNPAIRED = "Ngày làm việc bù"


@lru_cache(maxsize=4)
def official_days(
    first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR
) -> tuple[dict[date, str], dict[date, str]]:
    """(days off, make-up working days) of Vietnam from `first_year` to `last_year`, with their names.

    Days off are the public holidays with the official swaps ("nghỉ bù", "Ngày nghỉ (thay cho ...)"); make-up
    working days are the Saturdays the package lists in `weekend_workdays`. Cached: the package only changes
    with a deploy. Callers must not modify the returned mappings.
    """
    calendar = holidays.country_holidays("VN", years=range(first_year, last_year + 1), language="vi")
    days_off = dict(sorted(calendar.items()))
    make_up = {}
    for day in sorted(calendar.weekend_workdays):
        text = day.strftime("%d/%m/%Y")
        paid = [off for off, name in days_off.items() if text in name]
        make_up[day] = (
            MAKE_UP_NAME.format(date=paid[0].strftime("%d/%m/%Y")) if paid else MAKE_UP_NAME_UNPAIRED
        )
    return days_off, make_up


def apply_overrides(
    days_off: dict[date, str], working_days: dict[date, str], overrides: Iterable[tuple[date, str, str]]
) -> tuple[dict[date, str], dict[date, str]]:
    """New (days off, working days) after `overrides`, (date, DAY_OFF or WORKING_DAY, name) triples given from
    the weakest to the strongest: a later override of the same date wins over an earlier one, and every
    override wins over the official calendar."""
    days_off, working_days = dict(days_off), dict(working_days)
    for day, kind, name in overrides:
        if kind == DAY_OFF:
            working_days.pop(day, None)
            days_off[day] = name
        elif kind == WORKING_DAY:
            days_off.pop(day, None)
            working_days[day] = name
        else:
            raise ValueError(f"unknown override kind {kind!r}")
    return days_off, working_days
