"""Report cover sheets are kept as revisions: each change through ``save_report`` writes a
``ReportRevision`` with the whole sheet, who, when and why; saving the same content again
writes nothing. Reports from before revisions were kept get revision 1 by migration."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from quorate.audit.services import history_for
from quorate.governance import services as gov
from quorate.governance.models import Report, ReportRevision
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_report_first_save_is_revision_1_with_every_field(clerk):
    item = f.agenda_item()
    report = gov.save_report(
        item,
        subject="Budget 2024/25",
        decision_date=dt.date(2024, 2, 21),
        recommendations=["Approve the budget"],
        by=clerk,
    )
    (rev,) = report.revisions.all()
    assert (rev.number, report.revision, rev.changed_fields) == (1, 1, [])
    assert rev.recorded_by == clerk and rev.recorded_by_name == clerk.username
    assert rev.snapshot["subject"] == "Budget 2024/25"
    assert rev.snapshot["decision_date"] == "2024-02-21"
    assert rev.snapshot["recommendations"] == ["Approve the budget"]
    assert set(rev.snapshot) == {f.name for f in Report.cover_sheet_fields()}
    assert {"id", "agenda_item", "revision"}.isdisjoint(rev.snapshot)


def test_report_identical_save_writes_no_revision_or_audit_row():
    item = f.agenda_item()
    fields = {"subject": "Budget", "decision_date": dt.date(2024, 2, 21), "wards_affected": "All"}
    report = gov.save_report(item, actor="import-pack", **fields)
    events = history_for(report).count()
    again = gov.save_report(item, actor="import-pack", **fields)
    assert again.pk == report.pk
    assert ReportRevision.objects.filter(report=report).count() == 1
    assert history_for(report).count() == events
    assert again.revision == 1


def test_report_change_writes_a_new_revision_keeping_the_old_sheet(clerk):
    item = f.agenda_item()
    gov.save_report(item, subject="Budget", brief_summary="Old summary", actor="import-pack")
    report = gov.save_report(
        item,
        subject="Budget (revised)",
        brief_summary="New summary",
        by=clerk,
        reason="Figures corrected after publication",
    )
    new, old = report.revisions.all()
    assert (new.number, old.number, report.revision) == (2, 1, 2)
    report.refresh_from_db()
    assert report.revision == 2 and report.brief_summary == "New summary"
    assert old.snapshot["brief_summary"] == "Old summary"
    assert old.recorded_by is None and old.recorded_by_name == "import-pack"
    assert new.snapshot["brief_summary"] == "New summary"
    assert new.changed_fields == ["subject", "brief_summary"]
    assert new.changed_labels == ["subject", "brief summary"]
    assert (new.recorded_by, new.reason) == (clerk, "Figures corrected after publication")
    old_sheet = old.as_report()
    assert (old_sheet.subject, old_sheet.pk) == ("Budget", None)
    assert history_for(report).filter(reason="Figures corrected after publication").exists()


def test_report_revision_dates_come_back_as_dates():
    item = f.agenda_item()
    gov.save_report(item, subject="A", decision_date=dt.date(2024, 2, 21), key_decision=True)
    sheet = ReportRevision.objects.get(report__agenda_item=item).as_report()
    assert sheet.decision_date == dt.date(2024, 2, 21)
    assert sheet.key_decision is True and sheet.esia_required is None


def test_report_bad_input_saves_nothing():
    item = f.agenda_item()
    gov.save_report(item, subject="Budget")
    with pytest.raises(ValidationError):
        gov.save_report(item, subject="Budget", author_email="not an address")
    with pytest.raises(ValidationError, match="revision"):
        gov.save_report(item, subject="Budget", revision=7)
    report = Report.objects.get(agenda_item=item)
    assert (report.author_email, report.revision, report.revisions.count()) == ("", 1, 1)


def test_report_revisions_migration_records_revision_1_for_existing_reports():
    migration = importlib.import_module(
        "quorate.governance.migrations.0003_record_first_report_revisions"
    )
    old = f.report(subject="Made before revisions", revision=3)
    kept = f.report(subject="Already revised")
    gov.save_report(kept.agenda_item, subject="Already revised, again")
    migration.record_first_revisions(apps, None)
    (rev,) = old.revisions.all()
    old.refresh_from_db()
    assert (rev.number, old.revision, rev.actor_label) == (1, 1, "migration")
    assert rev.snapshot["subject"] == "Made before revisions"
    assert kept.revisions.count() == 1  # reports with revisions are left alone
    # A later change through the service continues from there.
    gov.save_report(old.agenda_item, subject="Changed")
    assert list(old.revisions.values_list("number", flat=True)) == [2, 1]
