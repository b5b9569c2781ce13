from motcua.demo import province

from .conftest import run_demo_data


def test_the_output_lists_every_demo_account_with_the_password(demo_output):
    for account in province.accounts():
        assert account.username in demo_output
    assert "admin" in demo_output
    assert province.DEMO_PASSWORD in demo_output
    assert "Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa" in demo_output


def test_the_table_speaks_vietnamese_and_is_printed_on_every_run(demo_output):
    assert "Mật khẩu" in demo_output
    second = run_demo_data()
    assert "tn.trungtam" in second
    assert "Cán bộ tiếp nhận và trả kết quả" in second
