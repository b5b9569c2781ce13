"""The public catalogue over REST (read-only, no login): procedures in force with their current version.

GET /api/v1/catalog/procedures/          list; filters field, level, online_level, agency_kind; search
GET /api/v1/catalog/procedures/<code>/   one procedure: documents, fees, internal process, reduction
GET /api/v1/catalog/fields/              the fields (lĩnh vực)
GET /api/v1/catalog/bundles/             linked procedures (liên thông)
"""

import django_filters
from django.db.models import Q
from django.urls import path
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny

from motcua.text import fold

from . import rules
from .choices import Level, OnlineLevel
from .models import Bundle, Fee, Field, ProcedureVersion, ProcessStep, RequiredDocument
from .records import RECEIVING
from .selectors import procedures_in_force


class LimitSerializer(serializers.Serializer):
    value = serializers.DecimalField(max_digits=8, decimal_places=2)
    unit = serializers.CharField()


class ReductionSerializer(serializers.Serializer):
    days = serializers.DecimalField(
        max_digits=10, decimal_places=3, help_text="In working days (office time) or the limits' own unit."
    )
    percent = serializers.DecimalField(max_digits=5, decimal_places=2)


class DocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = RequiredDocument
        fields = ["order", "name", "originals", "copies", "required", "form"]


class FeeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Fee
        fields = ["name", "amount", "note"]


class StepSerializer(serializers.ModelSerializer):
    agency = serializers.SerializerMethodField(help_text=f'An agency code, or "{RECEIVING}".')

    class Meta:
        model = ProcessStep
        fields = ["order", "name", "agency", "role", "hours"]

    def get_agency(self, step: ProcessStep) -> str:
        return step.agency.code if step.agency_id else RECEIVING


class ProcedureSerializer(serializers.ModelSerializer):
    """A procedure in force, as its current version."""

    code = serializers.CharField(source="procedure.code")
    version = serializers.IntegerField(source="number")
    field = serializers.SlugRelatedField(slug_field="code", read_only=True)
    field_name = serializers.CharField(source="field.name")
    agency_kinds = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    channels = serializers.ListField(child=serializers.CharField())
    legal_time_limit = serializers.SerializerMethodField()
    committed_time_limit = serializers.SerializerMethodField()
    reduction = serializers.SerializerMethodField()

    class Meta:
        model = ProcedureVersion
        fields = [
            "code",
            "version",
            "name",
            "field",
            "field_name",
            "level",
            "agency_kinds",
            "channels",
            "online_level",
            "legal_time_limit",
            "committed_time_limit",
            "reduction",
            "same_day_cutoff",
            "effective_at",
        ]

    @extend_schema_field(LimitSerializer)
    def get_legal_time_limit(self, version: ProcedureVersion) -> dict:
        return _limit(version.legal_limit)

    @extend_schema_field(LimitSerializer)
    def get_committed_time_limit(self, version: ProcedureVersion) -> dict:
        return _limit(version.committed_limit)

    @extend_schema_field(ReductionSerializer(allow_null=True))
    def get_reduction(self, version: ProcedureVersion) -> dict | None:
        found = version.reduction
        return {"days": str(found.days), "percent": str(found.percent)} if found else None


def _limit(limit: rules.Limit) -> dict:
    return {"value": rules.number(limit.value), "unit": str(limit.unit)}


class ProcedureDetailSerializer(ProcedureSerializer):
    documents = DocumentSerializer(many=True, read_only=True)
    fees = FeeSerializer(many=True, read_only=True)
    process = StepSerializer(source="steps", many=True, read_only=True)

    class Meta(ProcedureSerializer.Meta):
        fields = [
            *ProcedureSerializer.Meta.fields,
            "subjects",
            "conditions",
            "result",
            "result_is_document",
            "legal_basis",
            "publication_decision",
            "publication_date",
            "documents",
            "fees",
            "process",
        ]


class ProcedureFilter(django_filters.FilterSet):
    field = django_filters.CharFilter(field_name="field__code", help_text="Field code, e.g. HOTICH.")
    level = django_filters.ChoiceFilter(choices=Level.choices)
    online_level = django_filters.ChoiceFilter(choices=OnlineLevel.choices)
    agency_kind = django_filters.CharFilter(
        field_name="agency_kinds__code", help_text="Agency kind code, e.g. commune."
    )
    search = django_filters.CharFilter(
        method="search_code_or_name", help_text="Part of the code or of the name (diacritics optional)."
    )

    class Meta:
        model = ProcedureVersion
        fields = ["field", "level", "online_level", "agency_kind", "search"]

    def search_code_or_name(self, queryset, name, value):
        return queryset.filter(
            Q(procedure__code__contains=value.strip()) | Q(name_folded__contains=fold(value))
        )


class Public:
    """The catalogue is public information: no login, no session."""

    permission_classes = [AllowAny]
    authentication_classes = []


@extend_schema(tags=["catalog"])
class ProcedureList(Public, generics.ListAPIView):
    """Procedures in force, each as its current version; filter by field, level, online level, agency kind,
    or search a code or a name."""

    serializer_class = ProcedureSerializer
    filterset_class = ProcedureFilter

    def get_queryset(self):
        return procedures_in_force().distinct()


@extend_schema(tags=["catalog"])
class ProcedureDetail(Public, generics.RetrieveAPIView):
    """One procedure in force by its national code: documents, fees and charges, internal process."""

    serializer_class = ProcedureDetailSerializer
    lookup_field = "procedure__code"
    lookup_url_kwarg = "code"

    def get_queryset(self):
        return procedures_in_force()


class FieldSerializer(serializers.ModelSerializer):
    class Meta:
        model = Field
        fields = ["code", "name"]


@extend_schema(tags=["catalog"])
class FieldList(Public, generics.ListAPIView):
    """The fields (lĩnh vực) procedures are grouped in."""

    queryset = Field.objects.order_by("code")
    serializer_class = FieldSerializer
    pagination_class = None


class BundleSerializer(serializers.ModelSerializer):
    lead = serializers.SlugRelatedField(slug_field="code", read_only=True)
    procedures = serializers.SerializerMethodField()

    class Meta:
        model = Bundle
        fields = ["code", "name", "description", "lead", "procedures"]

    def get_procedures(self, bundle: Bundle) -> list[str]:
        return [member.procedure.code for member in bundle.members.all()]


@extend_schema(tags=["catalog"])
class BundleList(Public, generics.ListAPIView):
    """Linked procedures (liên thông): members in order and the lead procedure."""

    queryset = Bundle.objects.select_related("lead").prefetch_related("members__procedure").order_by("code")
    serializer_class = BundleSerializer
    pagination_class = None


urlpatterns = [
    path("procedures/", ProcedureList.as_view(), name="catalog-procedure-list"),
    path("procedures/<str:code>/", ProcedureDetail.as_view(), name="catalog-procedure-detail"),
    path("fields/", FieldList.as_view(), name="catalog-field-list"),
    path("bundles/", BundleList.as_view(), name="catalog-bundle-list"),
]
