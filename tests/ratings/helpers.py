"""Dossiers at the moments a rating cares about, and ratings with chosen answers."""

from datetime import datetime, timedelta

from motcua.dossiers import services as dossiers
from motcua.org.models import Role
from motcua.ratings import services
from motcua.ratings.models import Channel, Overall
from tests.factories.dossiers import World, at_step, received

# Every question the citizen answers, with its best answer (a number for 3-4, points for 5-9).
BEST = {
    "contacts": 1,
    "agencies_contacted": 1,
    "one_stop": 2,
    "publicity": 2,
    "attitude": 2,
    "feedback": 2,
    "online_services": 2,
}


def finished(world: World, clock, received_at: datetime, finished_at: datetime, **kwargs):
    """Received at `received_at` and handed on at once; appraised until half an hour before `finished_at`,
    when the leader issues the result (so only the appraisal step can be late)."""
    dossier = received(world, clock, received_at, **kwargs)
    dossier = dossiers.forward(dossier, world.desk)
    clock.set(finished_at - timedelta(minutes=30))
    dossier = at_step(world, clock, dossier, Role.LEADER)
    clock.set(finished_at)
    return dossiers.finish(dossier, world.leader, result_number="01/GCN-HKD")


def returned(world: World, clock, dossier, at: datetime):
    clock.set(at)
    return dossiers.return_result(dossier, world.desk)


def rate(dossier, channel=Channel.ONLINE, officer=None, overall=Overall.SATISFIED, **answers):
    return services.submit(dossier, channel, {**BEST, **answers}, overall, officer=officer)


def points(rating) -> dict[int, int]:
    return {answer.indicator.number: answer.points for answer in rating.answers.select_related("indicator")}
