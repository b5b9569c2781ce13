"""The settlement report of March 2026 over the dataset (tests/reports/dataset.py), number by number."""

from datetime import date

import pytest

from motcua.dossiers import services
from motcua.org.models import Role
from motcua.reports.selectors import BREAKDOWNS, settlement
from tests.factories.dossiers import intake, vn
from tests.factories.org import AgencyFactory, staff
from tests.reports.dataset import MARCH, READ_AT, build, ratings_installed

pytestmark = pytest.mark.django_db


def shape(report):
    data = report.as_dict()
    return {key: data[key] for key in ("received", "resolved", "in_progress", "rates")}


def assert_invariants(figures):
    """Biểu II.06a (domain reference 7.1): (3) = (4)+(5)+(6) = (7)+(11); (7) = (8)+(9)+(10);
    (11) = (12)+(13)."""
    data = figures.as_dict()
    received, resolved, in_progress = data["received"], data["resolved"], data["in_progress"]
    assert received["total"] == received["online"] + received["direct_postal"] + received["carried_over"]
    assert received["total"] == resolved["total"] + in_progress["total"]
    assert resolved["total"] == resolved["early"] + resolved["on_time"] + resolved["late"]
    assert in_progress["total"] == in_progress["within_time"] + in_progress["overdue"]


@pytest.fixture
def dataset(frozen_clock):
    return build(frozen_clock)


def test_the_dataset_is_what_its_table_says(dataset):
    made = dataset.dossiers
    assert made["early"].due_at == vn(2026, 3, 4, 14)
    assert made["late_same_day"].finished_at == vn(2026, 3, 4, 15)
    assert made["carried_late"].due_at == vn(2026, 2, 27, 14)
    assert made["withdrawn"].due_at == vn(2026, 3, 11, 14)
    assert made["paused"].due_at == vn(2026, 3, 26, 14) and made["paused"].paused_since is not None
    assert made["finished_after"].due_at == vn(2026, 4, 1, 14)
    assert made["postal_overdue"].due_at == vn(2026, 3, 18, 14)
    assert made["refused"].received_at is None and made["refused"].finished_at is not None
    assert made["stopped"].state == "stopped" and made["withdrawn"].state == "withdrawn"


def test_the_province_counts_its_whole_subtree(dataset):
    report = settlement(dataset.world.province, *MARCH)
    assert shape(report) == {
        # online: early, online_open; direct/postal: on_time, late_same_day, stopped, withdrawn, dept_early,
        # postal_overdue, dept_overdue, paused, finished_after; carried over: carried_open, carried_late.
        "received": {"total": 13, "online": 2, "direct_postal": 9, "carried_over": 2},
        # early: early, stopped, dept_early; on time: on_time, withdrawn; late: carried_late, late_same_day.
        "resolved": {"total": 7, "early": 3, "on_time": 2, "late": 2},
        # within time: paused, finished_after, online_open;
        # overdue: carried_open, postal_overdue, dept_overdue.
        "in_progress": {"total": 6, "within_time": 3, "overdue": 3},
        "rates": {"resolved": "53.85", "early": "42.86", "on_time": "28.57", "late": "28.57"},
    }
    assert_invariants(report.total)


def test_the_ward_counts_only_its_own(dataset):
    report = settlement(dataset.world.ward, *MARCH)
    assert shape(report) == {
        "received": {"total": 11, "online": 2, "direct_postal": 7, "carried_over": 2},
        "resolved": {"total": 6, "early": 2, "on_time": 2, "late": 2},
        "in_progress": {"total": 5, "within_time": 3, "overdue": 2},
        "rates": {"resolved": "54.55", "early": "33.33", "on_time": "33.33", "late": "33.33"},
    }


def test_the_department_alone(dataset):
    report = settlement(dataset.world.department, *MARCH)
    assert shape(report) == {
        "received": {"total": 2, "online": 0, "direct_postal": 2, "carried_over": 0},
        "resolved": {"total": 1, "early": 1, "on_time": 0, "late": 0},
        "in_progress": {"total": 1, "within_time": 0, "overdue": 1},
        "rates": {"resolved": "50.00", "early": "100.00", "on_time": "0.00", "late": "0.00"},
    }


def test_a_period_without_dossiers_gives_zeros_and_zero_rates(dataset):
    report = settlement(dataset.world.province, date(2025, 1, 1), date(2025, 1, 31))
    data = report.as_dict()
    assert data["received"] == {"total": 0, "online": 0, "direct_postal": 0, "carried_over": 0}
    assert data["rates"] == {"resolved": "0.00", "early": "0.00", "on_time": "0.00", "late": "0.00"}
    assert data["evaluations"] == {
        "dossiers": 0,
        "evaluated": 0,
        "satisfied": 0,
        "rates": {"evaluated": "0.00", "satisfied": "0.00"},
    }


def test_one_day_periods_move_dossiers_between_columns(dataset):
    """On 04/03 alone: the three received on 02/03 are carried over; on_time and late_same_day finish that
    day, early finished the day before (not counted); carried_late finished on 03/03 (not counted)."""
    report = settlement(dataset.world.ward, date(2026, 3, 4), date(2026, 3, 4))
    assert shape(report)["received"] == {"total": 3, "online": 0, "direct_postal": 0, "carried_over": 3}
    assert shape(report)["resolved"] == {"total": 2, "early": 0, "on_time": 1, "late": 1}
    assert shape(report)["in_progress"] == {"total": 1, "within_time": 0, "overdue": 1}  # carried_open


