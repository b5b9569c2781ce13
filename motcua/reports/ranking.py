"""The ranking of the agencies directly below an agency (each with its subtree) by their on-time rate over a
period: (early + on time) as a percentage of resolved, from `settlement(by="agency")`, never recounted."""

from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction

from motcua.org.models import Agency

from .settlement import Figures, Settlement, settlement


@dataclass(frozen=True)
class Ranked:
    position: int  # 1, 2, 3...: ties in the rate are broken (see `ranking`), so every position is distinct
    agency: Agency
    figures: Figures

    @property
    def in_time(self) -> int:
        return self.figures.early + self.figures.on_time

    @property
    def on_time_rate(self) -> str:
        return self.figures.in_time_rate()


def _order(entry: tuple[Agency, Figures]):
    """Agencies that resolved something first, by exact rate (not the rounded string), then by more dossiers
    resolved, then by name and code: a fixed order for equal rates."""
    agency, figures = entry
    resolved = figures.resolved
    rate = Fraction(figures.early + figures.on_time, resolved) if resolved else Fraction(0)
    return (resolved == 0, -rate, -resolved, agency.name, agency.code)


def ranking(agency: Agency, first_day: date, last_day: date, *, now: datetime | None = None) -> list[Ranked]:
    """Every active agency directly below `agency` (with its subtree), best on-time rate first; an agency
    with no dossier in the period is listed with zeros, after those that resolved something."""
    return rank(settlement(agency, first_day, last_day, by="agency", now=now))


def rank(report: Settlement) -> list[Ranked]:
    """`ranking` of a report already broken down by agency (a dashboard reuses the one it shows)."""
    if report.by != "agency":
        raise ValueError("the ranking needs a report broken down by agency")
    figures = {row.key: row.figures for row in report.rows}
    children = report.agency.children.filter(is_active=True)
    entries = sorted(((child, figures.get(child.code, Figures())) for child in children), key=_order)
    return [
        Ranked(position=index, agency=child, figures=found)
        for index, (child, found) in enumerate(entries, start=1)
    ]
