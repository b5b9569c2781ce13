"""The public transparency page of an agency (/minh-bach/<code>/): this year's on-time rate, online share and
satisfaction, with the counts behind them, from the settlement report (reports.selectors.settlement) of the
agency and its subtree, 1 January to today in Vietnamese time. Kept in Django's cache for CACHE_SECONDS so a
busy page costs one report a minute per agency."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.cache import cache

from motcua import clock
from motcua.org.models import Agency
from motcua.reports.periods import VIETNAM
from motcua.reports.selectors import settlement

CACHE_SECONDS = 60


@dataclass(frozen=True)
class Transparency:
    first_day: date
    last_day: date
    computed_at: datetime  # when the figures were read (Vietnamese time)
    figures: dict  # the report's JSON (Settlement.as_dict) without the rows
    in_time_rate: str  # early + on time, % of resolved
    online_share: str  # online, % of received within the period


def _key(agency: Agency, today: date) -> str:
    return f"motcua:portal:transparency:{agency.pk}:{today.isoformat()}"


def transparency(agency: Agency) -> Transparency:
    now = clock.now()
    today = now.astimezone(VIETNAM).date()
    key = _key(agency, today)
    found = cache.get(key)
    # Judged on MotCua's clock as well as by the cache's expiry: the same lifetime in every process.
    if found is None or (now - found.computed_at).total_seconds() >= CACHE_SECONDS:
        first_day = date(today.year, 1, 1)
        report = settlement(agency, first_day, today, now=now)
        found = Transparency(
            first_day=first_day,
            last_day=today,
            computed_at=now.astimezone(VIETNAM),
            figures={key: value for key, value in report.as_dict().items() if key != "rows"},
            in_time_rate=report.total.in_time_rate(),
            online_share=report.total.online_share(),
        )
        cache.set(key, found, CACHE_SECONDS)
    return found
