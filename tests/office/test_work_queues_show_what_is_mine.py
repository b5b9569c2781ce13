"""Work queues across the user's agencies: to do, due today, due within a working day, overdue, paused, to
return, submitted online; counts as badges, keyset pages, and a constant number of queries."""

import re

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from motcua.dossiers import services
from motcua.office import paging
from motcua.org.models import AgencyKind, Role
from tests.factories.dossiers import at_step, vn
from tests.factories.org import AgencyFactory, staff
from tests.office.helpers import online, walk_in

pytestmark = pytest.mark.django_db


def badges(client) -> dict[str, int]:
    page = client.get(reverse("office:home")).content.decode()
    return {name: int(count) for name, count in re.findall(r'data-queue="(\w+)">(\d+)<', page)}


def codes_in(client, queue: str, **params) -> list[str]:
    page = client.get(reverse("office:queue", args=[queue]), params).content.decode()
    return re.findall(r'href="/office/dossiers/\d+/">([^<]+)</a>', page)


@pytest.fixture
def desk_world(world, frozen_clock):
    """At Wed 04/03/2026 13:00 the ward's desk has: one dossier overdue, one due at 14:00 today, one due
    Thu 12:00 (within one working day), one at the specialist's, one paused for a supplement, one result to
    return, one filed online."""
    frozen_clock.set(vn(2026, 2, 27, 9))
    late = walk_in(world, name="Trễ Hạn")  # due Tue 03/03 14:00
    frozen_clock.set(vn(2026, 3, 2, 9))
    today = walk_in(world, name="Hôm Nay")  # due Wed 04/03 14:00
    at_specialist = at_step(world, frozen_clock, walk_in(world, name="Chuyên Viên"), Role.SPECIALIST)
    paused = at_step(world, frozen_clock, walk_in(world, name="Tạm Dừng"), Role.SPECIALIST)
    services.request_supplement(paused, world.specialist, missing=["Tờ khai"], reason="Thiếu tờ khai")
    done = at_step(world, frozen_clock, walk_in(world, name="Có Kết Quả"), Role.LEADER)
    services.finish(done, world.leader, result_number="12/GCN")
    frozen_clock.set(vn(2026, 3, 3, 8))
    tomorrow = walk_in(world, name="Ngày Mai")  # due Thu 05/03 12:00
    filed = online(world)
    frozen_clock.set(vn(2026, 3, 4, 13))
    return {
        "late": late,
        "today": today,
        "tomorrow": tomorrow,
        "at_specialist": at_specialist,
        "paused": paused,
        "done": done,
        "online": filed,
    }


def test_the_desk_sees_its_queues_with_counts(client, world, desk_world):
    client.force_login(world.desk)
    assert badges(client) == {
        "todo": 3,
        "due_today": 1,
        "due_soon": 2,
        "overdue": 1,
        "paused": 1,
        "to_return": 1,
        "submitted": 1,
    }
    assert codes_in(client, "todo") == [desk_world[k].code for k in ("late", "today", "tomorrow")]
    assert codes_in(client, "due_today") == [desk_world["today"].code]
    assert codes_in(client, "due_soon") == [desk_world["today"].code, desk_world["tomorrow"].code]
    assert codes_in(client, "overdue") == [desk_world["late"].code]
    assert codes_in(client, "paused") == [desk_world["paused"].code]
    assert codes_in(client, "to_return") == [desk_world["done"].code]
    assert codes_in(client, "submitted") == [desk_world["online"].code]


def test_the_specialist_and_the_leader_see_their_steps(client, world, desk_world):
    client.force_login(world.specialist)
    counts = badges(client)
    assert (counts["todo"], counts["paused"], counts["to_return"], counts["submitted"]) == (1, 1, 0, 0)
    assert codes_in(client, "todo") == [desk_world["at_specialist"].code]
    client.force_login(world.provincial_leader)  # a leader above the ward: nothing waits at a leader's step
    assert badges(client)["todo"] == 0


def test_another_agency_sees_none_of_them(client, world, desk_world):
    other_ward = AgencyFactory(parent=world.province, kind=AgencyKind.objects.get(code="commune"))
    client.force_login(staff(Role.DESK_OFFICER, other_ward))
    assert set(badges(client).values()) == {0}
    assert codes_in(client, "todo") == []


def test_a_user_without_any_role_gets_empty_queues(client, world, desk_world):
    client.force_login(staff(Role.MONITOR, world.province))
    assert set(badges(client).values()) == {0}


def test_lists_walk_page_by_page_without_offsets(client, world, frozen_clock, monkeypatch):
    monkeypatch.setattr(paging, "PAGE_SIZE", 3)
    frozen_clock.set(vn(2026, 3, 2, 9))
    made = []
    for minute in range(7):
        frozen_clock.set(vn(2026, 3, 2, 9, minute))
        made.append(walk_in(world, name=f"Người {minute}").code)
    client.force_login(world.desk)
    seen, params = [], {}
    for _page in range(3):
        page = client.get(reverse("office:queue", args=["todo"]), params).content.decode()
        seen += re.findall(r'href="/office/dossiers/\d+/">([^<]+)</a>', page)
        after = re.search(r'rel="next" href="\?after=([\w-]+)"', page)
        if after is None:
            break
        params = {"after": after.group(1)}
    assert seen == made


@pytest.fixture
def without_reminder_badge(monkeypatch):
    """base.html also shows the notices app's reminder badge, whose cost is its own: leave it out here."""
    if not apps.is_installed("motcua.notices"):
        return
    from motcua.notices.templatetags import notices_tags

    monkeypatch.setattr(notices_tags, "reminders_for", lambda user, now, show=5: [])


def test_a_queue_page_and_the_home_cost_the_same_queries_for_1_or_30_dossiers(
    client, world, frozen_clock, without_reminder_badge
):
    frozen_clock.set(vn(2026, 3, 2, 9))
    walk_in(world)
    client.force_login(world.desk)
    urls = [
        reverse("office:home"),
        reverse("office:queue", args=["todo"]),
        reverse("office:search") + "?q=nguyen",
    ]
    client.get(urls[0])  # warm the calendar cache and the session

    def queries():
        counts = []
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counts.append(len(captured))
        return counts

    with_one = queries()
    for minute in range(29):
        frozen_clock.set(vn(2026, 3, 2, 10, minute))
        walk_in(world)
    frozen_clock.set(vn(2026, 3, 2, 11))
    assert len(codes_in(client, "todo")) == 30
    assert queries() == with_one
