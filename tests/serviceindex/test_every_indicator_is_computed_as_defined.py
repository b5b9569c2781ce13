"""The service index of March 2026 over the dataset (tests/serviceindex/dataset.py), figure by figure, each
worked out by hand from the dataset's table."""

from datetime import date
from decimal import Decimal

import pytest

from motcua.serviceindex.index import index, lost_points
from motcua.serviceindex.models import Band, Indicator
from tests.serviceindex.dataset import MARCH, READ_AT, build

pytestmark = pytest.mark.django_db

# code: (numerator, denominator, ratio, points) for the province (whole subtree), March 2026.
PROVINCE = {
    # ward_version and dept_version complete, bare_version not (abolished, ministry_only, draft not counted);
    # no target: 66.67 × 2 ÷ 100 = 1.3334.
    "1.3": (2, 3, "66.67", "1.33"),
    # counted d6 d1 d2 d3 d4 d5; early d1, on time d4, within time d5; late d2, overdue d3 d6.
    "2.1": (3, 6, "50.00", "10.00"),
    # ward_version partial, bare_version full, dept_version none; target 80: 66.67 × 6 ÷ 80 = 5.00025.
    "3.1": (2, 3, "66.67", "5.00"),
    # received in March d1 d2 d3 d4 d5; online d2 d3; target 50: 40 × 6 ÷ 50.
    "3.3": (2, 5, "40.00", "4.80"),
    # fee-bearing (ward_version's 100.000 đ) d1 d2 d3 d4; paid online d2; 25 × 6 ÷ 100.
    "3.6": (1, 4, "25.00", "1.50"),
    # document results issued in March d1 d2 d4 (d5's procedure gives no document); with a file d1.
    # 33.33 × 6 ÷ 100 = 1.9998.
    "4.1": (1, 3, "33.33", "2.00"),
    # d1 (scans, result file), d3 and d5 (scans, open); not d2 (no result file), d4 (a scan missing).
    # target 80: 60 × 4 ÷ 80.
    "4.2": (3, 5, "60.00", "3.00"),
    # d3 reuses d2's scan (same account, earlier file); target 80: 20 × 2 ÷ 80.
    "4.3": (1, 5, "20.00", "0.50"),
    # f1..f7 (f8 is in April); handled on time f1 f3 f4 f6; 57.14 × 6 ÷ 100 = 3.4284.
    "5.2": (4, 7, "57.14", "3.43"),
    # answered on time and not disliked f1 f6; 28.57 × 6 ÷ 100 = 1.7142.
    "5.3": (2, 7, "28.57", "1.71"),
    # counted 6; lost: d2 d3 d6 (late, overdue), d1 (feedback f1), d4 ("not satisfied"); target 90:
    # 16.67 × 6 ÷ 90 = 1.1113.
    "5.4": (1, 6, "16.67", "1.11"),
}


@pytest.fixture
def dataset(frozen_clock):
    return build(frozen_clock)


def figures(result, code):
    score = result.score(code)
    return (score.numerator, score.denominator, f"{score.ratio:.2f}", f"{score.points:.2f}")


def test_the_dataset_is_what_its_table_says(dataset):
    made = dataset.dossiers
    assert [made[name].due_at for name in ("d6", "d2", "d3", "d4", "d5")] == [
        date_at(2026, 2, 27),
        date_at(2026, 3, 4),
        date_at(2026, 3, 11),
        date_at(2026, 3, 12),
        date_at(2026, 4, 1),
    ]
    assert made["d2"].submitted_by_id == made["d3"].submitted_by_id is not None
    assert made["d2"].fees.get().paid_online is True
    assert made["d1"].result_file_id is not None and made["d2"].result_file_id is None


def date_at(year, month, day):
    from tests.factories.dossiers import vn

    return vn(year, month, day, 14)


@pytest.mark.parametrize("code", sorted(PROVINCE))
def test_each_indicator_for_the_province(dataset, code):
    result = index(dataset.world.province, *MARCH, now=READ_AT)
    assert figures(result, code) == PROVINCE[code]


