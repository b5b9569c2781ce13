"""Reminders (nhắc việc): what each official must act on, by working time, and the morning digests.

For one official in one agency (a digest), per role held there:
- the open steps of that role in the agencies the role reaches (`org.selectors.agencies_where`; leaders also
  below their agency): overdue, due today, or due within one working day after today;
- for leaders, the dossiers whose appointment they answer for (current agency in reach): overdue ones, and
  those due today or within one working day that have no apology yet: the apology (Mẫu 04) must be issued at
  least one working day before the due instant, so the morning it falls inside that window is the last one
  to issue it in time. Those that already have one are listed as due.
Paused dossiers (supplement or payment awaited) are left out: their clock is stopped. Every boundary comes
from the working-time engine of the item's agency (`calendar_for(agency).due`), never from date arithmetic.

Digests are e-mailed through the outbox each working morning at MOTCUA_REMINDER_HOUR (the `reminders`
periodic job), on the working days of the official's agency only; the staff screens show the same items as a
badge (templatetags/notices_tags.py).
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from motcua import clock
from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier, DossierStep
from motcua.org.models import Agency, Membership, Role
from motcua.org.selectors import STEP_ACTION, SUBTREE_ROLES, agencies_where
from motcua.worktime.engine import Calendar
from motcua.worktime.selectors import calendar_for
from motcua.worktime.units import Unit

from . import outbox
from .events import render
from .models import Channel, Kind, Message

OVERDUE, DUE_TODAY, DUE_NEXT_DAY, APOLOGY = "overdue", "due_today", "due_next_day", "apology"
BUCKETS = {
    OVERDUE: _("Overdue"),
    DUE_TODAY: _("Due today"),
    DUE_NEXT_DAY: _("Due within the next working day"),
    APOLOGY: _("Apology to issue today (Mẫu 04), or settle on time"),
}
ROLE_ACTION = STEP_ACTION  # the action each role takes on its steps: the org rule the dossiers apply too
LOOKAHEAD_WORKING_DAYS = 5  # database pre-filter only; each item is then placed on its own agency's calendar


@dataclass(frozen=True)
class Item:
    bucket: str
    is_step: bool
    dossier_id: int
    code: str
    name: str  # the step's name, or the procedure's
    agency: str
    due_at: datetime


@dataclass
class Digest:
    user: object
    agency: Agency
    day: date
    items: list[Item] = field(default_factory=list)
    unlisted: dict[str, int] = field(default_factory=dict)  # overdue items beyond the listing limit

    def __bool__(self) -> bool:
        return bool(self.items)

    def count(self, bucket: str | None = None) -> int:
        listed = [item for item in self.items if bucket is None or item.bucket == bucket]
        more = sum(n for name, n in self.unlisted.items() if bucket is None or name == bucket)
        return len(listed) + more

    def sections(self) -> list[tuple[str, str, list[Item], int]]:
        """(bucket, label, items, count) for each bucket that has items, in BUCKETS order."""
        found = []
        for bucket, label in BUCKETS.items():
            items = [item for item in self.items if item.bucket == bucket]
            if items:
                found.append((bucket, label, items, self.count(bucket)))
        return found


class Boundaries:
    """End of today and end of the next working day on each calendar, for one `now`."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self._by_calendar: dict[int, tuple[datetime, datetime]] = {}

    def bucket(self, due: datetime, calendar: Calendar) -> str | None:
        if due <= self.now:
            return OVERDUE
        key = id(calendar)
        if key not in self._by_calendar:
            today = calendar.local(self.now).date()
            end_of_today = datetime.combine(today, calendar.closing_time, tzinfo=calendar.tz)
            self._by_calendar[key] = (end_of_today, calendar.due(end_of_today, 1, Unit.WORKING_DAYS))
        end_of_today, end_of_next_day = self._by_calendar[key]
        if due <= end_of_today:
            return DUE_TODAY
        if due <= end_of_next_day:
            return DUE_NEXT_DAY
        return None


def _reach(user, agency: Agency, role: str):
    agencies = agencies_where(user, ROLE_ACTION[role])
    if role in SUBTREE_ROLES:
        return agencies.filter(path__startswith=agency.path)
    return agencies.filter(pk=agency.pk)


def _listed(queryset, now: datetime, limit: datetime, show: int):
    """(rows due before `limit`, overdue rows not listed): overdue rows are capped at `show`."""
    overdue = queryset.filter(due_at__lte=now).order_by("due_at", "pk")
    near = list(queryset.filter(due_at__gt=now, due_at__lte=limit).order_by("due_at", "pk"))
    total = overdue.count()
    return [*overdue[:show], *near], max(total - show, 0)


