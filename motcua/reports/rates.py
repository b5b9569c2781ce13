"""Rates as the reports print them: a percentage with two decimals, rounded half up, as a string."""


def percent(part: int, whole: int) -> str:
    """`part` as a percentage of `whole`, "66.67" for 2 of 3, "12.50" for 1 of 8; "0.00" when `whole` is 0.

    Integer arithmetic only (hundredths of a percent, half up), so no binary or decimal rounding can turn a
    tie into something else."""
    if whole <= 0:
        return "0.00"
    hundredths = (2 * part * 10_000 + whole) // (2 * whole)
    return f"{hundredths // 100}.{hundredths % 100:02d}"
