"""Dossier codes: <agency code>-YYMMDD-NNNN (Circular 01/2018 art. 19 shape), and the lookup secret.

The number is a per-agency, per-day sequence kept in a counter row, taken by one statement that creates or
increments the row and returns the new number (`INSERT ... ON CONFLICT DO UPDATE ... RETURNING`, which
PostgreSQL and SQLite both run). The row stays locked until the caller's transaction ends, so concurrent
receptions (several desks, several processes) get distinct consecutive numbers on SQLite and on PostgreSQL.
A rolled-back reception leaves a gap, which the format tolerates.
"""

import secrets
from datetime import date

from django.db import connection, transaction

from motcua.org.models import Agency

from .models import DossierCodeSequence

# No 0/O, 1/I/L: the secret is read off paper and typed on a phone.
SECRET_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SECRET_LENGTH = 6


def next_code(agency: Agency, day: date) -> str:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("dossier codes are taken inside the transaction that creates the dossier")
    table = connection.ops.quote_name(DossierCodeSequence._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (agency_id, day, last_number) VALUES (%s, %s, 1) "
            f"ON CONFLICT (agency_id, day) DO UPDATE SET last_number = {table}.last_number + 1 "
            "RETURNING last_number",
            [agency.pk, day],
        )
        (number,) = cursor.fetchone()
    return f"{agency.code}-{day:%y%m%d}-{number:04d}"


def new_lookup_secret() -> str:
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH))
