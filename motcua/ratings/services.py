"""Writes of ratings: a citizen's rating (online or at the kiosk), and the automatic indicators 1-2.

    submit(dossier, channel, answers, overall, officer=None) -> Rating
    score_automatic(dossier) -> int     indicators 1-2 of the dossier's ratings, once its processing ended

`answers` maps an indicator's code to the citizen's answer: the number for a number indicator (3, 4), the
points of the chosen level for a choice indicator (5-9). Indicators 1-2 are never answered: they are scored
from the dossier's timeliness through the working-time engine, at submission if processing has ended, or
else when it ends (receivers.py). Times come from `motcua.clock`.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from motcua import clock
from motcua.dossiers.models import Dossier, Evaluation
from motcua.org.selectors import Action, can
from motcua.worktime.selectors import calendar_for

from . import rules, selectors
from .errors import AlreadyRated, InvalidAnswers, NotAllowed, NotOpen
from .models import Answer, Channel, Overall, Rating, Rule, Timeliness

__all__ = ["AlreadyRated", "InvalidAnswers", "NotAllowed", "NotOpen", "score_automatic", "submit"]


def may_run_kiosk(user, dossier: Dossier) -> bool:
    """A desk officer of the agency that received the dossier (who receives and returns there)."""
    agency = dossier.receiving_agency
    return can(user, Action.RETURN_RESULT, agency) or can(user, Action.RECEIVE, agency)


def _checked_answers(answers: dict) -> list[Answer]:
    """Every citizen indicator answered with a value its levels know; unknown codes refused."""
    errors: dict[str, list[str]] = {}
    expected = {indicator.code: indicator for indicator in selectors.citizen_indicators()}
    result = []
    for code in answers:
        if code not in expected:
            errors.setdefault(code, []).append(_("This indicator is not answered by the citizen."))
    for code, indicator in expected.items():
        value = answers.get(code)
        if value is None or value == "":
            errors.setdefault(code, []).append(_("Please answer this question."))
            continue
        try:
            value = int(value)
        except (TypeError, ValueError):
            errors.setdefault(code, []).append(_("The answer must be a whole number."))
            continue
        levels = list(indicator.levels.all())
        if indicator.rule == Rule.COUNT:
            points = rules.points_for_count(levels, value) if value >= 0 else None
            answer = Answer(indicator=indicator, points=points, count=value)
        else:
            points = value if value in {level.points for level in levels} else None
            answer = Answer(indicator=indicator, points=points)
        if points is None:
            errors.setdefault(code, []).append(_("This answer is not one of the choices."))
            continue
        result.append(answer)
    if errors:
        raise InvalidAnswers(_("Some answers are missing or wrong."), errors=errors)
    return result


def submit(dossier: Dossier, channel: str, answers: dict, overall: str, officer=None) -> Rating:
    """Record the citizen's rating of `dossier` through `channel`; one per dossier and channel.

    At the kiosk, `officer` is the logged-in desk officer who served (and must be one at the receiving
    agency); online, the officer is the one who returned the result, or received the dossier."""
    if channel not in Channel.values:
        raise InvalidAnswers(_("Unknown rating channel."), errors={"channel": [_("Unknown rating channel.")]})
    if channel == Channel.KIOSK and not may_run_kiosk(officer, dossier):
        raise NotAllowed(
            _("Only a desk officer of the receiving agency may open the kiosk for this dossier.")
        )
    if not selectors.is_open(dossier):
        raise NotOpen(_("This dossier cannot be rated now."))
    if selectors.rated_through(dossier, channel):
        raise AlreadyRated(_("This dossier has already been rated here. Thank you."))
    errors = {}
    if overall not in Overall.values:
        errors["overall"] = [_("Please say how satisfied you are overall.")]
    try:
        checked = _checked_answers(answers or {})
    except InvalidAnswers as error:
        errors = {**error.errors, **errors}
    if errors:
        raise InvalidAnswers(_("Some answers are missing or wrong."), errors=errors)
    if channel == Channel.ONLINE:
        officer = selectors.officer_who_served(dossier)
    try:
        with transaction.atomic():
            rating = Rating.objects.create(
                dossier=dossier,
                channel=channel,
                agency=dossier.receiving_agency,
                officer=officer,
                overall=overall,
                submitted_at=clock.now(),
            )
            for answer in checked:
                answer.rating = rating
            Answer.objects.bulk_create(checked)
            _score_automatic(dossier, [rating])
            _add_to_evaluation(dossier, overall)
    except IntegrityError as error:  # a concurrent second rating through the same channel
        raise AlreadyRated(_("This dossier has already been rated here. Thank you.")) from error
    return rating


def _add_to_evaluation(dossier: Dossier, overall: str) -> None:
    """Keep `Dossier.evaluation`, which the reports count, true to the dossier's ratings: satisfied when every
    rating is, not satisfied for good after one "not satisfied" (a rating is never changed or withdrawn). One
    UPDATE of the row: a business action on the dossier, which locks and re-reads it, waits for it or is
    waited for, and never writes an old value back."""
    Dossier.objects.filter(pk=dossier.pk).exclude(evaluation=Evaluation.NOT_SATISFIED).update(
        evaluation=Evaluation.of(overall)
    )
    dossier.refresh_from_db(fields=["evaluation"])


# --- indicators 1-2 --------------------------------------------------------------------------------------


def timeliness_of(dossier: Dossier) -> str | None:
    """The dossier's class (early / on time / late) on its receiving agency's calendar; None if unfinished."""
    if dossier.finished_at is None or dossier.due_at is None:
        return None
    return calendar_for(dossier.receiving_agency).classify(dossier.finished_at, dossier.due_at)


def agencies_timeliness_of(dossier: Dossier) -> str | None:
    """The time of each participating agency: late when any step that settled the dossier was classified late
    on its own agency's calendar (an agency held it past its budget); otherwise the dossier's own class."""
    if dossier.finished_at is None or dossier.due_at is None:
        return None
    steps = dossier.steps.filter(finished_at__isnull=False, finished_at__lte=dossier.finished_at)
    classes = [
        calendar_for(step.agency).classify(step.finished_at, step.due_at)
        for step in steps.select_related("agency")
    ]
    late = [cls for cls in classes if cls == Timeliness.LATE]
    return rules.worst([*late, timeliness_of(dossier)])


TIMELINESS = {Rule.DOSSIER_TIMELINESS: timeliness_of, Rule.STEP_TIMELINESS: agencies_timeliness_of}


def _score_automatic(dossier: Dossier, ratings) -> int:
    automatic = [indicator for indicator in selectors.indicators() if indicator.is_automatic]
    if not ratings or not automatic or dossier.finished_at is None:
        return 0
    classes = {indicator.pk: TIMELINESS[indicator.rule](dossier) for indicator in automatic}
    answered = set(
        Answer.objects.filter(rating__in=ratings, indicator__in=automatic).values_list(
            "rating_id", "indicator_id"
        )
    )
    new = []
    for rating in ratings:
        for indicator in automatic:
            timeliness = classes[indicator.pk]
            points = (
                rules.points_for_timeliness(list(indicator.levels.all()), timeliness) if timeliness else None
            )
            if points is not None and (rating.pk, indicator.pk) not in answered:
                new.append(Answer(rating=rating, indicator=indicator, points=points, timeliness=timeliness))
    Answer.objects.bulk_create(new)
    return len(new)


def score_automatic(dossier: Dossier) -> int:
    """Score indicators 1-2 of every rating of `dossier` that lacks them (after processing ended)."""
    with transaction.atomic():
        return _score_automatic(dossier, list(Rating.objects.filter(dossier=dossier)))
