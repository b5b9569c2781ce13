"""Server time: the only source of "now" for business actions.

No caller passes a time into a business action; services ask `clock.now()`, so nothing can be backdated.
Tests freeze it with the `frozen_clock` fixture (tests/conftest.py), which replaces `_source`.
"""

from datetime import datetime

from django.utils import timezone

_source = timezone.now


def now() -> datetime:
    return _source()
