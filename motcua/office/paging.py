"""Keyset pagination: a page is the rows after the last one shown, in a fixed order on indexed columns.

Unlike OFFSET, the cost of a page does not grow with its depth in a queue of a million dossiers, and a row
added meanwhile never shifts the next page.
"""

import base64
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet

PAGE_SIZE = 30


@dataclass(frozen=True)
class Page:
    rows: list
    next_cursor: str | None
    is_first: bool


def _encode(value: datetime, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{value.isoformat()}|{pk}".encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[datetime, int] | None:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        value, pk = raw.rsplit("|", 1)
        instant = datetime.fromisoformat(value)
        return (instant, int(pk)) if instant.tzinfo is not None else None
    except (ValueError, UnicodeDecodeError):
        return None


def paginate(
    queryset: QuerySet, order: tuple[str, str], cursor: str | None, *, descending=False, size=None
) -> Page:
    """The page of `queryset` (already ordered by `order`, a non-null instant then "pk") after `cursor`."""
    size = size or PAGE_SIZE
    field = order[0]
    position = _decode(cursor) if cursor else None
    if position is not None:
        value, pk = position
        after = "lt" if descending else "gt"
        queryset = queryset.filter(
            Q(**{f"{field}__{after}": value}) | Q(**{field: value, f"pk__{after}": pk})
        )
    rows = list(queryset[: size + 1])
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = _encode(getattr(last, field), last.pk)
    return Page(rows, next_cursor, position is None)
