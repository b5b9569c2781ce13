"""The front page and every portal page lead to the catalogue search and to tracking."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_front_page_has_a_search_box_and_a_tracking_form(client, birth):
    page = client.get("/").content.decode()
    assert 'action="/procedures/"' in page and 'name="q"' in page
    assert 'action="/track/"' in page and 'name="code"' in page and 'name="secret"' in page
    assert "Tra cứu hồ sơ" in page and "Tìm thủ tục hành chính" in page


def test_the_navigation_links_to_procedures_and_tracking(client, birth):
    for path in ("/", "/procedures/", f"/procedures/{birth.code}/", "/track/"):
        page = client.get(path).content.decode()
        assert '<a href="/procedures/"' in page, path
        assert '<a href="/track/"' in page, path


def test_the_current_section_is_marked_in_the_navigation(client, birth):
    page = client.get(f"/procedures/{birth.code}/").content.decode()
    assert '<a href="/procedures/" aria-current="page">' in page


def test_the_portal_works_without_javascript(client, birth):
    for path in ("/", "/procedures/", f"/procedures/{birth.code}/", "/track/"):
        assert "<script" not in client.get(path).content.decode(), path


def test_pages_answer_head_requests_and_refuse_posts(client, birth):
    assert client.head(f"/procedures/{birth.code}/").status_code == 200
    assert client.post("/procedures/").status_code == 405
