"""Scheduling (as the importer does) and publishing cannot change a meeting whose minutes
are approved; saving the same details again stays a no-op so a re-import changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from quorate.audit.services import history_for
from quorate.governance import services as gov
from quorate.governance.enums import MeetingStatus
from quorate.proceedings import services as s
from tests import factories as f

pytestmark = pytest.mark.django_db

PUBLISHED = dt.datetime(2018, 2, 28, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def frozen():
    meeting = gov.schedule_meeting(
        f.body(), date=dt.date(2018, 3, 8), venue="Civic Centre", start_time=dt.time(14)
    )
    gov.publish_agenda(meeting, at=PUBLISHED)
    later = f.meeting(body=meeting.body, date=dt.date(2018, 6, 11))
    item = f.agenda_item(meeting=meeting, number="3", order=3, title="Recovery")
    s.draft_minute(meeting, number="3", title="Recovery", text="x", agenda_item=item)
    s.approve_minutes(meeting, at_meeting=later, approved_on=later.date)
    meeting.refresh_from_db()
    return meeting


def test_schedule_meeting_refuses_to_change_a_frozen_meeting(frozen):
    with pytest.raises(ValidationError, match="Cannot change venue of the meeting"):
        gov.schedule_meeting(frozen.body, date=frozen.date, venue="Town Hall")
    with pytest.raises(ValidationError, match="approved and frozen"):
        gov.schedule_meeting(frozen.body, date=frozen.date, status=MeetingStatus.HELD)
    frozen.refresh_from_db()
    assert (frozen.venue, frozen.status) == ("Civic Centre", MeetingStatus.MINUTES_APPROVED)


def test_schedule_meeting_same_details_on_a_frozen_meeting_is_a_no_op(frozen):
    events = history_for(frozen).count()
    again = gov.schedule_meeting(
        frozen.body, date=frozen.date, venue="Civic Centre", start_time=dt.time(14)
    )
    assert again.pk == frozen.pk
    assert history_for(frozen).count() == events


def test_schedule_meeting_still_updates_a_meeting_that_is_not_frozen():
    meeting = gov.schedule_meeting(f.body(), date=dt.date(2024, 3, 8), venue="Civic Centre")
    gov.schedule_meeting(meeting.body, date=meeting.date, venue="Town Hall")
    meeting.refresh_from_db()
    assert meeting.venue == "Town Hall"


def test_publish_agenda_refuses_a_new_publication_of_a_frozen_meeting(frozen):
    later = dt.datetime(2018, 7, 1, 9, 0, tzinfo=dt.UTC)
    with pytest.raises(ValidationError, match="Cannot record a new publication"):
        gov.publish_agenda(frozen, at=later)
    assert frozen.published_at == PUBLISHED
    frozen.refresh_from_db()
    assert frozen.published_at == PUBLISHED
    assert frozen.publication_date == dt.date(2018, 2, 28)
    with pytest.raises(ValidationError, match="approved and frozen"):
        gov.publish_agenda(frozen)  # "now"


def test_publish_agenda_same_publication_of_a_frozen_meeting_is_a_no_op(frozen):
    events = history_for(frozen).filter(verb="publish_agenda").count()
    assert gov.publish_agenda(frozen, at=PUBLISHED).published_at == PUBLISHED
    assert history_for(frozen).filter(verb="publish_agenda").count() == events == 1


def test_publish_agenda_of_a_meeting_never_published_is_refused_once_frozen():
    meeting = f.meeting(date=dt.date(2018, 3, 8))
    later = f.meeting(body=meeting.body, date=dt.date(2018, 6, 11))
    s.draft_minute(meeting, number="1", title="Minutes", text="x")
    s.approve_minutes(meeting, at_meeting=later, approved_on=later.date)
    meeting.refresh_from_db()
    with pytest.raises(ValidationError, match="approved and frozen"):
        gov.publish_agenda(meeting, at=timezone.now())
    meeting.refresh_from_db()
    assert meeting.published_at is None
