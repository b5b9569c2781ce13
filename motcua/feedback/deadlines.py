"""Due instants of a feedback, all through the working-time engine (worktime.selectors), from `DeadlineRule`.

- accept or refuse, ask for more information, answer: counted from `clock_started_at` (submission, or the last
  transfer by another agency) on the responsible agency's calendar;
- the answer's due moves later by the office time the agency spent waiting for information (closed pauses);
- publication: counted from the approval of the answer.
A stage without a rule row is untimed (no due, never late). Nothing else computes a feedback deadline.
"""

from datetime import datetime

from motcua.worktime.selectors import calendar_for, due_for

from .lifecycle import Stage, State
from .models import DeadlineRule, Feedback


def rules() -> dict[str, DeadlineRule]:
    return {rule.stage: rule for rule in DeadlineRule.objects.all()}


def closed_pauses(feedback: Feedback) -> list[tuple[datetime, datetime]]:
    """Pauses of the current clock (after the last transfer) that have ended."""
    pauses = feedback.pauses.filter(ended_at__isnull=False, ended_at__gt=feedback.clock_started_at)
    return [(pause.started_at, pause.ended_at) for pause in pauses]


def _due(feedback: Feedback, rule: DeadlineRule | None, start: datetime, pauses=()) -> datetime | None:
    if rule is None:
        return None
    return due_for(feedback.agency, start, rule.amount, rule.unit, pauses)


def _start(feedback: Feedback, rule: DeadlineRule | None) -> datetime | None:
    if rule is not None and rule.counted_from == DeadlineRule.Start.ANSWER:
        return feedback.answered_at
    return feedback.clock_started_at


def recompute(feedback: Feedback) -> None:
    """Set the due instant of every stage not yet completed from the rules, the clock's start and the closed
    pauses, and the due of the stage the feedback is in now (`due_at`, for queues). A completed stage keeps
    the due it was judged against (a transfer clears the judgements first, so everything starts again)."""
    found = rules()
    for stage in Stage.values:
        if getattr(feedback, f"{stage}_timeliness"):
            continue
        rule = found.get(stage)
        start = _start(feedback, rule)
        due = None
        if start is not None and (stage != Stage.PUBLISH or feedback.allows_publication):
            due = _due(feedback, rule, start, closed_pauses(feedback) if stage == Stage.ANSWER else ())
        setattr(feedback, f"{stage}_due_at", due)
    feedback.due_at = current_due(feedback)


def current_due(feedback: Feedback) -> datetime | None:
    if feedback.state == State.RECEIVED:
        return feedback.accept_due_at
    if feedback.state in State.handling_states():
        return feedback.answer_due_at
    if feedback.state == State.ANSWERED:
        return feedback.publish_due_at
    return None


def classify(feedback: Feedback, finished: datetime, due: datetime | None) -> str:
    """early, on_time or late (engine rule, on the responsible agency's calendar); "" for an untimed stage."""
    if due is None:
        return ""
    return calendar_for(feedback.agency).classify(finished, due)
