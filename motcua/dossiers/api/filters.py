"""The list's filters: each on an indexed column (or a prefix of one), so a queue stays fast at a million."""

import django_filters
from rest_framework.filters import OrderingFilter

from motcua import clock
from motcua.dossiers import selectors
from motcua.dossiers.lifecycle import Channel, State
from motcua.dossiers.models import Dossier


class DossierFilter(django_filters.FilterSet):
    state = django_filters.MultipleChoiceFilter(choices=State.choices, help_text="Repeat for several states.")
    receiving_agency = django_filters.CharFilter(
        field_name="receiving_agency__code", help_text="Code of the receiving agency."
    )
    current_agency = django_filters.CharFilter(
        field_name="current_agency__code", help_text="Code of the agency holding the dossier now."
    )
    procedure = django_filters.CharFilter(
        field_name="procedure_version__procedure__code", help_text="The procedure's national code."
    )
    channel = django_filters.ChoiceFilter(choices=Channel.choices)
    received_from = django_filters.DateFilter(
        method="filter_received_from", help_text="Received on or after this day (Vietnamese date)."
    )
    received_to = django_filters.DateFilter(
        method="filter_received_to", help_text="Received on or before this day (Vietnamese date)."
    )
    due_before = django_filters.IsoDateTimeFilter(
        field_name="due_at", lookup_expr="lt", help_text="Appointment before this instant (ISO 8601)."
    )
    overdue = django_filters.BooleanFilter(
        method="filter_overdue", help_text="true: not finished and the appointment passed; false: the others."
    )
    paused = django_filters.BooleanFilter(
        field_name="paused_since",
        lookup_expr="isnull",
        exclude=True,
        help_text="true: the clock is paused (supplement or payment awaited).",
    )
    search = django_filters.CharFilter(
        method="filter_search",
        help_text="Start of the code, start of the applicant's name (diacritics optional), or the exact ID "
        "number.",
    )

    class Meta:
        model = Dossier
        fields = []

    def filter_received_from(self, dossiers, name, value):
        return selectors.received_between(dossiers, first=value)

    def filter_received_to(self, dossiers, name, value):
        return selectors.received_between(dossiers, last=value)

    def filter_overdue(self, dossiers, name, value):
        overdue = selectors.overdue_q(clock.now())
        return dossiers.filter(overdue) if value else dossiers.exclude(overdue)

    def filter_search(self, dossiers, name, value):
        return selectors.search_dossiers(dossiers, value)


class StableOrdering(OrderingFilter):
    """The requested order, then newest first, so that pages never overlap or skip a row."""

    ordering_description = "received_at, due_at or code; a leading - for descending. Default: newest first."

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view) or []
        return [*ordering, "-pk"]
