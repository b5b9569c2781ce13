"""`motcua report settlement`: the JSON contract, the Excel and PDF forms, and one-line errors with exit 2."""

import io
import json
import re

import pytest
from django.core.management import call_command

from motcua.reports import layout
from motcua.reports.selectors import settlement
from tests.reports.dataset import MARCH, build, ratings_installed
from tests.reports.exports_reading import HEADER_ROW, pdf_page_sizes, pdf_text, sheet, table

pytestmark = pytest.mark.django_db

FIGURES = {
    "received": {"total", "online", "direct_postal", "carried_over"},
    "resolved": {"total", "early", "on_time", "late"},
    "in_progress": {"total", "within_time", "overdue"},
    "rates": {"resolved", "early", "on_time", "late"},
    "evaluations": {"dossiers", "evaluated", "satisfied", "rates"},
}
RATE = re.compile(r"^\d{1,3}\.\d\d$")


def run(*args, **options) -> str:
    out = io.StringIO()
    call_command("report", "settlement", *args, stdout=out, **options)
    return out.getvalue()


def march(agency, *more) -> list[str]:
    return ["--agency", agency.code, "--from", "2026-03-01", "--to", "2026-03-31", *more]


def assert_figures_shape(data: dict):
    for group, keys in FIGURES.items():
        assert set(data[group]) == keys, group
    for group in ("received", "resolved", "in_progress"):
        assert all(type(value) is int for value in data[group].values()), group
    assert all(RATE.match(value) for value in data["rates"].values())
    evaluations = data["evaluations"]
    assert all(type(evaluations[key]) is int for key in ("dossiers", "evaluated", "satisfied"))
    assert set(evaluations["rates"]) == {"evaluated", "satisfied"}
    assert all(RATE.match(value) for value in evaluations["rates"].values())


@pytest.fixture
def dataset(frozen_clock):
    return build(frozen_clock)


def test_json_is_exactly_the_contract(dataset):
    data = json.loads(run(*march(dataset.world.province)))
    assert set(data) == {"agency", "from", "to", "by", "rows", *FIGURES}
    assert (data["agency"], data["from"], data["to"], data["by"], data["rows"]) == (
        dataset.world.province.code,
        "2026-03-01",
        "2026-03-31",
        None,
        [],
    )
    assert_figures_shape(data)
    assert data["received"] == {"total": 13, "online": 2, "direct_postal": 9, "carried_over": 2}
    assert data["rates"]["resolved"] == "53.85"
    assert data == settlement(dataset.world.province, *MARCH).as_dict()


def test_json_rows_have_the_same_shape_and_their_key(dataset):
    data = json.loads(run(*march(dataset.world.province, "--by", "field")))
    assert data["by"] == "field"
    assert [row["key"] for row in data["rows"]] == ["HOTICH", "TUPHAP"]
    for row in data["rows"]:
        assert set(row) == {"key", *FIGURES}
        assert_figures_shape(row)
    assert sum(row["received"]["total"] for row in data["rows"]) == data["received"]["total"]


def test_json_to_a_file(dataset, tmp_path):
    target = tmp_path / "march.json"
    out = run(*march(dataset.world.ward, "--output", str(target)))
    assert str(target) in out
    assert json.loads(target.read_text(encoding="utf-8"))["received"]["total"] == 11


