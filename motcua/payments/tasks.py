"""Background tasks of the payments app (django-tasks, run by `motcua worker`)."""

from django_tasks import task


@task()
def send_sandbox_callback(transaction_id: str) -> int:
    """The sandbox bank notifies the merchant of a decision (see sandbox_bank.deliver_callback)."""
    from .sandbox_bank import deliver_callback

    return deliver_callback(transaction_id)
