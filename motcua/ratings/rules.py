"""The scoring rules as plain functions over the data (levels, bands): no database access here.

- timeliness indicators: the level whose class matches the engine's classification earns its points;
- number indicators: the first level (in order) whose `up_to` is at least the number, or the open-ended one;
- choice indicators: the citizen picks a level; its points are the answer;
- Art. 15.2: an indicator's score is an average over dossiers, rounded half up to one decimal;
- Art. 15.3: the band of a total is the first band (highest first) whose lower bound the total passes.
"""

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from math import floor

from .models import Timeliness

# From worst to best: the timeliness of several agencies is the worst of theirs. The values are the
# working-time engine's classes (worktime.engine EARLY, ON_TIME, LATE).
WORST_FIRST = (Timeliness.LATE, Timeliness.ON_TIME, Timeliness.EARLY)


def worst(classes: Iterable[str]) -> str | None:
    classes = set(classes)
    return next((cls for cls in WORST_FIRST if cls in classes), None)


def points_for_timeliness(levels: Sequence, timeliness: str) -> int | None:
    return next((level.points for level in levels if level.timeliness == timeliness), None)


def points_for_count(levels: Sequence, count: int) -> int | None:
    """Levels in order: [up to 1 → 2, up to 2 → 1, more → 0]; None when no level covers the number."""
    for level in levels:
        if level.up_to is None or count <= level.up_to:
            return level.points
    return None


def count_options(levels: Sequence) -> list[tuple[int, object]]:
    """The numbers a form offers, one per level: its `up_to`, or one more than the previous for "more"."""
    options, previous = [], 0
    for level in levels:
        number = level.up_to if level.up_to is not None else previous + 1
        options.append((number, level))
        previous = number
    return options


def round_score(value: Fraction) -> Decimal:
    """Half up to one decimal (Circular 01/2018 art. 15.2: "làm tròn đến 1 chữ số thập phân")."""
    return (Decimal(floor(Fraction(value) * 10 + Fraction(1, 2))) / 10).quantize(Decimal("0.1"))


def band_for(bands: Sequence, total: Decimal | None):
    """Bands ordered best first; a total with no band (below every bound) gets None."""
    if total is None:
        return None
    for band in bands:
        if total > band.lower or (band.inclusive and total == band.lower):
            return band
    return None
