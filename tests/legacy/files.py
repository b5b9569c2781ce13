"""Legacy CSV files for the tests: `legacy_csv(tmp_path, rows)` with each row a dict over `ROW`'s columns."""

import csv

from motcua.legacy.reading import COLUMNS

ROW = {
    "code": "H34.01-240301-0001",
    "procedure_code": "1.000001",
    "procedure_name": "Đăng ký khai sinh",
    "agency_code": "000.00.01.H34",
    "agency_name": "UBND phường Một",
    "channel": "direct",
    "received_at": "2024-03-01T08:15:00+07:00",
    "due_at": "",
    "finished_at": "",
    "returned_at": "",
    "status": "processing",
    "supplement_count": "0",
    "evaluation": "",
    "applicant_name": "Nguyễn Văn An",
}


def row(**changes) -> dict:
    return {**ROW, **changes}


def legacy_csv(directory, rows, name="legacy.csv"):
    path = directory / name
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path
