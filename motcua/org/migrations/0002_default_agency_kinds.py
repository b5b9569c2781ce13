"""The agency kinds every Vietnamese deployment starts with; administrators may add or rename them."""

from django.db import migrations

KINDS = [
    ("province", "Tỉnh, thành phố trực thuộc trung ương", 10),
    ("service_centre", "Trung tâm Phục vụ hành chính công", 15),
    ("department", "Sở, ban, ngành", 20),
    ("vertical", "Cơ quan ngành dọc (công an, thuế...)", 25),
    ("district", "Huyện, quận, thị xã (trước 01/7/2025)", 30),
    ("commune", "Xã, phường, đặc khu", 50),
]


def add_kinds(apps, schema_editor):
    AgencyKind = apps.get_model("org", "AgencyKind")
    for code, name, rank in KINDS:
        AgencyKind.objects.get_or_create(code=code, defaults={"name": name, "rank": rank})


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]
    operations = [migrations.RunPython(add_kinds, migrations.RunPython.noop)]