@pytest.mark.parametrize("by", BREAKDOWNS)
def test_breakdown_rows_add_up_to_the_total(dataset, by):
    report = settlement(dataset.world.province, *MARCH, by=by)
    assert report.rows
    total = report.total
    for name in (
        "online",
        "direct_postal",
        "carried_over",
        "early",
        "on_time",
        "late",
        "within_time",
        "overdue",
    ):
        assert sum(getattr(row.figures, name) for row in report.rows) == getattr(total, name), name
    for name in ("dossiers", "evaluated", "satisfied"):
        assert sum(getattr(row.figures.evaluations, name) for row in report.rows) == getattr(
            total.evaluations, name
        )
    for row in report.rows:
        assert_invariants(row.figures)
        assert row.label


def test_rows_by_agency_field_level_channel_month_procedure(dataset):
    province, ward, department = dataset.world.province, dataset.world.ward, dataset.world.department

    def rows(by):
        report = settlement(province, *MARCH, by=by)
        return {
            row.key: (row.figures.received, row.figures.resolved, row.figures.in_progress)
            for row in report.rows
        }

    assert rows("agency") == {ward.code: (11, 6, 5), department.code: (2, 1, 1)}
    assert rows("field") == {"HOTICH": (11, 6, 5), "TUPHAP": (2, 1, 1)}
    assert rows("level") == {"commune": (11, 6, 5), "province": (2, 1, 1)}
    # Direct: the two carried over, on_time, late_same_day, stopped, paused, finished_after, dept_*.
    assert rows("channel") == {"direct": (9, 5, 4), "online": (2, 1, 1), "postal": (2, 1, 1)}
    # By month of reception: February's are the carried-over ones.
    assert rows("month") == {"2026-02": (2, 1, 1), "2026-03": (11, 6, 5)}
    assert rows("procedure") == {
        dataset.world.version.procedure.code: (11, 6, 5),
        dataset.department_version.procedure.code: (2, 1, 1),
    }
    report = settlement(province, *MARCH, by="month")
    assert [row.key for row in report.rows] == ["2026-02", "2026-03"]
    assert [row.label for row in report.rows] == ["Tháng 02/2026", "Tháng 03/2026"]


def test_an_agency_row_holds_its_subtree_and_the_agency_its_own_row(dataset, frozen_clock):
    """A division below the department: in the province's report it is in the department's row; in the
    department's report the department's own dossiers and the division's have a row each."""
    world = dataset.world
    division = AgencyFactory(parent=world.department, code="000.01.22.H34", name="Phòng Hành chính tư pháp")
    frozen_clock.set(vn(2026, 3, 12, 9))
    desk = staff(Role.DESK_OFFICER, division, username="tnphong")
    data = intake(world, version=dataset.department_version, agency=division)
    services.receive(services.submit(data, desk), desk)
    frozen_clock.set(READ_AT)

    report = settlement(world.province, *MARCH, by="agency")
    # Agencies in the order of their names: "Phường Nha Trang", then "Sở Tư pháp".
    assert [(row.key, row.figures.received) for row in report.rows] == [
        (world.ward.code, 11),
        (world.department.code, 3),
    ]
    assert [row.label for row in report.rows] == [world.ward.name, world.department.name]
    report = settlement(world.department, *MARCH, by="agency")
    assert [(row.key, row.figures.received) for row in report.rows] == [
        (world.department.code, 2),
        (division.code, 1),
    ]
    assert report.total.received == 3


def test_evaluations_count_the_dossiers_received_in_the_period(dataset):
    if not ratings_installed():
        pytest.skip("the ratings app is not installed yet")
    report = settlement(dataset.world.province, *MARCH).as_dict()
    # Received in March: 11; rated: early, on_time, online_open; satisfied: early, online_open.
    assert report["evaluations"] == {
        "dossiers": 11,
        "evaluated": 3,
        "satisfied": 2,
        "rates": {"evaluated": "27.27", "satisfied": "66.67"},
    }
    by_channel = {
        row["key"]: row["evaluations"]
        for row in settlement(dataset.world.province, *MARCH, by="channel").as_dict()["rows"]
    }
    assert by_channel["online"] == {
        "dossiers": 2,
        "evaluated": 2,
        "satisfied": 2,
        "rates": {"evaluated": "100.00", "satisfied": "100.00"},
    }


def test_without_the_ratings_app_nothing_is_evaluated_but_dossiers_are_counted(dataset):
    """The report reads evaluations from the dossier's `evaluation` column only: where no writer of
    evaluations ran (no ratings app, no import), the column stays empty and nothing is evaluated."""
    from motcua.dossiers.models import Dossier, Evaluation

    Dossier.objects.update(evaluation=Evaluation.NONE)
    report = settlement(dataset.world.province, *MARCH).as_dict()
    assert report["evaluations"] == {
        "dossiers": 11,
        "evaluated": 0,
        "satisfied": 0,
        "rates": {"evaluated": "0.00", "satisfied": "0.00"},
    }


def test_the_report_is_a_fixed_number_of_queries(dataset, django_assert_max_num_queries):
    """The subtree's agencies, then one grouped query for the figures, evaluations included; with a
    breakdown, the same one query grouped by its key too, and the total is the sum of its rows (plus, for a
    breakdown by agency, the child agencies and the subtree's paths): never a query per dossier or per row."""
    with django_assert_max_num_queries(2):
        settlement(dataset.world.province, *MARCH)
    with django_assert_max_num_queries(2):
        settlement(dataset.world.province, *MARCH, by="field")
    with django_assert_max_num_queries(4):
        settlement(dataset.world.province, *MARCH, by="agency")
