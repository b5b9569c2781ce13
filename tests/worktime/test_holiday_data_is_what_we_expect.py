"""The `holidays` package is the source of Vietnam's days off: this pins what it says for 2025 and 2026.

Checked by hand against the package (holidays 0.109, `country_holidays("VN", language="vi")`) and against the
official announcements it cites. When a new release changes these years, this test fails on purpose: read the
release notes, check the government's announcement, then update the expectation (or add an override).
"""

from datetime import date

from motcua.worktime.days import official_days

DAYS_OFF_2025_2026 = {
    date(2025, 1, 1): "Tết Dương lịch",
    date(2025, 1, 27): "29 Tết",
    date(2025, 1, 28): "Giao thừa Tết Nguyên Đán",
    date(2025, 1, 29): "Tết Nguyên Đán",
    date(2025, 1, 30): "Mùng hai Tết Nguyên Đán",
    date(2025, 1, 31): "Mùng ba Tết Nguyên Đán",
    date(2025, 2, 1): "Mùng bốn Tết Nguyên Đán",  # a Saturday
    date(2025, 4, 7): "Ngày Giỗ Tổ Hùng Vương",
    date(2025, 4, 30): "Ngày Chiến thắng",
    date(2025, 5, 1): "Ngày Quốc tế Lao động",
    date(2025, 5, 2): "Ngày nghỉ (thay cho ngày 26/04/2025)",
    date(2025, 9, 1): "Quốc khánh",
    date(2025, 9, 2): "Quốc khánh",
    date(2026, 1, 1): "Tết Dương lịch",
    date(2026, 2, 16): "Giao thừa Tết Nguyên Đán",
    date(2026, 2, 17): "Tết Nguyên Đán",
    date(2026, 2, 18): "Mùng hai Tết Nguyên Đán",
    date(2026, 2, 19): "Mùng ba Tết Nguyên Đán",
    date(2026, 2, 20): "Mùng bốn Tết Nguyên Đán",
    date(2026, 4, 26): "Ngày Giỗ Tổ Hùng Vương",  # a Sunday
    date(2026, 4, 27): "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)",
    date(2026, 4, 30): "Ngày Chiến thắng",
    date(2026, 5, 1): "Ngày Quốc tế Lao động",
    date(2026, 8, 31): "Ngày nghỉ (thay cho ngày 22/08/2026)",
    date(2026, 9, 1): "Quốc khánh",
    date(2026, 9, 2): "Quốc khánh",
    # New in the package for 2026 (Resolution 80-NQ/TW); its legal force is discussed in docs/worktime.md.
    date(2026, 11, 24): "Ngày Văn hóa Việt Nam",
}


def test_days_off_of_2025_and_2026():
    days_off, _working_days = official_days()
    assert {day: name for day, name in days_off.items() if day.year in (2025, 2026)} == DAYS_OFF_2025_2026


def test_make_up_saturdays_of_2025_and_2026_are_named_after_the_day_off_they_pay_for():
    _days_off, working_days = official_days()
    assert {day: name for day, name in working_days.items() if day.year in (2025, 2026)} == {
        date(2025, 4, 26): "Ngày làm việc bù cho ngày nghỉ 02/05/2025",
        date(2026, 8, 22): "Ngày làm việc bù cho ngày nghỉ 31/08/2026",
    }


def test_the_calendar_covers_1990_to_2100():
    days_off, _working_days = official_days()
    assert min(days_off).year == 1990
    assert max(days_off).year == 2100
