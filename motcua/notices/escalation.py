"""Escalation: a step overdue by MOTCUA_ESCALATE_AFTER_HOURS working hours is reported to its leaders.

Once per step (the `Escalation` row is unique per step). Overdue time is office time on the step's agency
calendar, from the step's due instant to now, without the pauses in between (the engine's `elapsed`). The
leaders are those of the step's agency; for a leader's own step, or an agency without a leader, those of the
nearest agency above that has one. Run by the `escalations` periodic job.
"""

from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Prefetch

from motcua import clock
from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import DossierStep, Pause
from motcua.org.models import Role
from motcua.worktime.selectors import calendar_for

from . import outbox
from .events import render
from .models import Channel, Escalation, Kind


def leaders_for(step: DossierStep) -> list:
    chain = [step.agency, *reversed(list(step.agency.ancestors()))]  # the step's agency first, then upwards
    if step.role == Role.LEADER:
        chain = chain[1:]
    users = get_user_model().objects.filter(is_active=True)
    for agency in chain:
        leaders = list(
            users.filter(
                memberships__agency=agency, memberships__role=Role.LEADER, memberships__is_active=True
            ).distinct()
        )
        if leaders:
            return leaders
    return []


def overdue_minutes(step: DossierStep, now: datetime) -> int:
    pauses = [(pause.started_at, pause.ended_at) for pause in step.dossier.pauses.all()]
    return int(calendar_for(step.agency).elapsed(step.due_at, now, pauses))


def escalate_overdue_steps(now: datetime | None = None) -> int:
    """Escalate every open step overdue by the threshold and not escalated yet; return how many."""
    now = now or clock.now()
    threshold = settings.MOTCUA_ESCALATE_AFTER_HOURS * 60
    steps = (
        DossierStep.objects.filter(
            finished_at__isnull=True,
            due_at__lt=now,
            dossier__state__in=State.open_states(),
            dossier__paused_since__isnull=True,
        )
        .exclude(pk__in=Escalation.objects.values("step_id"))
        .select_related("dossier", "agency")
        .prefetch_related(Prefetch("dossier__pauses", queryset=Pause.objects.filter(ended_at__isnull=False)))
    )
    count = 0
    for step in steps.iterator(chunk_size=500):
        minutes = overdue_minutes(step, now)
        if minutes >= threshold and escalate(step, minutes, now):
            count += 1
    return count


def escalate(step: DossierStep, minutes: int, now: datetime) -> bool:
    with transaction.atomic():
        escalation, created = Escalation.objects.get_or_create(
            step=step, defaults={"escalated_at": now, "overdue_minutes": minutes}
        )
        if not created:
            return False
        leaders = leaders_for(step)
        context = {"step": step, "dossier": step.dossier, "hours": round(minutes / 60, 1)}
        for leader in leaders:
            if leader.email:
                outbox.queue(
                    channel=Channel.EMAIL,
                    kind=Kind.ESCALATION,
                    recipient=leader.email,
                    subject=render("notices/messages/escalation_subject.txt", {**context, "user": leader}),
                    body=render("notices/messages/escalation_email.txt", {**context, "user": leader}),
                    dossier=step.dossier,
                    user=leader,
                )
        escalation.leaders = len(leaders)
        escalation.save(update_fields=["leaders"])
    return True
