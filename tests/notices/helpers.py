import time

from motcua.notices.models import Message, Status
from motcua.notices.worker import run_pending


def deliver_until_settled(messages=None, seconds: float = 30) -> None:
    """Run the ready tasks again and again (retries are deferred tasks) until no message waits."""
    messages = messages if messages is not None else Message.objects.all()
    deadline = time.monotonic() + seconds
    while messages.filter(status=Status.PENDING).exists():
        if time.monotonic() > deadline:
            raise AssertionError("messages still waiting: " + repr(list(messages.values("pk", "status"))))
        if not run_pending():
            time.sleep(0.05)
