"""The portal's only table: wrong tracking tries per client address and minute, for the rate limit."""

from django.db import models


class TrackingFailure(models.Model):
    """How many wrong tracking tries came from `address` during `minute` (minutes since the epoch).

    Written with one atomic upsert per wrong try (ratelimit.py), so every process of the site counts in the
    same row; rows of past minutes are deleted as new failures come in.
    """

    address = models.CharField(max_length=64)
    minute = models.BigIntegerField(db_index=True)
    failures = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["address", "minute"], name="portal_tracking_failure_unique")
        ]

    def __str__(self) -> str:
        return f"{self.address} · {self.minute} · {self.failures}"
