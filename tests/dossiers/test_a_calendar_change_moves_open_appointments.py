"""An extra day off decided after reception moves the appointments it falls into, with the reason recorded.

The change only enqueues a background task; the tests run the worker's ready tasks in-process.
"""

from datetime import date

import pytest

from motcua.notices.worker import run_pending
from motcua.worktime.models import CalendarOverride, OverrideKind
from tests.factories.dossiers import make_world, received, vn

pytestmark = pytest.mark.django_db(transaction=True)  # calendar_changed is sent after commit


def test_a_new_day_off_inside_the_period_moves_the_appointment_one_working_day(frozen_clock):
    world = make_world()
    inside = received(world, frozen_clock, vn(2026, 3, 2, 9))  # due Wed 04/03 14:00
    before = received(world, frozen_clock, vn(2026, 2, 23, 9))  # due Wed 25/02 14:00: untouched
    CalendarOverride.objects.create(
        date=date(2026, 3, 3), kind=OverrideKind.DAY_OFF, name="Nghỉ đột xuất", decision="QĐ 01/QĐ-UBND"
    )
    inside.refresh_from_db()
    assert inside.due_at == vn(2026, 3, 4, 14)  # not yet: the change is only enqueued for the worker
    run_pending()
    inside.refresh_from_db()
    before.refresh_from_db()
    assert inside.due_at == vn(2026, 3, 5, 14)
    assert inside.original_due_at == vn(2026, 3, 4, 14)  # the receipt's date stays what the receipt says
    event = inside.events.latest("number")
    assert event.action == "reschedule"
    assert event.note == "Lịch làm việc thay đổi: ngày 03/03/2026 trở thành ngày nghỉ (Nghỉ đột xuất)."
    assert event.data == {"old_due_at": "2026-03-04T14:00:00+07:00", "due_at": "2026-03-05T14:00:00+07:00"}
    assert before.due_at == vn(2026, 2, 25, 14) and before.events.count() == 2


def test_an_override_for_another_agency_moves_nothing_here(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))
    CalendarOverride.objects.create(
        date=date(2026, 3, 3),
        kind=OverrideKind.DAY_OFF,
        name="Nghỉ",
        decision="QĐ 02",
        agency=world.department,
    )
    run_pending()
    dossier.refresh_from_db()
    assert dossier.due_at == vn(2026, 3, 4, 14)


def test_new_office_sessions_move_the_appointments_of_that_agency(frozen_clock):
    world = make_world()
    dossier = received(world, frozen_clock, vn(2026, 3, 2, 9))  # due Wed 04/03 14:00 with 8 h days
    world.ward.refresh_from_db()
    world.ward.office_hours = "07:30-11:30, 13:30-17:00"  # 7.5 h a day
    world.ward.save()
    run_pending()
    dossier.refresh_from_db()
    # 20 office hours from Mon 09:00: Mon 2.5 + 3.5 = 6, Tue 7.5 (13.5), Wed 4 (17.5 at 11:30), 13:30 + 2.5 h.
    assert dossier.due_at == vn(2026, 3, 4, 16)
    assert "Phường Nha Trang" in dossier.events.latest("number").note
