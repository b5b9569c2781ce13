"""In progress at the end of the period: within time when the due instant has not passed (or the clock is
paused), overdue otherwise; a period not over yet is judged now, not at its future end."""

from datetime import date

import pytest

from motcua.dossiers import services
from motcua.reports.selectors import settlement
from tests.factories.dossiers import make_world, received, vn

pytestmark = pytest.mark.django_db


def in_progress(report):
    return report.as_dict()["in_progress"]


def test_a_dossier_due_within_the_period_is_overdue_at_its_end(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    assert dossier.due_at == vn(2026, 3, 4, 14)
    frozen_clock.set(vn(2026, 4, 10, 9))
    report = settlement(world.ward, date(2026, 3, 1), date(2026, 3, 31))
    assert in_progress(report) == {"total": 1, "within_time": 0, "overdue": 1}
    # A period ending the day before the due date: within time at its end.
    report = settlement(world.ward, date(2026, 3, 1), date(2026, 3, 3))
    assert in_progress(report) == {"total": 1, "within_time": 1, "overdue": 0}
    # Ending on the due date: the end of 04/03 is after 14:00.
    report = settlement(world.ward, date(2026, 3, 1), date(2026, 3, 4))
    assert in_progress(report) == {"total": 1, "within_time": 0, "overdue": 1}


def test_the_current_month_is_judged_now_not_at_its_end(frozen_clock):
    world = make_world()
    received(world, frozen_clock, vn(2026, 3, 2, 9))  # due 04/03 14:00
    frozen_clock.set(vn(2026, 3, 3, 16))
    report = settlement(world.ward, date(2026, 3, 1), date(2026, 3, 31))
    assert in_progress(report) == {"total": 1, "within_time": 1, "overdue": 0}
    frozen_clock.set(vn(2026, 3, 4, 14))
    assert in_progress(settlement(world.ward, date(2026, 3, 1), date(2026, 3, 31)))["within_time"] == 1
    frozen_clock.set(vn(2026, 3, 4, 14, 1))
    assert in_progress(settlement(world.ward, date(2026, 3, 1), date(2026, 3, 31)))["overdue"] == 1


def test_a_dossier_paused_at_the_end_is_within_time_and_not_after_it_resumes(frozen_clock):
    world = make_world()
    dossier = services.forward(received(world, frozen_clock, vn(2026, 3, 2, 9)), world.desk)
    frozen_clock.set(vn(2026, 3, 3, 9))
    dossier = services.request_supplement(dossier, world.specialist, missing=["Bản sao"], reason="Thiếu")
    frozen_clock.set(vn(2026, 3, 20, 9))
    # Paused over the end of the first half of March, due (04/03 14:00) long past: within time.
    assert in_progress(settlement(world.ward, date(2026, 3, 1), date(2026, 3, 15))) == {
        "total": 1,
        "within_time": 1,
        "overdue": 0,
    }
    # Resumed on 20/03 with 13 office hours left: due 23/03 14:00 — a period ending on 19/03 still saw it
    # paused; one ending on 25/03 sees it overdue.
    from tests.factories.dossiers import pdf

    dossier = services.supplement(
        dossier, world.desk, documents=[services.ReceivedDocument(name="Bản sao", upload=pdf())]
    )
    assert dossier.paused_since is None
    frozen_clock.set(vn(2026, 4, 10, 9))
    assert in_progress(settlement(world.ward, date(2026, 3, 1), date(2026, 3, 19)))["within_time"] == 1
    assert in_progress(settlement(world.ward, date(2026, 3, 1), date(2026, 3, 25)))["overdue"] == 1
