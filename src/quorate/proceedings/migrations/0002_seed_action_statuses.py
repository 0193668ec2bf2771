from django.db import migrations

# The progress vocabulary of seed 001's action tracker. Copied here on purpose: migrations
# never import app code.
STATUSES = [
    ("Ongoing", False),
    ("Unconfirmed", False),
    ("On Forward Plan", False),
    ("Complete", True),
    ("Complete - no further action", True),
]


def add_statuses(apps, schema_editor):
    ActionStatus = apps.get_model("proceedings", "ActionStatus")
    for order, (name, closed) in enumerate(STATUSES, start=1):
        ActionStatus.objects.get_or_create(
            name=name, defaults={"is_closed": closed, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("proceedings", "0001_create_attendance_minutes_decisions_actions")]
    operations = [migrations.RunPython(add_statuses, migrations.RunPython.noop)]
