"""Dossier codes: <agency code>-YYMMDD-NNNN (Circular 01/2018 art. 19 shape), and the lookup secret.

The number is a per-agency, per-day sequence kept in a counter row locked inside the caller's transaction, so
concurrent receptions (several desks, several processes) get distinct consecutive numbers on SQLite and on
PostgreSQL. A rolled-back reception leaves a gap, which the format tolerates.
"""

import secrets
from datetime import date

from django.db import transaction

from motcua.org.models import Agency

from .models import DossierCodeSequence

# No 0/O, 1/I/L: the secret is read off paper and typed on a phone.
SECRET_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SECRET_LENGTH = 6


def next_code(agency: Agency, day: date) -> str:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("dossier codes are taken inside the transaction that creates the dossier")
    sequence, _created = DossierCodeSequence.objects.select_for_update().get_or_create(agency=agency, day=day)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"{agency.code}-{day:%y%m%d}-{sequence.last_number:04d}"


def new_lookup_secret() -> str:
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH))
