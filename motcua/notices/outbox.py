"""The outbox: a message is written in the transaction of what caused it, then delivered by the worker.

Life of a message (docs/notices.md):
1. `queue()` writes the `Message` row and enqueues its delivery task in the caller's transaction: a rolled
   back action leaves neither behind.
2. The task calls `deliver(key)`: `claim()` takes a lease on the row (one worker at a time; another takes over
   when the lease runs out because the worker died), the channel's plugin sends it with its idempotency key,
   and `finish()` records the attempt: delivered, retry later (exponential backoff, a new deferred task), or
   dead after MOTCUA_OUTBOX_MAX_ATTEMPTS tries or a refusal.
3. `sweep()` (a periodic job) enqueues again every due message whose task is gone: a worker killed mid-way,
   a task row lost. Delivery is therefore at least once; receivers de-duplicate by the key.
Messages sharing an `order_key` (one dossier's portal sync) are delivered in the order they were written.
Times here are real time (timezone.now), not the business clock: retries happen in the world's time.
"""

import logging
import time
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from .models import Attempt, Message, Status
from .plugins import DeliveryError, Rejected, plugin_for

logger = logging.getLogger("motcua.notices.outbox")

BACKOFF_CAP = timedelta(hours=6)


def backoff(attempts: int) -> timedelta:
    """Wait before try number `attempts + 1`: the base, doubled after each failed try, at most 6 hours."""
    seconds = settings.MOTCUA_OUTBOX_BACKOFF_SECONDS * 2 ** max(attempts - 1, 0)
    return min(timedelta(seconds=seconds), BACKOFF_CAP)


def lease() -> timedelta:
    """How long a worker owns a message it is sending: three network timeouts."""
    return timedelta(seconds=3 * settings.MOTCUA_OUTBOX_TIMEOUT)


def _enqueue(key: str, run_after: datetime | None = None) -> uuid.UUID:
    from .tasks import deliver_message

    task = deliver_message if run_after is None else deliver_message.using(run_after=run_after)
    return uuid.UUID(str(task.enqueue(key).id))


def queue(
    *,
    channel: str,
    kind: str,
    recipient: str = "",
    subject: str = "",
    body: str = "",
    payload: dict | None = None,
    dossier=None,
    event=None,
    user=None,
    subscription=None,
    order_key: str = "",
) -> Message:
    """Write a message and enqueue its delivery, in the caller's transaction (two inserts)."""
    key = uuid.uuid4().hex
    now = timezone.now()
    return Message.objects.create(
        key=key,
        channel=channel,
        kind=kind,
        recipient=recipient,
        subject=subject[:255],
        body=body,
        payload=payload or {},
        dossier=dossier,
        event=event,
        user=user,
        subscription=subscription,
        order_key=order_key,
        next_attempt_at=now,
        task_id=_enqueue(key),
        created_at=now,
    )


def _blocked(message: Message) -> bool:
    """An earlier message with the same ordering key is still waiting: this one waits behind it."""
    if not message.order_key:
        return False
    return Message.objects.filter(
        order_key=message.order_key, status=Status.PENDING, pk__lt=message.pk
    ).exists()


def claim(key: str, worker: str = "") -> tuple[Message, Attempt] | None:
    """Take the lease on a due message and open an attempt; None when it is not ours to send now."""
    now = timezone.now()
    with transaction.atomic():
        message = (
            Message.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("subscription")
            .filter(key=key)
            .first()
        )
        if message is None or message.status != Status.PENDING or message.next_attempt_at > now:
            return None
        if message.lease_until is not None and message.lease_until > now:
            return None  # another worker is sending it
        if _blocked(message):
            return None  # the message before it will enqueue it once settled
        if message.leased_attempt is not None:  # the lease ran out: that worker died mid-way
            Attempt.objects.filter(pk=message.leased_attempt, outcome=Attempt.Outcome.RUNNING).update(
                outcome=Attempt.Outcome.INTERRUPTED, finished_at=now
            )
        attempt = Attempt.objects.create(message=message, started_at=now, worker=worker[:100])
        message.attempts += 1
        message.lease_until = now + lease()
        message.leased_attempt = attempt.pk
        message.save(update_fields=["attempts", "lease_until", "leased_attempt"])
    return message, attempt


