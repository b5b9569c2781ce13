from decimal import Decimal

import pytest

from motcua.catalog.models import Bundle, Procedure
from motcua.catalog.selectors import current_version

# (a word of the procedure's name, legal and committed working days), as issue 3 lists them.
TEN = [
    ("Đăng ký thành lập hộ kinh doanh", "3", "2.5"),
    ("Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", "3", "2"),
    ("Cấp Giấy phép bán lẻ sản phẩm thuốc lá", "15", "10"),
    ("Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai", "15", "13.5"),
    ("Cấp lại, cấp điều chỉnh Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai", "7", "6"),
    ("Chuyển đổi trường mầm non bán công sang trường mầm non công lập", "30", "29"),
    ("Công nhận lần đầu “Cơ quan đạt chuẩn văn hóa”", "10", "9"),
    ("Cấp lại giấy phép xây dựng", "5", "4.5"),
    ("Cho phép trường mẫu giáo, trường mầm non, nhà trẻ hoạt động giáo dục", "25", "24"),
    ("Cho phép trường mẫu giáo, trường mầm non, nhà trẻ hoạt động giáo dục trở lại", "20", "18"),
]


@pytest.mark.parametrize(("name", "legal", "committed"), TEN, ids=[name for name, _, _ in TEN])
def test_the_procedure_exists_with_its_limits(demo_output, name, legal, committed):
    versions = [
        version
        for version in (current_version(code) for code in Procedure.objects.values_list("code", flat=True))
        if version.name.startswith(name)
    ]
    exact = [version for version in versions if version.name == name] or versions
    version = exact[0]
    assert (version.legal_limit_value, version.legal_limit_unit) == (Decimal(legal), "working_days")
    assert (version.committed_limit_value, version.committed_limit_unit) == (
        Decimal(committed),
        "working_days",
    )


def test_there_are_at_least_25_procedures_and_the_four_bundles(demo_output):
    assert Procedure.objects.count() >= 25
    three_in_one = Bundle.objects.get(code="LT-KHAISINH-3-TRONG-1")
    assert three_in_one.lead.code == "1.001193"
    assert set(three_in_one.members.values_list("procedure__code", flat=True)) == {
        "1.001193",
        "1.004222",
        "1.005050",
    }
    assert Bundle.objects.count() >= 4


def test_certified_copies_are_same_day_with_a_three_pm_cut_off(demo_output):
    version = current_version("2.000815")
    assert version.same_day_cutoff.strftime("%H:%M") == "15:00"
    assert version.committed_limit_value == 0
