import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from quorate.audit.models import AuditEvent
from quorate.proceedings import services as s
from quorate.proceedings import tracker
from quorate.proceedings.models import ActionStatus, MinuteRevision
from tests import factories as f

pytestmark = pytest.mark.django_db


def _minuted_meeting():
    meeting = f.meeting(date=dt.date(2018, 3, 8))
    minute = s.draft_minute(
        meeting,
        number="3",
        title="Previous Minutes",
        text="The minutes were agreed.",
        presented_by="Chair",
    )
    return meeting, minute


def test_draft_minute_twice_with_same_text_keeps_one_revision():
    meeting, minute = _minuted_meeting()
    s.draft_minute(
        meeting,
        number="3",
        title="Previous Minutes",
        text="The minutes were agreed.",
        presented_by="Chair",
    )
    assert minute.revisions.count() == 1


def test_redraft_before_approval_adds_a_revision_and_keeps_history():
    meeting, minute = _minuted_meeting()
    s.draft_minute(
        meeting,
        number="3",
        title="Previous Minutes",
        text="Agreed, with one change.",
        presented_by="Chair",
    )
    assert [r.text for r in minute.revisions.order_by("number")] == [
        "The minutes were agreed.",
        "Agreed, with one change.",
    ]


def test_approved_minutes_are_frozen_against_redrafting_and_new_resolutions():
    meeting, minute = _minuted_meeting()
    later = f.meeting(body=meeting.body, date=dt.date(2018, 6, 11))
    s.approve_minutes(meeting, at_meeting=later, approved_on=later.date)
    with pytest.raises(s.MinutesFrozen):
        s.draft_minute(meeting, number="3", title="Previous Minutes", text="Changed quietly")
    with pytest.raises(s.MinutesFrozen):
        s.add_resolution(minute, label="i", text="A new resolution")
    with pytest.raises(s.MinutesFrozen):
        s.record_attendance(meeting, person=f.person(), status="present")
    assert minute.current.text == "The minutes were agreed."
    meeting.refresh_from_db()
    assert meeting.status == "minutes_approved"


def test_correction_after_approval_is_a_new_revision_with_reason_and_author(clerk):
    meeting, minute = _minuted_meeting()
    s.approve_minutes(
        meeting,
        at_meeting=f.meeting(body=meeting.body, date=dt.date(2018, 6, 11)),
        approved_on=dt.date(2018, 6, 11),
    )
    with pytest.raises(ValidationError):
        s.correct_minute(minute, text="Corrected", reason="  ", by=clerk)
    revision = s.correct_minute(minute, text="Corrected text", reason="Typo in name", by=clerk)
    assert (revision.number, revision.reason, revision.author) == (2, "Typo in name", clerk)
    assert minute.revisions.count() == 2
    assert AuditEvent.objects.filter(
        verb="revise_minute", reason="Typo in name", actor=clerk
    ).exists()


def test_minute_revisions_cannot_be_edited_in_place():
    _, minute = _minuted_meeting()
    revision = minute.current
    revision.text = "tampered"
    with pytest.raises(ValueError):
        revision.save()
    assert MinuteRevision.objects.get(pk=revision.pk).text == "The minutes were agreed."


def test_minutes_must_be_approved_by_a_later_meeting():
    meeting, _ = _minuted_meeting()
    with pytest.raises(ValidationError):
        s.approve_minutes(
            meeting, at_meeting=f.meeting(date=dt.date(2018, 1, 1)), approved_on=dt.date(2018, 1, 1)
        )


def test_raise_action_reads_month_deadline_and_is_idempotent():
    meeting = f.meeting(date=dt.date(2018, 3, 8))
    lead = f.person(initials="MW")
    a = tracker.raise_action(
        meeting,
        text="MW to clarify timeline",
        leads=[lead],
        lead_text="MW",
        deadline_text="Apr-18",
        agenda_number="5",
    )
    again = tracker.raise_action(
        meeting,
        text="MW to clarify timeline",
        leads=[lead],
        lead_text="MW",
        deadline_text="Apr-18",
        agenda_number="5",
    )
    assert a.pk == again.pk
    assert (a.deadline, a.deadline_is_month, a.deadline_text) == (
        dt.date(2018, 4, 30),
        True,
        "Apr-18",
    )
    assert list(a.leads.all()) == [lead]
    assert a.is_overdue(dt.date(2018, 5, 1)) and not a.is_overdue(dt.date(2018, 4, 30))


def test_update_action_logs_progress_and_closes_on_complete():
    action = tracker.raise_action(f.meeting(), text="Do the thing", deadline_text="Feb-18")
    tracker.update_action(
        action, on=dt.date(2018, 2, 8), status="Ongoing", progress_as_written="08/02/2018 - Ongoing"
    )
    tracker.update_action(
        action, on=dt.date(2018, 3, 8), status="Complete - No further action needed"
    )
    action.refresh_from_db()
    assert action.status.name == "Complete - no further action" and not action.is_open
    assert [str(u) for u in action.updates.all()] == [
        "08/02/2018 - Ongoing",
        "08/03/2018 - Complete - no further action",
    ]


def test_status_vocabulary_includes_the_seed_and_accepts_new_entries():
    names = set(ActionStatus.objects.values_list("name", flat=True))
    assert {
        "Ongoing",
        "Complete",
        "Complete - no further action",
        "Unconfirmed",
        "On Forward Plan",
    } <= names
    assert tracker.status_named("Deferred").name == "Deferred"