def test_the_total_the_achievable_maximum_and_the_band(dataset):
    result = index(dataset.world.province, *MARCH, now=READ_AT)
    # 1.33 + 10 + 5 + 4.8 + 1.5 + 2 + 3 + 0.5 + 3.43 + 1.71 + 1.11
    assert result.total == Decimal("34.38")
    # 2 + 20 + 6 + 6 + 6 + 6 + 4 + 2 + 6 + 6 + 6: every computed indicator has a denominator.
    assert result.achievable == Decimal("70.00")
    assert result.maximum == Decimal(100)
    # 34.38 × 100 ÷ 70 = 49.114...: below Trung bình (50), so Yếu.
    assert result.score_100 == Decimal("49.11")
    assert result.band.label == "Yếu"
    groups = {group.group.number: (group.points, group.achievable) for group in result.groups}
    assert groups == {
        1: (Decimal("1.33"), Decimal(2)),
        2: (Decimal("10.00"), Decimal(20)),
        3: (Decimal("11.30"), Decimal(18)),
        4: (Decimal("5.50"), Decimal(12)),
        5: (Decimal("6.25"), Decimal(18)),
    }


def test_indicators_motcua_cannot_compute_are_shown_but_not_scored(dataset):
    result = index(dataset.world.province, *MARCH, now=READ_AT)
    not_computed = {score.indicator.code for score in result.scores if not score.computed}
    assert not_computed == {
        "1.1",
        "1.2",
        "1.4",
        "2.2",
        "3.2",
        "3.5",
        "3.5b",
        "4.2b",
        "4.4",
        "4.5a",
        "4.5b",
        "5.1",
    }
    assert all(score.points is None for score in result.scores if not score.computed)


def test_the_bands_and_targets_are_data(dataset):
    Band.objects.filter(label="Trung bình").update(min_points=Decimal(49))
    Indicator.objects.filter(code="3.3").update(target=Decimal(40))
    result = index(dataset.world.province, *MARCH, now=READ_AT)
    assert figures(result, "3.3") == (2, 5, "40.00", "6.00")  # the ratio reaches the new target
    assert result.total == Decimal("35.58")
    assert result.score_100 == Decimal("50.83")
    assert result.band.label == "Trung bình"


def test_the_ward_alone(dataset):
    result = index(dataset.world.ward, *MARCH, now=READ_AT)
    # Procedures of the commune kind: ward_version (complete, online), bare_version (incomplete, online).
    assert figures(result, "1.3") == (1, 2, "50.00", "1.00")
    assert figures(result, "3.1") == (2, 2, "100.00", "6.00")
    # Counted d6 d1 d2 d3 d4: d1 early, d4 on time.
    assert figures(result, "2.1") == (2, 5, "40.00", "8.00")
    # Received d1 d2 d3 d4, online d2 d3: the target 50 is reached.
    assert figures(result, "3.3") == (2, 4, "50.00", "6.00")
    # Feedback held by the ward: f1 f2 f3 f4 f5 f7; on time f1 f3 f4.
    assert figures(result, "5.2") == (3, 6, "50.00", "3.00")


def test_the_department_alone(dataset):
    result = index(dataset.world.department, *MARCH, now=READ_AT)
    assert figures(result, "1.3") == (1, 1, "100.00", "2.00")
    assert figures(result, "3.1") == (0, 1, "0.00", "0.00")
    assert figures(result, "2.1") == (1, 1, "100.00", "20.00")
    # No fee-bearing dossier and no document result: N/A, out of the achievable maximum.
    for code in ("3.6", "4.1"):
        score = result.score(code)
        assert (score.numerator, score.denominator, score.ratio, score.points) == (0, 0, None, None)
        assert not score.applicable
    # 100 − 3.6 (6) − 4.1 (6) − the 30 points of the indicators MotCua does not compute.
    assert result.achievable == Decimal(58)


