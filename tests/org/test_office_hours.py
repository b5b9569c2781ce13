from datetime import time

import pytest

from motcua.org.office_hours import parse_office_hours


def test_default_sessions():
    assert parse_office_hours("08:00-12:00, 13:00-17:00") == [(time(8), time(12)), (time(13), time(17))]


def test_local_sessions_like_quang_ngai():
    assert parse_office_hours("07:00-11:30,13:30-17:00") == [
        (time(7), time(11, 30)),
        (time(13, 30), time(17)),
    ]


@pytest.mark.parametrize(
    "text", ["", "8h-12h", "12:00-08:00", "13:00-17:00, 08:00-12:00", "08:00-12:00, 11:00-13:00"]
)
def test_malformed_sessions_are_refused(text):
    with pytest.raises(ValueError):
        parse_office_hours(text)
