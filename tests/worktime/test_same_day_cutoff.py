"""Same-day procedures (e.g. chứng thực): received at or before the cut-off (15:00), due at that working day's
close; after it, or on a day off, at the close of the next working day. Whole working days are added after."""

from datetime import time

import pytest

from .helpers import at, due

CUTOFF = time(15)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2026-03-02 07:30", "2026-03-02 17:00"),  # before the opening: same day
        ("2026-03-02 14:59", "2026-03-02 17:00"),
        ("2026-03-02 15:00", "2026-03-02 17:00"),  # "after 15:00" means after: 15:00:00 is still the same day
        ("2026-03-02 15:01", "2026-03-03 17:00"),
        ("2026-03-02 18:30", "2026-03-03 17:00"),
        ("2026-03-06 16:00", "2026-03-09 17:00"),  # Friday after the cut-off: Monday
        ("2026-03-07 09:00", "2026-03-09 17:00"),  # Saturday: as received at Monday's opening
        ("2026-02-13 15:30", "2026-02-23 17:00"),  # Friday before Tết 2026, after the cut-off
        ("2025-04-25 16:00", "2025-04-26 17:00"),  # Friday before the make-up Saturday 26/04/2025
    ],
)
def test_same_day_with_a_cutoff(received, expected):
    assert due(received, 0, cutoff=CUTOFF) == at(expected)


def test_whole_working_days_are_added_after_the_cutoff_rule():
    assert due("2026-03-02 10:00", 2, cutoff=CUTOFF) == at("2026-03-04 17:00")  # Mon -> Wed
    assert due("2026-03-02 16:00", 2, cutoff=CUTOFF) == at("2026-03-05 17:00")  # Tue + 2 = Thu


def test_a_cutoff_after_the_close_cannot_give_a_due_before_the_receipt():
    assert due("2026-03-02 17:10", 0, cutoff=time(17, 30)) == at("2026-03-03 17:00")


def test_a_cutoff_needs_whole_working_days():
    with pytest.raises(ValueError):
        due("2026-03-02 10:00", "0.5", cutoff=CUTOFF)
    with pytest.raises(ValueError):
        due("2026-03-02 10:00", 1, "hours", cutoff=CUTOFF)
