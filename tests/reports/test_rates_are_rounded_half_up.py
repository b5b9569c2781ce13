"""Rates: two decimals, half up, as strings; 0 when there is nothing to divide by."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from motcua.reports.selectors import percent


def test_examples():
    assert percent(2, 3) == "66.67"
    assert percent(1, 3) == "33.33"
    assert percent(1, 8) == "12.50"
    assert percent(1, 16) == "6.25"
    assert percent(1, 32) == "3.13"  # 3.125: half up
    assert percent(1, 200_000) == "0.00"  # 0.0005
    assert percent(1, 20_000) == "0.01"  # 0.005: half up
    assert percent(7, 7) == "100.00"
    assert percent(921, 1000) == "92.10"
    assert percent(0, 5) == "0.00"
    assert percent(0, 0) == "0.00"
    assert percent(3, 0) == "0.00"


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=10**9))
def test_equals_exact_half_up_rounding(part, whole):
    exact = Fraction(part * 100, whole)
    hundredths = int(exact * 100 + Fraction(1, 2))  # floor(x + 1/2) for x >= 0: half up
    assert percent(part, whole) == f"{hundredths // 100}.{hundredths % 100:02d}"
