"""The back-office meeting page's History shows the audit trail of the meeting and of its
records (agenda, reports, attendance, declarations, minutes, resolutions, decisions,
approval, urgency, notices), newest first, in a fixed number of queries."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quorate.audit.models import AuditEvent
from quorate.governance import services as gov
from quorate.proceedings import queries
from quorate.proceedings import services as s
from tests import factories as f

pytestmark = pytest.mark.django_db


def _history(page: str) -> str:
    return page[page.index('id="history"') :]


def _cycle(meeting, clerk, tag=""):
    """A full meeting cycle through the services, as the clerk."""
    body = meeting.body
    people = [f.person(family_name=f"Member{tag}{k}") for k in range(2)]
    for p in people:
        f.membership(body=body, person=p)
    item = gov.save_agenda_item(meeting, number=f"4{tag}", title=f"Budget{tag}", by=clerk)
    gov.update_agenda_item(item, title=f"Budget {tag}RENAMED", by=clerk)
    gov.save_report(item, subject=f"Budget report{tag}", by=clerk)
    s.record_notice(meeting, kind="key_decision", published_on=dt.date(2024, 1, 1), by=clerk)
    s.record_urgency(meeting, route="urgent_item", reason=f"Late{tag}", agenda_item=item, by=clerk)
    s.record_attendance(meeting, person=people[0], status="present", by=clerk)
    s.record_attendance(meeting, person=people[1], status="apologies", by=clerk)
    s.record_declaration(
        meeting, person=people[0], kind="other", nature=f"Trustee{tag}", agenda_item=item, by=clerk
    )
    minute = s.draft_minute(
        meeting, number=f"4{tag}", title="Budget", text="Discussed", agenda_item=item, by=clerk
    )
    s.add_resolution(minute, label="i", text=f"Agreed{tag}", by=clerk)
    s.add_resolution(minute, label="i", text=f"Agreed, amended{tag}", by=clerk)
    s.record_decision(meeting, title=f"Budget set{tag}", text="Set", agenda_item=item, by=clerk)
    s.publish_draft_minutes(meeting, by=clerk)
    return minute


def test_meeting_history_shows_every_record_of_the_cycle(clerk_client, clerk):
    meeting = f.meeting(date=dt.date(2024, 1, 25))
    other = f.meeting(body=meeting.body, date=dt.date(2024, 2, 25))
    _cycle(meeting, clerk)
    _cycle(other, clerk, tag="X")  # another meeting's records stay off this page
    s.approve_minutes(meeting, at_meeting=other, approved_on=other.date, by=clerk)
    history = _history(clerk_client.get(f"/office/meetings/{meeting.pk}/").content.decode())
    for verb in (
        "create_agenda_item",
        "update_agenda_item",
        "create_report",
        "record_notice",
        "record_urgency",
        "record_attendance",
        "record_declaration",
        "draft_minute",
        "revise_minute",
        "add_resolution",
        "update_resolution",
        "record_decision",
        "publish_draft_minutes",
        "approve_minutes",
    ):
        assert f">{verb}<" in history, verb
    assert clerk.username in history
    assert "Attendance:" in history and "Declaration:" in history and "Resolution:" in history
    assert "RENAMED" in history and "Trustee" in history
    assert "TrusteeX" not in history and "Budget setX" not in history
    # newest first: the approval (last) comes before the first agenda item
    assert history.index(">approve_minutes<") < history.index(">create_agenda_item<")


def test_meeting_history_ignores_records_of_other_types_sharing_an_id(clerk):
    """Only the meeting's own records are picked up, by type and id: an event on a record of
    another type that happens to share an id is not."""
    meeting = f.meeting()
    item = gov.save_agenda_item(meeting, number="1", title="One", by=clerk)
    AuditEvent.objects.create(
        verb="create_body", object_type="governance.body", object_id=str(item.pk)
    )
    verbs = [e.verb for e in queries.meeting_history(meeting).events]
    assert "create_agenda_item" in verbs and "create_body" not in verbs


def test_meeting_page_query_count_does_not_grow_with_history(clerk_client, clerk):
    meeting = f.meeting(date=dt.date(2024, 1, 25))
    _cycle(meeting, clerk)
    url = f"/office/meetings/{meeting.pk}/"
    with CaptureQueriesContext(connection) as few:
        assert clerk_client.get(url).status_code == 200
    for k in range(5):
        _cycle(meeting, clerk, tag=f"N{k}")
    with CaptureQueriesContext(connection) as many:
        page = clerk_client.get(url).content.decode()
    assert len(many) == len(few)
    assert len(re.findall(">record_attendance<", _history(page))) == 12


def test_meeting_history_is_capped_and_says_so(clerk_client, clerk):
    meeting = f.meeting()
    for n in range(5):
        gov.save_agenda_item(meeting, number=str(n + 1), title=f"Item {n}", by=clerk)
    history = queries.meeting_history(meeting, limit=3)
    assert len(history.events) == 3 and history.total == 5 and history.truncated
    assert [e.record_name for e in history.events] == ["Agenda item"] * 3
