"""The dashboard's numbers as the page shows them: each with the query of its drill-down, and the charts'
data, all read from `Settlement` results (nothing is counted here)."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choosing import Selection
from .ranking import Ranked
from .settlement import FIGURES, Figures, Row, Settlement


def figure_labels() -> dict[str, str]:
    """Each figure's name on screen (the II.06a column in brackets where it has one)."""
    return {
        "received.total": _("Received, total (3)"),
        "received.online": _("of which online (4)"),
        "received.direct_postal": _("of which at the desk or by post (5)"),
        "received.carried_over": _("carried over from before (6)"),
        "resolved.total": _("Resolved, total (7)"),
        "resolved.early": _("early (8)"),
        "resolved.on_time": _("on time (9)"),
        "resolved.late": _("late (10)"),
        "in_progress.total": _("In progress, total (11)"),
        "in_progress.within_time": _("within time (12)"),
        "in_progress.overdue": _("overdue (13)"),
        "evaluations.dossiers": _("Received within the period"),
        "evaluations.evaluated": _("evaluated by the applicant"),
        "evaluations.satisfied": _("satisfied or very satisfied"),
    }


@dataclass(frozen=True)
class Cell:
    figure: str
    value: int
    query: str  # the drill-down's query string


def figure_table(figures: Figures, selection: Selection, *, by: str | None = None, key: str | None = None):
    """{"received": {"total": Cell...}, ..., "evaluations": {...}, "rates": {...}} for a template."""
    table: dict[str, dict] = {}
    for figure in FIGURES:
        group, part = figure.split(".")
        query = selection.query(figure=figure, by=by, key=key)
        table.setdefault(group, {})[part] = Cell(figure, figures.value(figure), query)
    data = figures.as_dict()
    table["rates"] = {
        **data["rates"],
        "in_time": figures.in_time_rate(),
        "online": figures.online_share(),
        "evaluated": data["evaluations"]["rates"]["evaluated"],
        "satisfied": data["evaluations"]["rates"]["satisfied"],
    }
    return table


def month_rows(by_month: Settlement, first_day: date) -> list[Row]:
    """The rows of a report by month of reception that fall within the period (the carried-over dossiers'
    months come before it)."""
    first = first_day.strftime("%Y-%m")
    return [row for row in by_month.rows if row.key >= first]


def chart_data(by_agency: Settlement, months: list[Row], ranked: list[Ranked]) -> dict:
    """What the three charts draw (passed with json_script): the trend per month of reception, the on-time
    rate per agency, the online share."""
    total = by_agency.total
    agencies = ranked or [
        Ranked(position=1, agency=by_agency.agency, figures=row.figures)
        for row in by_agency.rows
        if row.key == by_agency.agency.code
    ]
    return {
        "months": {
            "labels": [row.key[5:7] + "/" + row.key[:4] for row in months],
            "received": [row.figures.online + row.figures.direct_postal for row in months],
            "early": [row.figures.early for row in months],
            "on_time": [row.figures.on_time for row in months],
            "late": [row.figures.late for row in months],
        },
        "agencies": {
            "labels": [entry.agency.name for entry in agencies],
            "rates": [float(entry.on_time_rate) for entry in agencies],
        },
        "online": {
            "online": total.online,
            "direct_postal": total.direct_postal,
            "share": total.online_share(),
        },
        "words": {
            "received": str(pgettext_lazy("report", "Received")),
            "early": str(pgettext_lazy("report", "Early")),
            "on_time": str(pgettext_lazy("report", "On time")),
            "late": str(pgettext_lazy("report", "Late")),
            "rate": str(_("On-time rate (%)")),
            "online": str(pgettext_lazy("report", "Online")),
            "direct_postal": str(_("At the desk or by post")),
        },
    }