def digest_for(user, agency: Agency, now: datetime, show: int = 50) -> Digest:
    """What `user` must act on at `agency` at `now` (see the module's description)."""
    digest = Digest(user, agency, calendar_for(agency).local(now).date())
    roles = Membership.objects.filter(user=user, agency=agency, is_active=True).values_list("role", flat=True)
    limit = calendar_for(agency).due(now, LOOKAHEAD_WORKING_DAYS, Unit.WORKING_DAYS)
    bounds = Boundaries(now)
    for role in sorted(set(roles) & set(ROLE_ACTION)):
        reach = _reach(user, agency, role)
        steps = DossierStep.objects.filter(
            finished_at__isnull=True,
            role=role,
            agency__in=reach,
            dossier__state__in=State.open_states(),
            dossier__paused_since__isnull=True,
        ).select_related("dossier", "agency")
        rows, more = _listed(steps, now, limit, show)
        for step in rows:
            bucket = bounds.bucket(step.due_at, calendar_for(step.agency))
            if bucket is not None:
                digest.items.append(
                    Item(
                        bucket,
                        True,
                        step.dossier_id,
                        step.dossier.code,
                        step.name,
                        step.agency.name,
                        step.due_at,
                    )
                )
        if more:
            digest.unlisted[OVERDUE] = digest.unlisted.get(OVERDUE, 0) + more
        if role == Role.LEADER:
            _leader_dossiers(digest, reach, now, limit, show, bounds)
    digest.items.sort(key=lambda item: (list(BUCKETS).index(item.bucket), item.due_at, item.code))
    return digest


def _leader_dossiers(digest: Digest, reach, now, limit, show, bounds: Boundaries) -> None:
    dossiers = Dossier.objects.filter(
        state__in=State.clock_states(),
        received_at__isnull=False,
        paused_since__isnull=True,
        current_agency__in=reach,
    ).select_related("receiving_agency", "procedure_version")
    rows, more = _listed(dossiers, now, limit, show)
    for dossier in rows:
        bucket = bounds.bucket(dossier.due_at, calendar_for(dossier.receiving_agency))
        if bucket in (DUE_TODAY, DUE_NEXT_DAY) and dossier.apology_count == 0:
            bucket = APOLOGY
        if bucket is not None:
            digest.items.append(
                Item(
                    bucket,
                    False,
                    dossier.pk,
                    dossier.code,
                    dossier.procedure_version.name,
                    dossier.receiving_agency.name,
                    dossier.due_at,
                )
            )
    if more:
        digest.unlisted[OVERDUE] = digest.unlisted.get(OVERDUE, 0) + more


def reminders_for(user, now: datetime, show: int = 50) -> list[Digest]:
    """Every non-empty digest of `user`, one per agency where the user holds a role (for the badge)."""
    if user is None or not user.is_authenticated:
        return []
    agencies = Agency.objects.filter(memberships__user=user, memberships__is_active=True, is_active=True)
    digests = [digest_for(user, agency, now, show) for agency in agencies.distinct().order_by("path")]
    return [digest for digest in digests if digest]


# --- the morning digests ---------------------------------------------------------------------------------


def send_digests(now: datetime | None = None) -> int:
    """The `reminders` job: one task per agency whose calendar makes today a working day."""
    from .tasks import send_agency_digests

    now = now or clock.now()
    count = 0
    agencies = Agency.objects.filter(is_active=True, memberships__is_active=True).distinct()
    for agency in agencies:
        if calendar_for(agency).is_working_day(calendar_for(agency).local(now).date()):
            send_agency_digests.enqueue(agency.pk, now.isoformat())
            count += 1
    return count


def send_agency_digests(agency_id: int, now: datetime) -> int:
    """E-mail each official of the agency (with an address) the day's digest, once; return how many."""
    agency = Agency.objects.get(pk=agency_id)
    day = calendar_for(agency).local(now).date()
    if not calendar_for(agency).is_working_day(day):
        return 0  # no digest on a Sunday, on Tết, or on any day off of this agency's calendar
    users = (
        get_user_model()
        .objects.filter(is_active=True, memberships__agency=agency, memberships__is_active=True)
        .distinct()
    )
    sent = 0
    for user in users.order_by("pk"):
        if not user.email:
            continue  # the badge in the staff screens still shows the items
        already = Message.objects.filter(
            kind=Kind.DIGEST, user=user, payload__agency=agency.pk, payload__day=day.isoformat()
        )
        if already.exists():
            continue
        digest = digest_for(user, agency, now)
        if not digest:
            continue
        context = {"digest": digest, "user": user, "agency": agency, "day": day}
        with transaction.atomic():
            outbox.queue(
                channel=Channel.EMAIL,
                kind=Kind.DIGEST,
                recipient=user.email,
                subject=render("notices/messages/digest_subject.txt", context),
                body=render("notices/messages/digest_email.txt", context),
                user=user,
                payload={
                    "agency": agency.pk,
                    "day": day.isoformat(),
                    "counts": {bucket: digest.count(bucket) for bucket in BUCKETS},
                },
            )
        sent += 1
    return sent
