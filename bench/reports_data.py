"""A synthetic province for bench/reports.py: its agencies, its catalogue, and a legacy CSV file of dossiers.

    build_province() -> Province           1 province, 20 departments, 80 communes; 40 procedures in force
    write_csv(path, province, rows, first_day, last_day, seed) -> None

The file is what `motcua import-dossiers` reads (docs/legacy-import.md): receptions at random office minutes
of working days spread evenly over the period, 80% of them without an appointment (computed by the importer
through the working-time engine), finishes early, on time or late, the old system's statuses in proportions a
province sees (most dossiers returned; the recent ones still open), an evaluation on a third of the closed
ones.
"""

import csv
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from motcua.legacy.reading import COLUMNS as READ_COLUMNS

VN = ZoneInfo("Asia/Ho_Chi_Minh")
COLUMNS = list(READ_COLUMNS)
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dung",
    "Giang",
    "Hà",
    "Hải",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phúc",
    "Quân",
    "Thảo",
]


@dataclass
class Province:
    province: object  # Agency
    departments: list
    communes: list
    procedures: list  # (code, name, days) of versions in force


def build_province() -> Province:
    from motcua.catalog.models import Field, Procedure, ProcedureVersion, Status, TimeUnit
    from motcua.org.models import Agency, AgencyKind

    kinds = {
        code: AgencyKind.objects.get_or_create(code=code, defaults={"name": name, "rank": rank})[0]
        for code, name, rank in (("province", "Tỉnh", 10), ("department", "Sở", 20), ("commune", "Xã", 50))
    }
    province = Agency(code="000.00.00.H99", name="Tỉnh Thử Nghiệm", kind=kinds["province"])
    province.save()
    departments, communes = [], []
    for number in range(1, 21):
        agency = Agency(
            code=f"000.{number:02d}.00.H99", name=f"Sở số {number}", kind=kinds["department"], parent=province
        )
        agency.save()
        departments.append(agency)
    for number in range(1, 81):
        agency = Agency(
            code=f"000.00.{number:02d}.H99", name=f"Xã số {number}", kind=kinds["commune"], parent=province
        )
        agency.save()
        communes.append(agency)
    field, _ = Field.objects.get_or_create(code="BENCH", defaults={"name": "Lĩnh vực thử"})
    procedures = []
    effective = datetime(2015, 1, 1, tzinfo=VN)
    for number in range(1, 41):
        days = [1, 2, 3, 5, 7, 10, 15, 20][number % 8]
        code = f"1.{number + 9000:06d}"
        name = f"Thủ tục thử số {number}"
        ProcedureVersion.objects.create(
            procedure=Procedure.objects.create(code=code),
            number=1,
            status=Status.IN_FORCE,
            name=name,
            field=field,
            level="commune" if number % 2 else "province",
            legal_limit_value=Decimal(days),
            legal_limit_unit=TimeUnit.WORKING_DAYS,
            committed_limit_value=Decimal(days),
            committed_limit_unit=TimeUnit.WORKING_DAYS,
            result="Kết quả",
            effective_at=effective,
        )
        procedures.append((code, name, days))
    return Province(province, departments, communes, procedures)


def _office_instant(rng: random.Random, day: date) -> datetime:
    minute = rng.randrange(480)
    hour = 8 + minute // 60 if minute < 240 else 13 + (minute - 240) // 60
    return datetime.combine(day, time(hour, minute % 60, rng.randrange(60)), tzinfo=VN)


def write_csv(path, province: Province, rows: int, first_day: date, last_day: date, seed: int = 1) -> None:
    rng = random.Random(seed)
    agencies = province.departments + province.communes
    weights = [4] * len(province.departments) + [1] * len(province.communes)  # a department receives more
    days = [first_day + timedelta(days=n) for n in range((last_day - first_day).days + 1)]
    days = [day for day in days if day.weekday() < 5]
    per_day = rows / len(days)
    today = last_day
    written = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(COLUMNS)
        for index, day in enumerate(days):
            count = int(per_day * (index + 1)) - int(per_day * index)
            if index == len(days) - 1:
                count = rows - written
            picked = rng.choices(agencies, weights, k=count)
            for number, agency in enumerate(picked, start=1):
                code, name, limit = rng.choice(province.procedures)
                received = _office_instant(rng, day)
                age = (today - day).days
                due = ""
                if rng.random() < 0.2:  # the old system's own appointment
                    due = (received + timedelta(days=limit * 7 // 5 + 1)).replace(hour=17, minute=0, second=0)
                    due = due.isoformat()
                spent = timedelta(days=limit * 7 / 5 * rng.choice((0.3, 0.6, 0.9, 1.0, 1.3, 2.0)))
                finished = received + spent
                draw = rng.random()
                if (age < limit * 2 and draw < 0.6) or finished.date() > today:
                    status = rng.choice(("received", "processing", "processing", "supplement"))
                    finished_at = returned_at = ""
                else:
                    status = (
                        "returned"
                        if draw < 0.85
                        else "finished"
                        if draw < 0.92
                        else "refused"
                        if draw < 0.95
                        else "withdrawn"
                        if draw < 0.97
                        else "stopped"
                    )
                    finished_at = finished.isoformat()
                    returned_at = (finished + timedelta(hours=20)).isoformat() if status == "returned" else ""
                    if returned_at and (finished + timedelta(hours=20)).date() > today:
                        status, returned_at = "finished", ""
                evaluation = ""
                if finished_at and rng.random() < 0.33:
                    evaluation = rng.choice(("very_satisfied", "satisfied", "satisfied", "unsatisfied"))
                out.writerow(
                    (
                        f"{agency.code}-{day:%y%m%d}-{number:04d}",
                        code,
                        name,
                        agency.code,
                        agency.name,
                        rng.choice(("direct", "direct", "online", "postal")),
                        received.isoformat(),
                        due,
                        finished_at,
                        returned_at,
                        status,
                        1 if status == "supplement" else rng.choice((0, 0, 0, 1)),
                        evaluation,
                        f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                    )
                )
            written += count
