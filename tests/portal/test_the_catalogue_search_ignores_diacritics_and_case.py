"""Citizens type as they can: without diacritics, in any case, words in any order, or a procedure code."""

import pytest

from motcua.catalog import services
from tests.factories.catalog import ProcedureVersionFactory

pytestmark = pytest.mark.django_db


def names(client, **params) -> str:
    response = client.get("/procedures/", params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def catalogue(birth, marriage, company):
    ProcedureVersionFactory(procedure__code="2.000815", name="Chứng thực bản sao từ bản chính giấy tờ")
    return birth, marriage, company


@pytest.mark.parametrize(
    "typed", ["dang ky khai sinh", "DANG KY KHAI SINH", "Đăng ký khai sinh", "khai sinh", "khai sinh dang ky"]
)
def test_a_name_is_found_however_it_is_typed(client, catalogue, typed):
    page = names(client, q=typed)
    assert "Thủ tục đăng ký khai sinh" in page
    assert "Thủ tục đăng ký kết hôn" not in page
    assert "Chứng thực bản sao" not in page


def test_every_word_must_match(client, catalogue):
    page = names(client, q="dang ky")
    assert "Thủ tục đăng ký khai sinh" in page and "Thủ tục đăng ký kết hôn" in page
    assert "Chứng thực bản sao" not in page
    assert "Không có thủ tục nào đang có hiệu lực khớp" in names(client, q="dang ky ly hon")


@pytest.mark.parametrize("typed", ["1.001193", "001193", " 1.001193 "])
def test_a_procedure_is_found_by_its_code(client, catalogue, typed):
    page = names(client, q=typed)
    assert "Thủ tục đăng ký khai sinh" in page
    assert "Thủ tục đăng ký kết hôn" not in page


def test_only_procedures_in_force_are_found(client, catalogue):
    ProcedureVersionFactory(draft=True, name="Đăng ký khai sinh có yếu tố nước ngoài (dự thảo)")
    services.abolish(ProcedureVersionFactory(name="Đăng ký khai sinh lưu động (đã bãi bỏ)"))
    page = names(client, q="khai sinh")
    assert "Thủ tục đăng ký khai sinh" in page
    assert "dự thảo" not in page and "đã bãi bỏ" not in page


def test_the_search_box_keeps_what_was_typed(client, catalogue):
    page = names(client, q="dang ky khai sinh")
    assert 'value="dang ky khai sinh"' in page
    assert "1 thủ tục" in page
