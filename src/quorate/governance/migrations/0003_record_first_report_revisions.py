"""Revision 1 for every report that existed before revisions were kept: what its cover
sheet says now (what it said before was overwritten and cannot be recovered)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations
from django.utils import timezone

SKIP = {"id", "agenda_item", "revision"}
REASON = "Recorded when report revisions began; earlier changes were not kept."


def record_first_revisions(apps, schema_editor):
    Report = apps.get_model("governance", "Report")
    ReportRevision = apps.get_model("governance", "ReportRevision")
    fields = [f.name for f in Report._meta.concrete_fields if f.name not in SKIP]
    now = timezone.now()
    for report in Report.objects.filter(revisions__isnull=True).iterator():
        data = {name: getattr(report, name) for name in fields}
        ReportRevision.objects.create(
            report=report,
            number=1,
            snapshot=json.loads(json.dumps(data, cls=DjangoJSONEncoder)),
            changed_fields=[],
            recorded_at=now,
            actor_label="migration",
            reason=REASON,
        )
        Report.objects.filter(pk=report.pk).update(revision=1)


class Migration(migrations.Migration):
    dependencies = [("governance", "0002_keep_report_revisions")]

    operations = [
        migrations.RunPython(record_first_revisions, migrations.RunPython.noop),
    ]
