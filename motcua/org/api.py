"""Agencies over REST: the tree as other systems need it (codes, names, kinds, parents, office hours)."""

from django.urls import path
from rest_framework import generics, serializers

from .models import Agency


class AgencySerializer(serializers.ModelSerializer):
    kind = serializers.SlugRelatedField(slug_field="code", read_only=True)
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Agency
        fields = [
            "code",
            "name",
            "kind",
            "parent",
            "address",
            "phone",
            "email",
            "office_hours",
            "receives_on_saturday",
        ]


class AgencyList(generics.ListAPIView):
    queryset = Agency.objects.filter(is_active=True).select_related("kind", "parent")
    serializer_class = AgencySerializer
    filterset_fields = {"kind__code": ["exact"], "parent__code": ["exact"]}


class AgencyDetail(generics.RetrieveAPIView):
    queryset = Agency.objects.filter(is_active=True).select_related("kind", "parent")
    serializer_class = AgencySerializer
    lookup_field = "code"


urlpatterns = [
    path("agencies/", AgencyList.as_view(), name="agency-list"),
    path("agencies/<str:code>/", AgencyDetail.as_view(), name="agency-detail"),
]