def test_period_boundaries(dataset):
    """01/04 alone: d7 received; d6, d3 and d5 carried over (still open); f8 submitted at 00:00 on 01/04.
    31/03 alone: f7 submitted at 23:00, no dossier received."""
    result = index(dataset.world.province, date(2026, 4, 1), date(2026, 4, 1), now=READ_AT)
    assert result.score("3.3").denominator == 1  # d7 only
    assert result.score("2.1").denominator == 4  # d7, and d6 d3 d5 carried over
    assert result.score("5.2").denominator == 1  # f8
    march_only = index(dataset.world.province, date(2026, 3, 31), date(2026, 3, 31), now=READ_AT)
    assert march_only.score("5.2").denominator == 1  # f7 at 23:00 on 31/03
    assert march_only.score("3.3").denominator == 0


def test_a_period_without_data_has_no_score_and_no_band(dataset):
    result = index(dataset.world.province, date(2025, 1, 1), date(2025, 1, 31), now=READ_AT)
    assert all(score.ratio is None and score.points is None for score in result.scores)
    assert result.total == Decimal(0) and result.achievable == Decimal(0)
    assert result.score_100 is None and result.band is None
    data = result.as_dict()
    assert data["score_100"] is None and data["band"] is None


def test_lost_points_list_exactly_what_the_denominator_has_more(dataset):
    result = index(dataset.world.province, *MARCH, now=READ_AT)
    made = dataset.dossiers
    expected = {
        "1.3": {dataset.versions["bare_version"].pk},
        "2.1": {made[name].pk for name in ("d2", "d3", "d6")},
        "3.1": {dataset.versions["dept_version"].pk},
        "3.3": {made[name].pk for name in ("d1", "d4", "d5")},
        "3.6": {made[name].pk for name in ("d1", "d3", "d4")},
        "4.1": {made[name].pk for name in ("d2", "d4")},
        "4.2": {made[name].pk for name in ("d2", "d4")},
        "4.3": {made[name].pk for name in ("d1", "d2", "d4", "d5")},
        "5.2": {dataset.feedback[name].pk for name in ("f2", "f5", "f7")},
        "5.3": {dataset.feedback[name].pk for name in ("f2", "f3", "f4", "f5", "f7")},
        "5.4": {made[name].pk for name in ("d1", "d2", "d3", "d4", "d6")},
    }
    for code, pks in expected.items():
        lost = lost_points(dataset.world.province, *MARCH, code, now=READ_AT)
        score = result.score(code)
        assert set(lost.items.values_list("pk", flat=True)) == pks, code
        assert score.denominator - score.numerator == lost.items.count() == len(pks), code
    assert lost_points(dataset.world.province, *MARCH, "1.3").kind == "procedure"
    assert lost_points(dataset.world.province, *MARCH, "5.2").kind == "feedback"
    assert lost_points(dataset.world.province, *MARCH, "4.1").kind == "dossier"


def test_a_period_that_ends_before_it_starts_is_refused(dataset):
    with pytest.raises(ValueError):
        index(dataset.world.province, date(2026, 3, 31), date(2026, 3, 1))


def test_the_queries_do_not_depend_on_the_number_of_dossiers(dataset, django_assert_num_queries):
    """One aggregate per indicator: the department's one dossier costs exactly the queries of the province's
    seven. (Each selection of the report's dossiers reads the subtree's agency ids first: five of the
    queries.)"""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        index(dataset.world.department, *MARCH, now=READ_AT)
    with django_assert_num_queries(len(small.captured_queries)):
        index(dataset.world.province, *MARCH, now=READ_AT)
    assert len(small.captured_queries) <= 21


def test_the_admin_edits_the_rules_in_vietnamese(dataset, client):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("si.admin", "si.admin@example.vn", "x")
    client.force_login(admin)
    for path in ("/admin/serviceindex/indicator/", "/admin/serviceindex/band/", "/admin/serviceindex/group/"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="vi")
        assert response.status_code == 200, path
    html = client.get("/admin/serviceindex/indicator/").content.decode()
    assert "Hồ sơ xử lý trước hạn, đúng hạn" in html and "chỉ tiêu (%)" in html.lower()
    band = Band.objects.get(label="Tốt")
    response = client.post(
        f"/admin/serviceindex/band/{band.pk}/change/",
        {"order": band.order, "label": "Tốt", "min_points": "75"},
    )
    assert response.status_code == 302
    band.refresh_from_db()
    assert band.min_points == Decimal(75)