def finish(message: Message, attempt: Attempt, error: DeliveryError | None, duration_ms: int) -> str:
    """Record how the attempt ended and what happens to the message next; return the attempt's outcome.

    The message is updated only while this attempt still holds its lease: if the lease ran out and another
    worker took the message over, that worker decides what happens next."""
    now = timezone.now()
    attempt.finished_at, attempt.duration_ms = now, duration_ms
    attempt.error = "" if error is None else str(error)[:2000]
    if error is None:
        attempt.outcome = Attempt.Outcome.DELIVERED
    elif isinstance(error, Rejected):
        attempt.outcome = Attempt.Outcome.REJECTED
    elif message.attempts >= settings.MOTCUA_OUTBOX_MAX_ATTEMPTS:
        attempt.outcome = Attempt.Outcome.GAVE_UP
    else:
        attempt.outcome = Attempt.Outcome.FAILED
    released = {"lease_until": None, "leased_attempt": None}
    with transaction.atomic():
        ours = Message.objects.filter(pk=message.pk, leased_attempt=attempt.pk)
        if attempt.outcome == Attempt.Outcome.DELIVERED:
            settled = ours.update(status=Status.DELIVERED, delivered_at=now, last_error="", **released)
        elif attempt.outcome == Attempt.Outcome.FAILED:
            retry_at = now + backoff(message.attempts)
            settled = ours.update(next_attempt_at=retry_at, last_error=attempt.error, **released)
            if settled:
                attempt.retry_at = retry_at
                task_id = _enqueue(message.key, run_after=retry_at)
                Message.objects.filter(pk=message.pk).update(task_id=task_id)
        else:
            settled = ours.update(status=Status.DEAD, last_error=attempt.error, **released)
        attempt.save(update_fields=["finished_at", "duration_ms", "error", "outcome", "retry_at"])
        if settled and attempt.outcome != Attempt.Outcome.FAILED:
            _release_next(message)
    return attempt.outcome


def _release_next(message: Message) -> None:
    """The message is settled: the next one with its ordering key may go."""
    if not message.order_key:
        return
    following = (
        Message.objects.filter(order_key=message.order_key, status=Status.PENDING, pk__gt=message.pk)
        .order_by("pk")
        .first()
    )
    if following is not None and following.next_attempt_at <= timezone.now():
        following.task_id = _enqueue(following.key)
        following.save(update_fields=["task_id"])


def deliver(key: str, worker: str = "") -> str:
    """One delivery try of the message `key`, if it is due: claim, send through its plugin, record."""
    claimed = claim(key, worker)
    if claimed is None:
        return "skipped"
    message, attempt = claimed
    started = time.monotonic()
    error: DeliveryError | None = None
    try:
        plugin_for(message.channel).deliver(message)
    except DeliveryError as failure:
        error = failure
    except Exception as failure:  # a plugin's bug must not lose the message: retry, and show the error
        logger.exception("outbox message %s: the %s plugin failed unexpectedly", message.pk, message.channel)
        error = DeliveryError(f"{type(failure).__name__}: {failure}")
    outcome = finish(message, attempt, error, int((time.monotonic() - started) * 1000))
    # Never personal data in logs: the message's number, kind and channel only.
    if error is None:
        logger.debug("outbox message %s (%s, %s) delivered", message.pk, message.kind, message.channel)
    else:
        logger.warning(
            "outbox message %s (%s, %s): %s (%s)",
            message.pk,
            message.kind,
            message.channel,
            outcome,
            type(error).__name__,
        )
    return outcome


def retry_now(messages: QuerySet, *, include_delivered: bool = False) -> int:
    """“Retry now” (admin): dead or waiting messages get a new round of tries, starting immediately.
    `include_delivered`: delivered ones are sent again too (reconciliation, when the receiver lost them)."""
    count = 0
    now = timezone.now()
    if not include_delivered:
        messages = messages.exclude(status=Status.DELIVERED)
    with transaction.atomic():
        for message in messages.select_for_update(of=("self",)).order_by("pk"):
            if message.lease_until is not None and message.lease_until > now:
                continue  # being sent right now
            message.status, message.attempts, message.next_attempt_at = Status.PENDING, 0, now
            message.lease_until = message.leased_attempt = None
            message.task_id = _enqueue(message.key)
            message.save()
            count += 1
    return count


def sweep(limit: int = 1000) -> int:
    """Enqueue again the due messages whose delivery task is no longer waiting (lost, or its worker died)."""
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    waiting = DBTaskResult.objects.filter(status="READY").values("id")
    earlier = Message.objects.filter(
        order_key=OuterRef("order_key"), status=Status.PENDING, pk__lt=OuterRef("pk")
    )
    stale = (
        Message.objects.filter(status=Status.PENDING, next_attempt_at__lte=now)
        .filter(Q(lease_until__isnull=True) | Q(lease_until__lte=now))
        .filter(Q(order_key="") | ~Exists(earlier))  # one waiting behind another is enqueued by it
        .exclude(task_id__in=waiting)
        .order_by("pk")
    )
    count = 0
    for message in stale[:limit]:
        with transaction.atomic():
            message.task_id = _enqueue(message.key)
            message.save(update_fields=["task_id"])
        count += 1
    if count:
        logger.info("outbox sweep: %d messages enqueued again", count)
    return count
