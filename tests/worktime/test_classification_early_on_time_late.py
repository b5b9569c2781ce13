"""Trước hạn / đúng hạn / quá hạn: early = finished on a date before the due date (Vietnamese time); on time =
on the due date at or before the due instant; late = after the due instant."""

from datetime import UTC, datetime

import pytest

from motcua.worktime.engine import EARLY, LATE, ON_TIME

from .helpers import VN, at

DUE = "2026-03-04 14:00"


@pytest.mark.parametrize(
    ("finished", "expected"),
    [
        ("2026-03-03 16:59", EARLY),
        ("2026-03-03 23:59:59", EARLY),
        ("2026-03-04 00:00", ON_TIME),
        ("2026-03-04 14:00", ON_TIME),
        ("2026-03-04 14:00:00.000001", LATE),
        ("2026-03-05 08:00", LATE),
    ],
)
def test_classification(finished, expected):
    assert VN.classify(at(finished), at(DUE)) == expected


def test_the_date_is_the_vietnamese_date_not_the_utc_one():
    # 2026-03-03 18:00 UTC is 04/03 01:00 in Hà Nội: the due date itself, so on time, not early.
    assert VN.classify(datetime(2026, 3, 3, 18, 0, tzinfo=UTC), at(DUE)) == ON_TIME
