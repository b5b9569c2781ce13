"""The rating form, built from the indicators in force (rules are data): one radio group per question the
citizen answers, and the overall satisfaction. Pages render the options themselves (faces, big buttons)."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from . import rules
from .models import Overall, Rule

# How the face of an option looks: by the points it earns out of 2, and by the overall answer.
MOODS = {2: "good", 1: "fair", 0: "poor"}
OVERALL_MOODS = {
    Overall.VERY_SATISFIED: "great",
    Overall.SATISFIED: "good",
    Overall.NOT_SATISFIED: "poor",
}


@dataclass
class Option:
    value: str
    text: str
    mood: str
    id: str
    checked: bool


@dataclass
class Question:
    name: str
    number: int | None
    text: str
    legal_text: str
    options: list[Option]
    errors: list[str]


def _mood(points: int, max_points: int) -> str:
    scaled = round(points * 2 / max_points) if max_points else 0
    return MOODS.get(scaled, "fair")


def _options(indicator) -> list[tuple[int, str, str]]:
    """(value submitted, text, mood) per level: the number for number rules, the points for choices."""
    levels = list(indicator.levels.all())
    if indicator.rule == Rule.COUNT:
        return [
            (number, level.text, _mood(level.points, indicator.max_points))
            for number, level in rules.count_options(levels)
        ]
    ordered = sorted(levels, key=lambda level: -level.points)
    return [(level.points, level.text, _mood(level.points, indicator.max_points)) for level in ordered]


class RatingForm(forms.Form):
    overall = forms.ChoiceField(
        label=_("Overall, how satisfied are you with the settlement of your dossier?"),
        choices=Overall.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please say how satisfied you are overall.")},
    )

    def __init__(self, indicators, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        self.choices_of = {}
        for indicator in self.indicators:
            options = _options(indicator)
            self.choices_of[indicator.code] = options
            self.fields[indicator.code] = forms.TypedChoiceField(
                label=indicator.question,
                choices=[(str(value), text) for value, text, _mood in options],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please answer this question.")},
            )

    def answers(self) -> dict[str, int]:
        return {indicator.code: self.cleaned_data[indicator.code] for indicator in self.indicators}

    def _checked(self, name: str) -> str:
        value = self[name].value()
        return "" if value is None else str(value)

    def questions(self) -> list[Question]:
        result = []
        for indicator in self.indicators:
            checked = self._checked(indicator.code)
            result.append(
                Question(
                    name=indicator.code,
                    number=indicator.number,
                    text=indicator.question,
                    legal_text=indicator.text,
                    options=[
                        Option(str(value), text, mood, f"q-{indicator.code}-{value}", str(value) == checked)
                        for value, text, mood in self.choices_of[indicator.code]
                    ],
                    errors=list(self.errors.get(indicator.code, [])),
                )
            )
        return result

    def overall_question(self) -> Question:
        checked = self._checked("overall")
        return Question(
            name="overall",
            number=None,
            text=str(self.fields["overall"].label),
            legal_text="",
            options=[
                Option(value, str(label), OVERALL_MOODS[value], f"q-overall-{value}", value == checked)
                for value, label in Overall.choices
            ],
            errors=list(self.errors.get("overall", [])),
        )

    def add_service_errors(self, errors: dict) -> None:
        for name, messages in errors.items():
            for message in messages:
                self.add_error(name if name in self.fields else None, message)


class KioskCodeForm(forms.Form):
    code = forms.CharField(label=_("Dossier code"), max_length=60)


class EntryForm(forms.Form):
    """The way in without the printed link: the code and the lookup secret from the receipt."""

    code = forms.CharField(label=_("Dossier code"), max_length=60)
    secret = forms.CharField(
        label=_("Lookup secret"), max_length=12, help_text=_("The six characters printed on your receipt.")
    )
