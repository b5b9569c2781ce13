"""Properties of the engine over random instants 2020-2030, random amounts and random pauses, and agreement
with a naive minute-by-minute walk (tests/worktime/reference.py)."""

from datetime import datetime, time, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from motcua.worktime.days import official_days
from motcua.worktime.engine import Calendar

from .helpers import VN, VN_TZ
from .reference import NaiveCalendar

NAIVE = NaiveCalendar(VN.sessions, official_days()[0], official_days()[1], VN_TZ)
START, END = datetime(2020, 1, 1, tzinfo=VN_TZ), datetime(2030, 12, 31, tzinfo=VN_TZ)

instants = st.integers(0, int((END - START).total_seconds() * 1_000_000)).map(
    lambda micro: START + timedelta(microseconds=micro)
)
minute_instants = st.integers(0, int((END - START).total_seconds()) // 60).map(
    lambda minutes: START + timedelta(minutes=minutes)
)
# Walked amounts: up to 60 working days, in steps of a quarter of an hour (0.03125 day) or of whole hours.
day_amounts = st.integers(0, 60 * 32).map(lambda quarters: Decimal(quarters) / 32)
hour_amounts = st.integers(0, 500).map(Decimal)
walked = st.one_of(
    st.tuples(day_amounts, st.just("working_days")),
    st.tuples(hour_amounts, st.just("hours")),
)
fixed = st.one_of(
    st.tuples(st.integers(0, 400).map(Decimal), st.just("calendar_days")),
    st.tuples(st.integers(0, 24).map(Decimal), st.just("months")),
)
pause_lists = st.lists(
    st.tuples(st.integers(-3 * 24 * 60, 40 * 24 * 60), st.integers(0, 10 * 24 * 60)), max_size=3
)


def pauses_from(start: datetime, offsets) -> list[tuple[datetime, datetime]]:
    return [(start + timedelta(minutes=a), start + timedelta(minutes=a + length)) for a, length in offsets]


def in_session_or_at_its_end(calendar: Calendar, instant: datetime) -> bool:
    local = instant.astimezone(calendar.tz)
    return calendar.is_working_day(local.date()) and any(
        start <= local.time() <= end for start, end in calendar.sessions
    )


@given(instants, st.one_of(walked, fixed))
def test_due_is_never_before_the_receipt(start, amount_unit):
    assert VN.due(start, *amount_unit) >= start


@given(instants, st.one_of(walked, fixed), st.sampled_from([None, time(15)]))
def test_a_due_instant_lies_in_a_session_of_a_working_day_or_at_its_end(start, amount_unit, cutoff):
    amount, unit = amount_unit
    if cutoff is not None:
        unit, amount = "working_days", amount.to_integral_value()
    due = VN.due(start, amount, unit, cutoff=cutoff)
    assert in_session_or_at_its_end(VN, due)


@given(instants, walked, day_amounts)
def test_more_time_never_gives_an_earlier_due(start, amount_unit, extra):
    amount, unit = amount_unit
    assert VN.due(start, amount + extra, unit) >= VN.due(start, amount, unit)


@given(instants, fixed, st.integers(0, 30))
def test_more_calendar_time_never_gives_an_earlier_due(start, amount_unit, extra):
    amount, unit = amount_unit
    assert VN.due(start, amount + extra, unit) >= VN.due(start, amount, unit)


@given(instants, walked)
def test_elapsed_from_the_receipt_to_the_due_instant_is_the_amount(start, amount_unit):
    amount, unit = amount_unit
    minutes = amount * (60 if unit == "hours" else 480)
    assert VN.elapsed(start, VN.due(start, amount, unit)) == minutes


@given(instants, walked, pause_lists)
def test_with_pauses_elapsed_still_equals_the_amount(start, amount_unit, offsets):
    amount, unit = amount_unit
    pauses = pauses_from(start, offsets)
    minutes = amount * (60 if unit == "hours" else 480)
    assert VN.elapsed(start, VN.due(start, amount, unit, pauses), pauses) == minutes


@given(instants, walked, day_amounts)
def test_two_walks_give_the_same_instant_as_one(start, amount_unit, second):
    amount, unit = amount_unit
    second_amount = second if unit == "working_days" else second.to_integral_value()
    in_two = VN.due(VN.due(start, amount, unit), second_amount, unit)
    assert in_two == VN.due(start, amount + second_amount, unit)


@given(instants, st.one_of(walked, fixed), pause_lists)
def test_pauses_only_move_the_due_instant_later_by_the_office_time_they_cover(start, amount_unit, offsets):
    pauses = pauses_from(start, offsets)
    without = VN.due(start, *amount_unit)
    with_pauses = VN.due(start, *amount_unit, pauses=pauses)
    assert with_pauses >= without
    explanation = VN.explain(start, *amount_unit, pauses=pauses)
    moved = VN.elapsed(without, with_pauses) if with_pauses > without else 0
    # The due instant moves by exactly the paused office time (unless amount 0, which nothing moves).
    assert moved == explanation.paused_minutes


@given(minute_instants, walked.filter(lambda au: au[0] <= 8), pause_lists)
@settings(max_examples=150, deadline=None)
def test_the_engine_agrees_with_a_naive_minute_by_minute_walk(start, amount_unit, offsets):
    amount, unit = amount_unit
    pauses = pauses_from(start, offsets)
    if amount == 0:
        assert VN.due(start, amount, unit) == VN.counting_start(start)
        return
    assert VN.due(start, amount, unit, pauses) == NAIVE.due(start, amount, unit, pauses)


@given(
    minute_instants, st.integers(0, 40), st.sampled_from(["calendar_days", "months", "cutoff"]), pause_lists
)
@settings(max_examples=100, deadline=None)
def test_fixed_periods_agree_with_the_naive_day_by_day_count(start, amount, kind, offsets):
    pauses = pauses_from(start, offsets[:1])
    if kind == "cutoff":
        args = dict(amount=amount % 5, unit="working_days", cutoff=time(15))
    else:
        args = dict(amount=amount if kind == "calendar_days" else amount % 3, unit=kind)
    assert VN.due(start, pauses=pauses, **args) == NAIVE.due(start, pauses=pauses, **args)


@given(instants, instants)
def test_classification_matches_its_definition(finished, due):
    result = VN.classify(finished, due)
    local_finished, local_due = finished.astimezone(VN_TZ), due.astimezone(VN_TZ)
    if finished > due:
        assert result == "late"
    elif local_finished.date() < local_due.date():
        assert result == "early"
    else:
        assert result == "on_time"
