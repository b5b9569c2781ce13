"""The 766 method's time limits for feedback (domain reference 9.3), as data that administrators may change."""

from django.db import migrations

LIMITS = [
    ("accept", "2", "reception"),
    ("information", "5", "reception"),
    ("answer", "15", "reception"),
    ("publish", "2", "answer"),
]
SOURCE = "QĐ 766/QĐ-TTg, phương pháp tính chỉ số 5.2 (Cổng DVCQG)"


def seed(apps, schema_editor):
    DeadlineRule = apps.get_model("feedback", "DeadlineRule")
    for stage, amount, counted_from in LIMITS:
        DeadlineRule.objects.get_or_create(
            stage=stage,
            defaults={
                "amount": amount,
                "unit": "working_days",
                "counted_from": counted_from,
                "source": SOURCE,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("feedback", "DeadlineRule").objects.filter(source=SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
