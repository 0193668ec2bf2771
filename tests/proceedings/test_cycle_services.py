"""The services the back office adds: each writes an audit row with who did it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from quorate.audit.models import AuditEvent
from quorate.audit.services import history_for
from quorate.governance import services as gov
from quorate.people import services as people_services
from quorate.proceedings import services as s
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_move_agenda_item_swaps_with_its_neighbour_and_is_audited(clerk):
    meeting = f.meeting()
    a, b = (f.agenda_item(meeting=meeting, order=n, number=str(n)) for n in (1, 2))
    gov.move_agenda_item(b, direction="up", by=clerk)
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.order, b.order) == (2, 1)
    assert history_for(b).get().actor == clerk
    with pytest.raises(ValidationError):
        gov.move_agenda_item(b, direction="sideways")


def test_urgency_needs_a_reason_and_is_audited_on_the_meeting(clerk):
    meeting = f.meeting()
    with pytest.raises(ValidationError):
        s.record_urgency(meeting, route="special_urgency", reason=" ")
    s.record_urgency(meeting, route="special_urgency", reason="Provider failure", by=clerk)
    event = history_for(meeting).get(verb="record_urgency")
    assert event.reason == "Provider failure" and event.actor == clerk


def test_interest_register_kept_over_time_with_audit(clerk):
    person = f.person()
    interest = people_services.register_interest(
        person,
        category="gift_hospitality",
        description="Dinner",
        registered_on=dt.date(2023, 1, 5),
        value_gbp=45,
        by=clerk,
    )
    people_services.end_interest(interest, ended_on=dt.date(2023, 6, 1), by=clerk)
    with pytest.raises(ValidationError):
        people_services.end_interest(interest, ended_on=dt.date(2022, 1, 1))
    assert [e.verb for e in history_for(interest).order_by("at", "id")] == [
        "register_interest",
        "end_interest",
    ]


def test_publishing_draft_minutes_once_and_frozen_attendance_cannot_be_removed(clerk):
    meeting = f.meeting(date=dt.date(2018, 3, 8))
    person = f.person()
    row = s.record_attendance(meeting, person=person, status="present")
    s.draft_minute(meeting, number="1", title="Welcome", text="Welcome")
    first = s.publish_draft_minutes(meeting, by=clerk).draft_published_at
    assert s.publish_draft_minutes(meeting, by=clerk).draft_published_at == first
    assert AuditEvent.objects.filter(verb="publish_draft_minutes").count() == 1
    later = f.meeting(body=meeting.body, date=dt.date(2018, 6, 11))
    s.approve_minutes(meeting, at_meeting=later, approved_on=later.date)
    with pytest.raises(s.MinutesFrozen):
        s.remove_attendance(row, by=clerk)


def test_update_meeting_records_the_changes():
    meeting = f.meeting(venue="Room 1")
    gov.update_meeting(meeting, venue="Room 2", is_public=False)
    event = history_for(meeting).get(verb="update_meeting")
    assert event.changes == {"venue": ["Room 1", "Room 2"], "is_public": [True, False]}
