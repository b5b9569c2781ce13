"""The report classifies finishes in SQL (UTC + 7 hours, truncated to a date), stored by the database in the
dossier's `finish_timeliness`; the working-time engine classifies in Python with the Asia/Ho_Chi_Minh zone.
They must agree for every instant, on both databases."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from django.db.models import F

from motcua.dossiers.models import Dossier, Pause
from motcua.worktime.selectors import calendar_for
from motcua.worktime.sql import timeliness, vietnamese_date
from tests.factories.dossiers import make_world, received, vn

pytestmark = pytest.mark.django_db


def instants() -> list[tuple[datetime, datetime]]:
    """(finished, due) pairs: around Vietnamese midnight (17:00 UTC), equal, a second apart, the same
    Vietnamese date, and random ones from 1976 to 2099."""
    pairs = []
    for day in (
        datetime(2026, 3, 4, tzinfo=UTC),
        datetime(1999, 12, 31, tzinfo=UTC),
        datetime(2028, 2, 28, tzinfo=UTC),
    ):
        for finished_minutes in (-1, 0, 1, 16 * 60 + 59, 17 * 60 - 1, 17 * 60, 17 * 60 + 1, 23 * 60 + 59):
            for due_minutes in (0, 17 * 60 - 1, 17 * 60, 17 * 60 + 1, 24 * 60 + 17 * 60, 41 * 60 - 1):
                finished = day + timedelta(minutes=finished_minutes)
                due = day + timedelta(minutes=due_minutes)
                pairs += [(finished, due), (due, finished)]
    generator = random.Random(20260304)
    start, span = (
        datetime(1976, 1, 1, tzinfo=UTC),
        int((datetime(2099, 12, 31, tzinfo=UTC) - datetime(1976, 1, 1, tzinfo=UTC)).total_seconds()),
    )
    for _ in range(400):
        due = start + timedelta(seconds=generator.randrange(span))
        finished = due + timedelta(seconds=generator.randrange(-4 * 86400, 4 * 86400))
        pairs.append((finished, due))
        pairs.append((due, due))
        pairs.append((due - timedelta(seconds=1), due))
        pairs.append((due + timedelta(seconds=1), due))
    return pairs


def test_the_sql_classification_and_date_equal_the_engines_for_many_instants(frozen_clock):
    dossier = received(make_world(), frozen_clock, vn(2026, 3, 2, 9))
    pairs = instants()
    Pause.objects.bulk_create(
        [Pause(dossier=dossier, reason=Pause.Reason.SUPPLEMENT, started_at=f, ended_at=d) for f, d in pairs]
    )
    calendar = calendar_for(None)
    rows = Pause.objects.filter(dossier=dossier).annotate(
        sql_class=timeliness("started_at", "ended_at"), sql_date=vietnamese_date("started_at")
    )
    checked = 0
    for row in rows.values("started_at", "ended_at", "sql_class", "sql_date"):
        finished, due = row["started_at"], row["ended_at"]
        assert row["sql_class"] == calendar.classify(finished, due), (finished, due)
        assert row["sql_date"] == calendar.local(finished).date(), finished
        checked += 1
    assert checked == len(pairs) > 1000


def test_the_stored_timeliness_of_a_finish_is_the_engines_for_many_instants(frozen_clock):
    """`Dossier.finish_timeliness`, which the report counts, is computed by the database from the two instants
    (a generated column): the engine's class for every pair, and empty while the dossier is not finished."""
    dossier = received(make_world(), frozen_clock, vn(2026, 3, 2, 9))
    pairs = instants()
    copies = []
    for number, (finished, due) in enumerate(pairs):
        copy = Dossier.objects.get(pk=dossier.pk)
        copy.pk, copy.code, copy.finished_at, copy.due_at = None, f"T-{number}", finished, due
        copies.append(copy)
    Dossier.objects.bulk_create(copies)
    calendar = calendar_for(None)
    checked = 0
    for row in Dossier.objects.filter(code__startswith="T-").values(
        "finished_at", "due_at", "finish_timeliness"
    ):
        assert row["finish_timeliness"] == calendar.classify(row["finished_at"], row["due_at"]), row
        checked += 1
    assert checked == len(pairs) > 1000
    assert Dossier.objects.get(pk=dossier.pk).finish_timeliness == ""
    Dossier.objects.filter(pk=dossier.pk).update(finished_at=F("due_at"))
    assert Dossier.objects.get(pk=dossier.pk).finish_timeliness == "on_time"
