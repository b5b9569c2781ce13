"""The reports app's public surface for other apps (dashboards, the 766 index, the office screens).

settlement(agency, first_day, last_day, by=None, *, now=None) -> Settlement
    the II.06a figures of an agency subtree over Vietnamese dates, optionally broken down by
    "agency" | "field" | "procedure" | "level" | "channel" | "month"; Settlement.as_dict() is the JSON
subtree_dossiers(agency) -> QuerySet                   the dossiers received by the agency or one below it
counted(agency, first_day, last_day) -> QuerySet       the dossiers the report counts
received_in(agency, first_day, last_day) -> QuerySet   the dossiers received within the period
percent(part, whole) -> str                             "66.67": two decimals, half up, "0.00" for 0
bounds(first_day, last_day) -> (begin, stop)            the period as instants, stop excluded
classified(dossiers, reference) -> QuerySet          aliases `timeliness` of a finish, `standing` at reference
dossiers_behind(agency, first_day, last_day, figure, *, now=None, by=None, key=None) -> QuerySet
    the dossiers behind one number of the report (FIGURES: "received.online", "resolved.late"...), of the
    total or of one row (`by`, `key`), with the report's own conditions
ranking(agency, first_day, last_day, *, now=None) -> [Ranked]
    the agencies directly below, by on-time rate ((early + on time) % of resolved), ties broken;
    rank(report) does the same from a report already broken down by agency
"""

from .periods import bounds, vietnamese_month
from .ranking import Ranked, rank, ranking
from .rates import percent
from .settlement import (
    BREAKDOWNS,
    FIGURES,
    Evaluations,
    Figures,
    Row,
    Settlement,
    classified,
    counted,
    dossiers_behind,
    received_in,
    settlement,
    subtree_dossiers,
)

__all__ = [
    "BREAKDOWNS",
    "FIGURES",
    "Evaluations",
    "Figures",
    "Ranked",
    "Row",
    "Settlement",
    "bounds",
    "classified",
    "counted",
    "dossiers_behind",
    "percent",
    "rank",
    "ranking",
    "received_in",
    "settlement",
    "subtree_dossiers",
    "vietnamese_month",
]
