import json

from django.urls import reverse

from tests.factories.dossiers import pdf


def url(code: str | None = None, action: str | None = None) -> str:
    if code is None:
        return reverse("dossier-list")
    if action is None:
        return reverse("dossier-detail", args=[code])
    return reverse(f"dossier-{action}", args=[code])


def submission(world, **changes) -> dict:
    body = {
        "procedure": world.version.code,
        "receiving_agency": world.ward.code,
        "channel": "direct",
        "applicant": {"name": "Nguyễn Văn An", "id_number": "056090001234", "phone": "0905123456"},
        "documents": [
            {"name": "Giấy đề nghị đăng ký hộ kinh doanh", "required_document": 1},
            {"name": "Bản sao giấy tờ pháp lý của cá nhân", "required_document": 2, "form": "copy"},
        ],
    }
    return {**body, **changes}


def submit(api, world, **changes) -> dict:
    response = api.post(url(), submission(world, **changes), format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def act(api, code: str, action: str, body: dict | None = None, status: int = 200, **extra) -> dict:
    response = api.post(url(code, action), body or {}, format="json", **extra)
    assert response.status_code == status, response.json()
    return response.json()


def act_multipart(api, code: str, action: str, body: dict, status: int = 200) -> dict:
    data = {
        key: json.dumps(value) if isinstance(value, (list, dict)) and key != "files" else value
        for key, value in body.items()
    }
    response = api.post(url(code, action), data, format="multipart")
    assert response.status_code == status, response.json()
    return response.json()


def scans(count: int = 1) -> list:
    return [pdf(f"scan-{index}.pdf") for index in range(count)]
