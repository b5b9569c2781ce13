"""Checking one row of a legacy file into a `Record`, or the list of what is wrong with it.

Every value is checked before anything is written: codes and their shapes, the channel, the status and the
times it needs, an offset on every instant, the order of the instants (reception, finish, return, none in the
future), the supplement count and the evaluation. What the rows need of the database (agencies, procedures and
their limits) is read once per run (`catalogue.Catalogue`), so a row costs dictionary look-ups, not queries.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from django.utils.translation import gettext as _

from motcua.dossiers.lifecycle import Channel, State
from motcua.text import nfc

from .catalogue import Catalogue, Limit
from .errors import RowError
from .models import Overall

# The old system's statuses and the state each becomes (docs/legacy-import.md says why).
STATES = {
    "received": State.RECEIVED,
    "processing": State.PROCESSING,
    "supplement": State.SUPPLEMENT_REQUESTED,
    "finished": State.RESULT_READY,
    "returned": State.RETURNED,
    "refused": State.STOPPED,
    "withdrawn": State.WITHDRAWN,
    "stopped": State.STOPPED,
}
OPEN = frozenset({"received", "processing", "supplement"})  # no finish yet
EVALUATIONS = {
    "": None,
    "very_satisfied": Overall.VERY_SATISFIED,
    "satisfied": Overall.SATISFIED,
    "unsatisfied": Overall.NOT_SATISFIED,
}
CHANNELS = frozenset(Channel.values)
CODE_MAX = 60  # Dossier.code
PROCEDURE_CODE = re.compile(r"\d\.\d{6}")  # catalog.models.PROCEDURE_CODE_PATTERN
AGENCY_CODE = re.compile(r"[A-Z0-9][A-Z0-9.]{0,39}")  # org.models.agency_code_validator, max_length 40
FIRST_YEAR, LAST_YEAR = 1990, 2099  # inside the working-time engine's calendar (1990-2100)


@dataclass(slots=True)
class Record:
    line: int
    code: str
    procedure_code: str
    agency_code: str
    channel: str
    received_at: datetime
    due_at: datetime | None  # None: computed from `limit` on the agency's calendar
    finished_at: datetime | None
    returned_at: datetime | None
    status: str  # the old system's
    state: str  # MotCua's
    supplement_count: int
    evaluation: str | None
    applicant_name: str
    limit: Limit | None  # the known procedure's version and limit; None: a placeholder procedure


class Checker:
    def __init__(self, catalogue: Catalogue, now: datetime, *, duplicates: bool = True) -> None:
        self.catalogue = catalogue
        self.now = now
        self.duplicates = duplicates
        self.first_lines: dict[str, int] = {}  # code -> line, for duplicates within the file
        self.agency_codes: set[str] = set()  # of the valid rows: the calendars the writer will need

    def _instant(self, value: str, column: str, line: int, errors: list) -> datetime | None:
        if not value:
            return None
        try:
            instant = datetime.fromisoformat(value)
        except ValueError:
            errors.append(
                RowError(line, column, _("“%(value)s” is not an ISO 8601 date and time.") % {"value": value})
            )
            return None
        if instant.tzinfo is None:
            errors.append(
                RowError(
                    line,
                    column,
                    _("“%(value)s” has no UTC offset (write it as 2024-03-01T08:15:00+07:00).")
                    % {"value": value},
                )
            )
            return None
        if not FIRST_YEAR <= instant.astimezone(UTC).year <= LAST_YEAR:
            errors.append(
                RowError(
                    line,
                    column,
                    _("“%(value)s” lies outside the years %(first)s-%(last)s.")
                    % {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR},
                )
            )
            return None
        return instant

    def check(self, line: int, values: list[str]) -> Record | list[RowError]:
        (
            code,
            procedure_code,
            procedure_name,
            agency_code,
            agency_name,
            channel,
            received,
            due,
            finished,
            returned,
            status,
            supplements,
            evaluation,
            applicant,
        ) = (value.strip() for value in values)
        errors: list[RowError] = []

        if not code:
            errors.append(RowError(line, "code", _("The dossier code is empty.")))
        elif len(code) > CODE_MAX:
            errors.append(
                RowError(line, "code", _("A dossier code has at most %(n)s characters.") % {"n": CODE_MAX})
            )
        elif self.duplicates:
            first = self.first_lines.setdefault(code, line)
            if first != line:
                errors.append(
                    RowError(
                        line,
                        "code",
                        _("The code %(code)s is already on line %(line)s.") % {"code": code, "line": first},
                    )
                )
        if not PROCEDURE_CODE.fullmatch(procedure_code):
            errors.append(
                RowError(
                    line,
                    "procedure_code",
                    _("“%(value)s” is not a procedure code of the form d.dddddd.")
                    % {"value": procedure_code},
                )
            )
        if not AGENCY_CODE.fullmatch(agency_code):
            errors.append(
                RowError(
                    line,
                    "agency_code",
                    _("“%(value)s” is not an agency code (capital letters, digits and dots).")
                    % {"value": agency_code},
                )
            )
        if channel not in CHANNELS:
            errors.append(
                RowError(
                    line, "channel", _("“%(value)s” is not direct, online or postal.") % {"value": channel}
                )
            )
        state = STATES.get(status)
        if state is None:
            errors.append(
                RowError(
                    line,
                    "status",
                    _("“%(value)s” is not one of %(values)s.")
                    % {"value": status, "values": ", ".join(STATES)},
                )
            )
        if evaluation not in EVALUATIONS:
            errors.append(
                RowError(
                    line,
                    "evaluation",
                    _("“%(value)s” is not very_satisfied, satisfied, unsatisfied or empty.")
                    % {"value": evaluation},
                )
            )
        count = 0
        if supplements:
            try:
                count = int(supplements)
            except ValueError:
                count = -1
            if not 0 <= count <= 32767:
                errors.append(
                    RowError(
                        line,
                        "supplement_count",
                        _("“%(value)s” is not a number of supplement requests.") % {"value": supplements},
                    )
                )
        applicant = nfc(applicant)
        if not applicant:
            errors.append(RowError(line, "applicant_name", _("The applicant's name is empty.")))
        elif len(applicant) > 255:
            errors.append(RowError(line, "applicant_name", _("A name has at most 255 characters.")))

        received_at = self._instant(received, "received_at", line, errors)
        due_at = self._instant(due, "due_at", line, errors)
        finished_at = self._instant(finished, "finished_at", line, errors)
        returned_at = self._instant(returned, "returned_at", line, errors)
        if not received:
            errors.append(RowError(line, "received_at", _("The reception time is empty.")))
        if state is not None:
            self._check_times(
                line, status, received_at, due_at, finished_at, returned_at, finished, returned, errors
            )

        limit = None
        if not errors:
            limit = self.catalogue.limit(procedure_code, received_at)
            if limit is None and due_at is None:
                errors.append(
                    RowError(
                        line,
                        "due_at",
                        _(
                            "The appointment is empty and the procedure %(code)s is not in the catalogue: "
                            "its time limit is unknown."
                        )
                        % {"code": procedure_code},
                    )
                )
        if errors:
            return errors
        if agency_code not in self.agency_codes:
            self.agency_codes.add(agency_code)
            self.catalogue.note_agency(agency_code, nfc(agency_name), line)
        if limit is None:
            self.catalogue.note_procedure(procedure_code, nfc(procedure_name), line)
        return Record(
            line,
            code,
            procedure_code,
            agency_code,
            channel,
            received_at,
            due_at,
            finished_at,
            returned_at,
            status,
            state,
            count,
            EVALUATIONS[evaluation],
            applicant,
            limit,
        )

    def _check_times(
        self, line, status, received_at, due_at, finished_at, returned_at, finished, returned, errors
    ):
        now = self.now
        if received_at is not None and received_at > now:
            errors.append(RowError(line, "received_at", _("The reception lies in the future.")))
        if due_at is not None and received_at is not None and due_at < received_at:
            errors.append(RowError(line, "due_at", _("The appointment comes before the reception.")))
        if status in OPEN:
            if finished:
                errors.append(
                    RowError(
                        line,
                        "finished_at",
                        _("A dossier still open (%(status)s) has no finish time.") % {"status": status},
                    )
                )
        elif not finished:
            errors.append(
                RowError(
                    line,
                    "finished_at",
                    _("A closed dossier (%(status)s) needs its finish or closing time.") % {"status": status},
                )
            )
        elif finished_at is not None:
            if received_at is not None and finished_at < received_at:
                errors.append(RowError(line, "finished_at", _("The finish comes before the reception.")))
            if finished_at > now:
                errors.append(RowError(line, "finished_at", _("The finish lies in the future.")))
        if status == "returned":
            if not returned:
                errors.append(RowError(line, "returned_at", _("A returned result needs its return time.")))
            elif returned_at is not None:
                if finished_at is not None and returned_at < finished_at:
                    errors.append(RowError(line, "returned_at", _("The return comes before the finish.")))
                if returned_at > now:
                    errors.append(RowError(line, "returned_at", _("The return lies in the future.")))
        elif returned:
            errors.append(
                RowError(
                    line,
                    "returned_at",
                    _("Only a returned result (status returned) has a return time."),
                )
            )
