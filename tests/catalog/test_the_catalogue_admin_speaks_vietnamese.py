"""The catalogue's admin pages render in Vietnamese; versions in force are read-only; the actions version."""

import pytest
from django.urls import reverse

from motcua.catalog.models import ProcedureVersion, Status
from tests.factories.catalog import BundleFactory, FieldFactory, ProcedureVersionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def version():
    return ProcedureVersionFactory(complete=True, name="Đăng ký kết hôn")


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("model", ["field", "procedure", "procedureversion", "bundle"])
def test_every_changelist_and_add_form_renders(admin_client, version, model):
    BundleFactory(lead=version.procedure)
    page(admin_client, reverse(f"admin:catalog_{model}_changelist"))
    page(admin_client, reverse(f"admin:catalog_{model}_add"))


def test_the_version_list_shows_what_a_civil_servant_needs(admin_client, version):
    html = page(admin_client, reverse("admin:catalog_procedureversion_changelist"))
    for text in [
        "Phiên bản thủ tục",  # the model, in Vietnamese
        version.code,
        "Đăng ký kết hôn",
        "Hộ tịch",
        "Cấp xã",
        "2,5 ngày làm việc",
        "16,67 %",
        "Dịch vụ công trực tuyến một phần",
        "Đang có hiệu lực",
    ]:
        assert text in html, text
    assert "Tạo phiên bản mới" in html  # the action
    assert ">Phiên bản</a>" in html  # the version column ("version" alone is django.contrib.auth's)


def test_the_list_filters_and_searches(admin_client, version):
    other = ProcedureVersionFactory(name="Chứng thực bản sao", same_day=True)
    url = reverse("admin:catalog_procedureversion_changelist")
    html = page(admin_client, f"{url}?q={version.code}")
    assert "Đăng ký kết hôn" in html and "Chứng thực bản sao" not in html
    html = page(admin_client, f"{url}?q=chứng thực")
    assert "Chứng thực bản sao" in html and "Đăng ký kết hôn" not in html
    html = page(admin_client, f"{url}?q=chung thuc")  # typed without diacritics
    assert "Chứng thực bản sao" in html and "Đăng ký kết hôn" not in html
    html = page(
        admin_client, f"{url}?status__exact=in_force&level__exact=commune&online_level__exact=partial"
    )
    assert "Đăng ký kết hôn" in html
    assert other.code in page(admin_client, f"{url}?agency_kinds__id__exact={other.agency_kinds.get().pk}")


def test_a_version_in_force_is_read_only(admin_client, version):
    url = reverse("admin:catalog_procedureversion_change", args=[version.pk])
    html = page(admin_client, url)
    assert "Thành phần hồ sơ" in html and "Quy trình nội bộ" in html and "Phí, lệ phí" in html
    assert 'name="name"' not in html  # no input: view only
    admin_client.post(url, {"name": "Tên khác"})
    version.refresh_from_db()
    assert version.name == "Đăng ký kết hôn"


def test_a_draft_is_editable(admin_client):
    draft = ProcedureVersionFactory(draft=True, complete=True)
    html = page(admin_client, reverse("admin:catalog_procedureversion_change", args=[draft.pk]))
    assert 'name="name"' in html and 'name="steps-0-hours"' in html


def test_new_version_then_publish(admin_client, version):
    url = reverse("admin:catalog_procedureversion_changelist")
    admin_client.post(url, {"action": "make_new_version", "_selected_action": [version.pk]})
    draft = ProcedureVersion.objects.get(procedure=version.procedure, status=Status.DRAFT)
    assert draft.steps.count() == 3 and draft.documents.count() == 2
    response = admin_client.post(url, {"action": "publish", "_selected_action": [draft.pk]}, follow=True)
    assert "đang có hiệu lực" in response.content.decode()
    version.refresh_from_db()
    draft.refresh_from_db()
    assert (version.status, draft.status) == (Status.AMENDED, Status.IN_FORCE)


def test_a_draft_that_breaks_a_rule_is_not_published_from_the_admin(admin_client):
    draft = ProcedureVersionFactory(draft=True, committed_limit_value=4)  # legal: 3 working days
    url = reverse("admin:catalog_procedureversion_changelist")
    response = admin_client.post(url, {"action": "publish", "_selected_action": [draft.pk]}, follow=True)
    assert "dài hơn thời hạn giải quyết" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_the_other_change_forms_render(admin_client, version):
    bundle = BundleFactory(lead=version.procedure)
    html = page(admin_client, reverse("admin:catalog_procedure_change", args=[version.procedure.pk]))
    assert "Đăng ký kết hôn" in html
    html = page(admin_client, reverse("admin:catalog_bundle_change", args=[bundle.pk]))
    assert "Thủ tục chủ trì" in html or "thủ tục chủ trì" in html.lower()
    page(admin_client, reverse("admin:catalog_field_change", args=[FieldFactory().pk]))


def test_the_catalogue_is_in_the_admin_index(admin_client):
    html = page(admin_client, reverse("admin:index"))
    assert "Danh mục thủ tục hành chính" in html


def management(prefix: str, total: int = 0) -> dict:
    return {f"{prefix}-TOTAL_FORMS": total, f"{prefix}-INITIAL_FORMS": 0, f"{prefix}-MAX_NUM_FORMS": 1000}


def test_a_version_added_in_the_admin_is_a_draft_numbered_after_the_last(admin_client, version):
    data = {
        "procedure": version.procedure.pk,
        "name": "Đăng ký kết hôn (sửa đổi)",
        "field": version.field.pk,
        "level": "commune",
        "agency_kinds": [kind.pk for kind in version.agency_kinds.all()],
        "channel_direct": "on",
        "online_level": "none",
        "legal_limit_value": "5",
        "legal_limit_unit": "working_days",
        "committed_limit_value": "4",
        "committed_limit_unit": "working_days",
        "result": "Giấy chứng nhận kết hôn",
        "result_is_document": "on",
        **management("documents"),
        **management("fees"),
        **management("steps", 1),
        "steps-0-order": 1,
        "steps-0-name": "Giải quyết",
        "steps-0-role": "specialist",
        "steps-0-hours": "32",
    }
    response = admin_client.post(reverse("admin:catalog_procedureversion_add"), data)
    assert response.status_code == 302, response.content.decode()
    draft = ProcedureVersion.objects.get(procedure=version.procedure, status=Status.DRAFT)
    assert draft.number == version.number + 1
    assert draft.steps.get().hours == 32
    again = admin_client.post(reverse("admin:catalog_procedureversion_add"), data)
    assert "đã có bản dự thảo" in again.content.decode()
