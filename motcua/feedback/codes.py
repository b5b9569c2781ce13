"""Feedback reference codes: PAKN-YYMMDD-NNNN (a per-day sequence), and the lookup secret.

The number comes from a counter row locked inside the creating transaction, so concurrent submissions get
distinct numbers on SQLite and on PostgreSQL. A rolled-back submission leaves a gap.
"""

import secrets
from datetime import date

from django.db import transaction

from .models import FeedbackCodeSequence

PREFIX = "PAKN"
# No 0/O, 1/I/L: the secret is read off a screen or a message and typed on a phone.
SECRET_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SECRET_LENGTH = 8


def next_code(day: date) -> str:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("feedback codes are taken inside the transaction that creates the feedback")
    sequence, _created = FeedbackCodeSequence.objects.select_for_update().get_or_create(day=day)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"{PREFIX}-{day:%y%m%d}-{sequence.last_number:04d}"


def new_lookup_secret() -> str:
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH))


def secret_matches(given: str, expected: str) -> bool:
    return secrets.compare_digest((given or "").strip().upper().encode(), expected.encode())
