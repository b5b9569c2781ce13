from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from motcua.catalog.models import TimeUnit
from tests.factories.catalog import ProcedureVersionFactory
from tests.factories.org import AgencyFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def now(frozen_clock):
    return frozen_clock.set(datetime(2026, 11, 20, 10, 0, tzinfo=VN))


@pytest.fixture
def ward(db):
    province = AgencyFactory(code="000.00.00.H34", name="Tỉnh Thử", province=True)
    return AgencyFactory(code="000.00.01.H34", name="UBND phường Một", parent=province, commune=True)


@pytest.fixture
def birth(db):
    """Procedure 1.000001, in force since 2020, committed to 3 working days."""
    return ProcedureVersionFactory(
        procedure__code="1.000001",
        name="Đăng ký khai sinh",
        committed_limit_value=Decimal(3),
        committed_limit_unit=TimeUnit.WORKING_DAYS,
        legal_limit_value=Decimal(5),
        effective_at=datetime(2020, 1, 1, tzinfo=VN),
    )
