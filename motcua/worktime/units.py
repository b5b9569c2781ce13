"""Units of a time limit. Pure Python (the engine imports it; so do the catalogue and the dossiers)."""

from enum import StrEnum


class Unit(StrEnum):
    HOURS = "hours"  # giờ làm việc: office hours walked over sessions of working days
    WORKING_DAYS = "working_days"  # ngày làm việc: N x 8 office hours, walked the same way
    CALENDAR_DAYS = "calendar_days"  # ngày: Civil Code art. 147-148, reception day not counted
    MONTHS = "months"  # tháng: same rule, the day number kept and clamped to the month's end


HOURS_PER_WORKING_DAY = 8
