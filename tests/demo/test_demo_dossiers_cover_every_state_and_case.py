"""`demo-data` adds a few hundred dossiers in every state, with the cases a trainer shows: late, paused,
apologised, linked, refused, stopped, withdrawn, returned in every way; and only once."""

from datetime import timedelta

import pytest
from django.db.models import Count, F
from django.utils.text import capfirst

from motcua import clock
from motcua.dossiers.lifecycle import Channel, ReturnMethod, State, SupplementStage
from motcua.dossiers.models import Apology, Dossier, DossierGroup, Pause

from .conftest import run_demo_data
from .loaded import demo_loaded  # noqa: F401  (the fixture)

pytestmark = pytest.mark.usefixtures("demo_loaded", "db")


def test_a_few_hundred_dossiers_in_every_state_of_the_lifecycle():
    by_state = dict(Dossier.objects.values_list("state").annotate(n=Count("pk")))
    assert 300 <= sum(by_state.values()) <= 400
    assert set(by_state) == set(State.values), by_state


def test_some_dossiers_finished_after_their_appointment_and_some_are_open_past_it():
    assert Dossier.objects.filter(finished_at__gt=F("due_at"), state=State.RETURNED).exists()
    overdue = Dossier.objects.filter(
        state=State.PROCESSING, paused_since__isnull=True, due_at__lt=clock.now()
    )
    assert overdue.count() >= 5
    assert Dossier.objects.filter(steps__late=True).distinct().count() >= 20


def test_paused_dossiers_wait_for_a_supplement_or_a_payment_with_their_clock_stopped():
    for state in (State.SUPPLEMENT_REQUESTED, State.AWAITING_PAYMENT):
        paused = Dossier.objects.filter(state=state, paused_since__isnull=False)
        assert paused.exists(), state
        for dossier in paused:
            assert Pause.objects.filter(dossier=dossier, ended_at__isnull=True).count() == 1
    at_the_desk = Dossier.objects.filter(
        state=State.SUPPLEMENT_REQUESTED, supplement_stage=SupplementStage.DESK
    )
    assert at_the_desk.exists() and not at_the_desk.filter(paused_since__isnull=False).exists()
    assert Pause.objects.filter(ended_at__isnull=False).exists()  # supplied or paid later


def test_apologised_dossiers_carry_the_new_later_appointment():
    apologies = Apology.objects.select_related("dossier")
    assert apologies.count() >= 5
    for apology in apologies:
        dossier = apology.dossier
        assert apology.issued_at < apology.previous_due_at < apology.new_due_at
        assert dossier.original_due_at == apology.previous_due_at
        assert dossier.due_at >= apology.new_due_at  # later still when paused since
        assert dossier.events.filter(action="apologise", at=apology.issued_at).exists()


def test_a_linked_group_is_one_reception_of_one_dossier_per_member_procedure():
    groups = DossierGroup.objects.prefetch_related(
        "dossiers__procedure_version__procedure", "bundle__members"
    )
    assert groups.count() >= 4
    for group in groups:
        dossiers = list(group.dossiers.all())
        assert {d.procedure_version.procedure_id for d in dossiers} == {
            m.procedure_id for m in group.bundle.members.all()
        }
        assert len({d.received_at for d in dossiers}) == 1
        assert len({d.receiving_agency_id for d in dossiers}) == 1
    linked = Dossier.objects.filter(group__isnull=False)
    assert linked.exclude(current_agency=F("receiving_agency")).exists()  # members go to their own agency


def test_results_were_handed_back_at_the_desk_by_post_and_online():
    methods = set(Dossier.objects.filter(state=State.RETURNED).values_list("return_method", flat=True))
    assert methods == set(ReturnMethod.values)
    assert not Dossier.objects.filter(state=State.RESULT_READY, result_number="").exists()


def test_online_filings_wait_for_the_desk():
    waiting = Dossier.objects.filter(state=State.SUBMITTED)
    assert waiting.exists()
    assert set(waiting.values_list("channel", flat=True)) == {Channel.ONLINE}
    assert not waiting.filter(received_at__isnull=False).exists()


def test_refused_stopped_and_withdrawn_dossiers_say_why():
    for state in (State.NOT_RECEIVED, State.STOPPED, State.WITHDRAWN):
        closed = Dossier.objects.filter(state=state)
        assert closed.exists(), state
        for dossier in closed:
            last = dossier.events.latest("number")
            assert last.to_state == state and last.note, dossier.code
            assert dossier.finished_at == last.at


def test_the_command_prints_the_dossiers_by_state(demo_loaded):  # noqa: F811
    assert "Hồ sơ trình diễn" in demo_loaded
    lines = [line.strip() for line in demo_loaded.splitlines()]
    for state in State:
        count = Dossier.objects.filter(state=state).count()
        assert any(
            line.startswith(str(capfirst(state.label))) and line.split()[-1] == str(count) for line in lines
        )


def test_a_second_run_adds_no_dossier_and_says_so():
    before = (Dossier.objects.count(), Dossier.objects.order_by("-pk").values_list("pk", flat=True).first())
    output = run_demo_data(dossiers=True)
    assert (
        Dossier.objects.count(),
        Dossier.objects.order_by("-pk").values_list("pk", flat=True).first(),
    ) == before
    assert "đã có sẵn" in output


def test_the_server_clock_is_the_real_one_again_after_loading():
    from django.utils import timezone

    assert abs(clock.now() - timezone.now()) < timedelta(seconds=5)