def test_excel_is_the_ii06a_form(dataset, tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the form is Vietnamese whatever the language
    target = tmp_path / "ii06a.xlsx"
    run(*march(dataset.world.province, "--format", "xlsx", "--by", "field", "--output", str(target)))
    ws = sheet(target.read_bytes())
    assert ws["A2"].value == "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
    assert ws["A3"].value == "Từ ngày 01/03/2026 đến ngày 31/03/2026"
    assert ws["A1"].value == dataset.world.province.name.upper()
    assert [cell.value for cell in ws[HEADER_ROW]] == list(layout.HEADERS)
    assert [cell.value for cell in ws[HEADER_ROW + 1]] == [f"({n})" for n in range(1, 14)]
    assert table(target.read_bytes()) == [
        [1, "Hộ tịch", 11, 2, 7, 2, 6, 2, 2, 2, 5, 3, 2],
        [2, "Tư pháp", 2, 0, 2, 0, 1, 1, 0, 0, 1, 0, 1],
        [None, "Tổng cộng", 13, 2, 9, 2, 7, 3, 2, 2, 6, 3, 3],
    ]
    assert ws.freeze_panes == "C8"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.cell(8, 3).number_format == "#,##0"
    assert ws.cell(8, 3).border.left.style == "thin"
    assert ws.print_title_rows == "$6:$7"
    below = [row[1:] for row in ws.iter_rows(min_row=12, max_col=3, values_only=True)]
    assert ("Tỷ lệ giải quyết so với tiếp nhận (%)", "53,85") in below  # a decimal comma, in Vietnamese
    if ratings_installed():
        assert ("Tỷ lệ hài lòng so với được đánh giá (%)", "66,67") in below


def test_pdf_is_the_ii06a_form_in_a4_landscape(dataset, tmp_path):
    target = tmp_path / "ii06a.pdf"
    run(*march(dataset.world.province, "--format", "pdf", "--by", "level", "--output", str(target)))
    content = target.read_bytes()
    text = pdf_text(content)
    assert "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" in text
    assert "Từ ngày 01/03/2026 đến ngày 31/03/2026" in text
    for header in ("Tổng số hồ sơ tiếp nhận", "Trực tiếp, dịch vụ bưu chính", "Số hồ sơ đang giải quyết"):
        assert header in text
    assert dataset.world.province.name.upper() in text
    assert "Tổng cộng 13 2 9 2 7 3 2 2 6 3 3" in text
    assert "Tỷ lệ giải quyết so với tiếp nhận (%) 53,85" in text
    assert pdf_page_sizes(content) == [(841.9, 595.3)]


def test_a_file_without_output_is_named_after_the_agency_and_period(dataset, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = run(*march(dataset.world.ward, "--format", "pdf"))
    name = f"II06a-{dataset.world.ward.code}-20260301-20260331.pdf"
    assert name in out
    assert (tmp_path / name).read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "vietnamese", "english"),
    [
        (
            ["--agency", "KHONG.CO", "--from", "2026-03-01", "--to", "2026-03-31"],
            "Không có cơ quan nào có mã “KHONG.CO”.",
            "There is no agency with the code “KHONG.CO”.",
        ),
        (
            ["--agency", "{ward}", "--from", "2026-02-30", "--to", "2026-03-31"],
            "“2026-02-30” không phải là ngày: viết from theo dạng YYYY-MM-DD, ví dụ 2026-03-31.",
            "“2026-02-30” is not a date: write from as YYYY-MM-DD, e.g. 2026-03-31.",
        ),
        (
            ["--agency", "{ward}", "--from", "2026-03-31", "--to", "2026-03-01"],
            "Kỳ báo cáo kết thúc (2026-03-01) trước khi bắt đầu (2026-03-31).",
            "The period ends (2026-03-01) before it starts (2026-03-31).",
        ),
        (
            ["--agency", "{ward}", "--from", "2026-03-01", "--to", "2026-03-31", "--by", "week"],
            "Không có cách chia “week”: dùng một trong agency, field, procedure, level, channel, month.",
            "Unknown breakdown “week”: use one of agency, field, procedure, level, channel, month.",
        ),
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_bad_input_is_one_line_and_exit_code_2(dataset, monkeypatch, args, vietnamese, english, language):
    monkeypatch.setenv("LANG", "en_US.UTF-8" if language == "en" else "vi_VN.UTF-8")
    args = [arg.format(ward=dataset.world.ward.code) for arg in args]
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        run(*args, stderr=err)
    assert exit_info.value.code == 2
    assert err.getvalue().strip() == (english if language == "en" else vietnamese)
    assert err.getvalue().count("\n") <= 1
