import factory
from django.contrib.auth import get_user_model

from motcua.org.models import Agency, AgencyKind, Membership, Role


class AgencyKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgencyKind
        django_get_or_create = ["code"]

    code = "department"
    name = "Sở"
    rank = 20


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    code = factory.Sequence(lambda n: f"000.{n:02d}.00.H34")
    name = factory.Sequence(lambda n: f"Sở số {n}")
    kind = factory.SubFactory(AgencyKindFactory)

    class Params:
        province = factory.Trait(
            kind=factory.SubFactory(AgencyKindFactory, code="province", name="Tỉnh", rank=10)
        )
        commune = factory.Trait(
            kind=factory.SubFactory(AgencyKindFactory, code="commune", name="Xã/phường", rank=50)
        )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"canbo{n}")
    # Vietnamese order: family and middle name (họ và tên đệm) in first_name, the given name (tên) in
    # last_name, so that get_full_name() reads "Nguyễn Văn A" (the demo data does the same).
    first_name = "Nguyễn Văn"
    last_name = "A"
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu")

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = Role.DESK_OFFICER


def staff(role: str, agency: Agency, **user_fields):
    """A user holding `role` in `agency`."""
    return MembershipFactory(role=role, agency=agency, user=UserFactory(**user_fields)).user
