import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from motcua.catalog import rules
from motcua.catalog.models import (
    Bundle,
    BundleMember,
    Fee,
    Field,
    Level,
    OnlineLevel,
    Procedure,
    ProcedureVersion,
    ProcessStep,
    RequiredDocument,
    Status,
    TimeUnit,
)
from motcua.org.models import AgencyKind, Role


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field
        django_get_or_create = ["code"]

    code = "HOTICH"
    name = "Hộ tịch"


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procedure
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"1.{n + 100:06d}")


def _documents(version):
    RequiredDocumentFactory(version=version, order=1, name="Tờ khai theo mẫu")
    RequiredDocumentFactory(version=version, order=2, name="Giấy tờ tùy thân", originals=0, copies=1)


def _steps(version):
    """Three steps adding up to the committed limit (4 hours when it is not office time)."""
    hours = rules.office_hours(version.committed_limit) or Decimal(4)
    ProcessStepFactory(version=version, order=1, name="Tiếp nhận hồ sơ", role=Role.DESK_OFFICER, hours=1)
    ProcessStepFactory(version=version, order=2, name="Thẩm định", role=Role.SPECIALIST, hours=hours - 2)
    ProcessStepFactory(version=version, order=3, name="Ký duyệt", role=Role.LEADER, hours=1)


class ProcedureVersionFactory(factory.django.DjangoModelFactory):
    """A version in force of a commune-level procedure: 3 working days legal, 2.5 committed, filed in person
    or online. Traits: `same_day`, `draft`, `with_documents`, `with_fees`, `with_steps` (steps add up to the
    committed limit), `complete` (all three)."""

    class Meta:
        model = ProcedureVersion
        skip_postgeneration_save = True

    procedure = factory.SubFactory(ProcedureFactory)
    number = factory.Sequence(lambda n: n + 1)
    status = Status.IN_FORCE
    name = factory.Sequence(lambda n: f"Thủ tục số {n}")
    field = factory.SubFactory(FieldFactory)
    level = Level.COMMUNE
    channel_direct = True
    channel_online = True
    online_level = OnlineLevel.PARTIAL
    legal_limit_value = Decimal(3)
    legal_limit_unit = TimeUnit.WORKING_DAYS
    committed_limit_value = Decimal("2.5")
    committed_limit_unit = TimeUnit.WORKING_DAYS
    result = "Giấy chứng nhận"
    legal_basis = "Nghị định số 123/2015/NĐ-CP"
    effective_at = factory.LazyFunction(timezone.now)

    class Params:
        same_day = factory.Trait(
            name="Chứng thực bản sao từ bản chính",
            legal_limit_value=Decimal(0),
            committed_limit_value=Decimal(0),
            same_day_cutoff=datetime.time(15, 0),
            result="Bản sao được chứng thực",
        )
        draft = factory.Trait(status=Status.DRAFT, effective_at=None)
        with_documents = factory.Trait(
            make_documents=factory.PostGeneration(lambda version, create, _: _documents(version))
        )
        with_fees = factory.Trait(
            make_fees=factory.PostGeneration(lambda version, create, _: FeeFactory(version=version))
        )
        with_steps = factory.Trait(
            make_steps=factory.PostGeneration(lambda version, create, _: _steps(version))
        )
        complete = factory.Trait(with_documents=True, with_fees=True, with_steps=True)

    @factory.post_generation
    def agency_kinds(self, create, extracted, **kwargs):
        if not create:
            return
        kinds = extracted or [AgencyKind.objects.get_or_create(code="commune", defaults={"name": "Xã"})[0]]
        self.agency_kinds.set(kinds)


class RequiredDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequiredDocument

    version = factory.SubFactory(ProcedureVersionFactory)
    order = factory.Sequence(lambda n: n)
    name = "Tờ khai theo mẫu"
    originals = 1
    copies = 0
    required = True


class FeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fee

    version = factory.SubFactory(ProcedureVersionFactory)
    name = "Lệ phí"
    amount = 8000
    note = ""


class ProcessStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcessStep

    version = factory.SubFactory(ProcedureVersionFactory)
    order = factory.Sequence(lambda n: n)
    name = "Thẩm định"
    agency = None
    role = Role.SPECIALIST
    hours = Decimal(4)


class BundleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bundle
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"LT-{n}")
    name = "Liên thông khai sinh, thường trú, bảo hiểm y tế"
    lead = factory.SubFactory(ProcedureFactory)

    @factory.post_generation
    def procedures(self, create, extracted, **kwargs):
        """BundleFactory(procedures=[p1, p2]): the members in order (the lead first if not given)."""
        if not create:
            return
        members = list(extracted or [self.lead, ProcedureFactory()])
        if self.lead not in members:
            members.insert(0, self.lead)
        for order, procedure in enumerate(members, start=1):
            BundleMember.objects.create(bundle=self, procedure=procedure, order=order)
