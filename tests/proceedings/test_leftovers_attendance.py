"""Taking someone off a meeting's attendance list stays in the meeting's history after the
row is gone: the removal is audited on the meeting as well as on the row."""

import datetime as dt

import pytest

from quorate.audit.models import AuditEvent
from quorate.audit.services import history_for
from quorate.proceedings import services as s
from quorate.proceedings.models import Attendance
from tests import factories as f

pytestmark = pytest.mark.django_db


def _history(page: str) -> str:
    return page[page.index('id="history"') :]


def test_the_removal_is_recorded_on_the_meeting_with_who_and_how_they_attended(clerk):
    meeting = f.meeting(date=dt.date(2024, 1, 25))
    person = f.person(given_name="Wrongly", family_name="Listed")
    stood_in_for = f.person(family_name="Absentee")
    row = s.record_attendance(
        meeting,
        person=person,
        status="present",
        mode="remote",
        substitute_for=stood_in_for,
        items_note="Items 7 and 8",
    )
    row_pk = row.pk
    s.remove_attendance(row, by=clerk)
    assert not Attendance.objects.filter(pk=row_pk).exists()
    event = history_for(meeting).get(verb="remove_attendance")
    assert event.actor == clerk
    assert event.changes["attendance"] == row_pk
    assert "Listed" in event.changes["person"]
    assert event.changes["status"] == "Present"
    assert event.changes["mode"] == "Remote"
    assert "Absentee" in event.changes["substitute_for"]
    assert event.changes["items_note"] == "Items 7 and 8"
    # The row's own event is still written too.
    assert AuditEvent.objects.filter(
        object_type="proceedings.attendance", object_id=str(row_pk), verb="remove_attendance"
    ).exists()


def test_the_meeting_page_history_shows_the_removal_after_the_row_is_gone(clerk_client):
    meeting = f.meeting(date=dt.date(2024, 1, 25))
    person = f.person(given_name="Zebedee", family_name="Quistmarker")
    row = s.record_attendance(meeting, person=person, status="apologies")
    response = clerk_client.post(f"/office/meetings/{meeting.pk}/attendance/{row.pk}/remove/")
    assert response.status_code == 302
    assert not Attendance.objects.filter(pk=row.pk).exists()
    history = _history(clerk_client.get(f"/office/meetings/{meeting.pk}/").content.decode())
    assert "remove_attendance" in history
    assert "Quistmarker" in history
    assert "Apologies" in history
    assert "clerk-test" in history  # who did it


def test_a_refused_removal_records_nothing(clerk):
    meeting = f.meeting(date=dt.date(2018, 3, 8))
    row = s.record_attendance(meeting, person=f.person(), status="present")
    later = f.meeting(body=meeting.body, date=dt.date(2018, 6, 11))
    s.approve_minutes(meeting, at_meeting=later, approved_on=later.date)
    with pytest.raises(s.MinutesFrozen):
        s.remove_attendance(row, by=clerk)
    assert not AuditEvent.objects.filter(verb="remove_attendance").exists()
    assert Attendance.objects.filter(pk=row.pk).exists()
