"""A meeting whose minutes are approved is a record: its details and agenda no longer
change (idempotent re-saves excepted); and an edit cannot duplicate another meeting."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from quorate.audit.services import history_for
from quorate.governance import services as gov
from quorate.governance.enums import MeetingStatus
from quorate.proceedings import services as s
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen():
    meeting = f.meeting(date=dt.date(2018, 3, 8), venue="Civic Centre")
    later = f.meeting(body=meeting.body, date=dt.date(2018, 6, 11))
    item = f.agenda_item(meeting=meeting, number="3", order=3, title="Recovery")
    s.draft_minute(meeting, number="3", title="Recovery", text="x", agenda_item=item)
    s.approve_minutes(meeting, at_meeting=later, approved_on=later.date)
    meeting.refresh_from_db()
    return meeting, item


def test_meeting_details_cannot_change_once_the_minutes_are_approved(frozen):
    meeting, _ = frozen
    with pytest.raises(ValidationError, match="approved and frozen"):
        gov.update_meeting(meeting, date=dt.date(2018, 7, 19), status=MeetingStatus.SCHEDULED)
    assert (meeting.date, meeting.status) == (dt.date(2018, 3, 8), MeetingStatus.MINUTES_APPROVED)
    meeting.refresh_from_db()
    assert (meeting.date, meeting.status) == (dt.date(2018, 3, 8), MeetingStatus.MINUTES_APPROVED)
    # Saving the same details again changes nothing and is not an error.
    gov.update_meeting(meeting, date=meeting.date, venue="Civic Centre")
    assert not history_for(meeting).filter(verb="update_meeting").exists()


def test_the_agenda_cannot_change_once_the_minutes_are_approved(frozen):
    meeting, item = frozen
    with pytest.raises(ValidationError, match="Cannot add item 4 to the agenda"):
        gov.save_agenda_item(meeting, number="4", title="Added after approval")
    with pytest.raises(ValidationError, match="Cannot change agenda item 3"):
        gov.save_agenda_item(meeting, number="3", title="Renamed")
    with pytest.raises(ValidationError, match="Cannot change agenda item 3"):
        gov.update_agenda_item(item, title="Renamed")
    assert item.title == "Recovery"
    f.agenda_item(meeting=meeting, number="5", order=5)  # (made directly, for the move)
    with pytest.raises(ValidationError, match="Cannot move agenda item 3"):
        gov.move_agenda_item(item, direction="down")
    item.refresh_from_db()
    assert (item.title, item.order, meeting.items.count()) == ("Recovery", 3, 2)
    # An importer saving the same item again is a no-op.
    assert gov.save_agenda_item(meeting, number="3", title="Recovery") == item


def test_an_edit_cannot_make_a_meeting_a_duplicate_of_another():
    first = f.meeting(date=dt.date(2018, 6, 11), title="")
    second = f.meeting(body=first.body, date=dt.date(2018, 7, 19), title="")
    with pytest.raises(ValidationError, match="already has a meeting on 11/06/2018"):
        gov.update_meeting(second, date=dt.date(2018, 6, 11))
    assert second.date == dt.date(2018, 7, 19)
    second.refresh_from_db()
    assert second.date == dt.date(2018, 7, 19)
    # A distinct title makes it another meeting that day.
    gov.update_meeting(second, date=dt.date(2018, 6, 11), title="Extraordinary meeting")
    second.refresh_from_db()
    assert (second.date, second.title) == (dt.date(2018, 6, 11), "Extraordinary meeting")


def test_notices_and_urgency_routes_cannot_be_added_once_the_minutes_are_approved(frozen):
    meeting, _ = frozen
    with pytest.raises(ValidationError, match="approved and frozen"):
        s.record_notice(meeting, kind="key_decision", published_on=dt.date(2018, 2, 1))
    with pytest.raises(ValidationError, match="approved and frozen"):
        s.record_urgency(meeting, route="urgent_item", reason="Late report")
    assert not meeting.notices.exists() and not meeting.urgency_uses.exists()


def test_the_freeze_check_reads_the_approved_state_proceedings_writes():
    from quorate.proceedings.enums import MinutesState

    assert MinutesState.APPROVED == "approved"  # the literal in gov.minutes_approved
