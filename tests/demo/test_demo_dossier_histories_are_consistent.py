"""Demo dossiers are made by the dossier services at past instants: their histories hold together exactly as
those of real dossiers (events numbered by version, in time order, the same instants as steps and fields,
due instants from the working-time engine), over the last sixty days and never in the future."""

import re
import unicodedata
from collections import defaultdict
from datetime import timedelta

import pytest
from django.utils import timezone

from motcua import clock
from motcua.demo import province
from motcua.dossiers.lifecycle import State
from motcua.dossiers.models import Dossier, DossierEvent, DossierStep
from motcua.worktime.selectors import calendar_for

from .loaded import demo_loaded  # noqa: F401  (the fixture)

pytestmark = pytest.mark.usefixtures("demo_loaded", "db")


def histories():
    events, steps = defaultdict(list), defaultdict(list)
    for event in DossierEvent.objects.order_by("dossier_id", "number"):
        events[event.dossier_id].append(event)
    for step in DossierStep.objects.order_by("dossier_id", "number"):
        steps[step.dossier_id].append(step)
    return events, steps


def test_every_dossier_has_as_many_events_as_its_version():
    events, _steps = histories()
    for dossier in Dossier.objects.all():
        assert [e.number for e in events[dossier.pk]] == list(range(1, dossier.version + 1)), dossier.code


def test_events_are_in_time_order_and_steps_start_and_end_at_event_instants():
    events, steps = histories()
    for dossier_id, history in events.items():
        instants = [event.at for event in history]
        assert instants == sorted(instants), history[0].dossier_id
        for step in steps[dossier_id]:
            # the event that opened the step (receive, forward, send back; the result issued for the return)
            assert step.started_at in instants, (dossier_id, step.number)
            if step.finished_at is not None:
                assert step.finished_at in instants and step.finished_at >= step.started_at
                assert step.late == (step.finished_at > step.due_at)


def test_the_dossier_instants_are_those_of_its_events():
    events, _steps = histories()
    for dossier in Dossier.objects.all():
        history = events[dossier.pk]
        at = {event.action: event.at for event in history}  # the last of each action
        assert dossier.submitted_at == history[0].at and history[0].action in ("submit",)
        if dossier.received_at is not None:
            assert dossier.received_at == at["receive"]
            assert dossier.submitted_at <= dossier.received_at
        if dossier.state in (State.RESULT_READY, State.RETURNED):
            assert dossier.finished_at == at["finish"]
        if dossier.state == State.RETURNED:
            assert dossier.returned_at == at["return_result"] >= dossier.finished_at


def test_the_history_spans_the_last_sixty_days_and_never_reaches_the_future():
    now = clock.now()
    first = DossierEvent.objects.order_by("at").first().at
    last = DossierEvent.objects.order_by("-at").first().at
    assert now - timedelta(days=75) <= first <= now - timedelta(days=45)
    assert now - timedelta(days=3) <= last <= now
    days = {timezone.localtime(at).date() for at in Dossier.objects.values_list("submitted_at", flat=True)}
    assert len(days) >= 30


def test_appointments_are_the_engines_from_the_reception():
    received = Dossier.objects.filter(
        received_at__isnull=False, apology_count=0, pauses__isnull=True
    ).select_related("procedure_version", "receiving_agency")
    assert received.count() > 200
    for dossier in received:
        version = dossier.procedure_version
        due = calendar_for(dossier.receiving_agency).due(
            dossier.received_at,
            version.committed_limit_value,
            version.committed_limit_unit,
            (),
            version.same_day_cutoff,
        )
        assert dossier.original_due_at == dossier.due_at == due, dossier.code


def test_codes_follow_the_receiving_agency_and_the_day_of_registration():
    for dossier in Dossier.objects.select_related("receiving_agency"):
        day = timezone.localtime(dossier.submitted_at)
        assert re.fullmatch(
            rf"{re.escape(dossier.receiving_agency.code)}-{day:%y%m%d}-\d{{4}}", dossier.code
        ), dossier.code


def test_applicants_are_vietnamese_people_and_organisations_of_the_demo_wards():
    places = [place for _code, _name, _slug, place in province.COMMUNES]
    people = Dossier.objects.filter(applicant_is_organisation=False)
    for dossier in Dossier.objects.all():
        assert unicodedata.normalize("NFC", dossier.applicant_name) == dossier.applicant_name
        assert any(place in dossier.applicant_address for place in places), dossier.applicant_address
    for dossier in people:
        number, birth = dossier.applicant_id_number, dossier.applicant_birth_date
        assert re.fullmatch(r"\d{12}", number), number
        assert number[4:6] == f"{birth.year % 100:02d}"
        assert number[3] in ("0", "1") if birth.year < 2000 else number[3] in ("2", "3")
        assert len(dossier.applicant_name.split()) >= 3
    organisations = Dossier.objects.filter(applicant_is_organisation=True)
    assert organisations.exists()
    for dossier in organisations:
        assert re.fullmatch(r"\d{10}", dossier.applicant_id_number) and dossier.representative_name
    assert people.values("applicant_name").distinct().count() > 250
