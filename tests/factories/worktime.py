import datetime

import factory

from motcua.worktime.models import CalendarOverride, OverrideKind


class CalendarOverrideFactory(factory.django.DjangoModelFactory):
    """A global extra day off by default; traits: `working` (extra working day), `for_agency`."""

    class Meta:
        model = CalendarOverride

    date = factory.Sequence(lambda n: datetime.date(2026, 3, 2) + datetime.timedelta(days=n))
    kind = OverrideKind.DAY_OFF
    name = "Nghỉ theo quyết định của Thủ tướng"
    decision = factory.Sequence(lambda n: f"Thông báo {100 + n}/TB-VPCP")
    agency = None

    class Params:
        working = factory.Trait(kind=OverrideKind.WORKING_DAY, name="Làm việc bù")
        for_agency = factory.Trait(agency=factory.SubFactory("tests.factories.org.AgencyFactory"))
