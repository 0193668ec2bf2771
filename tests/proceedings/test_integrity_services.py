"""Integrity of the meeting-cycle services: no 500 on a second minute for an item, no
silent overwrite that says "saved", frozen minutes cover the decisions too, and a
declaration's register entry is the declaring person's, in force on the day."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from quorate.audit.services import history_for
from quorate.people import services as people_services
from quorate.proceedings import services as s
from quorate.proceedings import tracker
from quorate.proceedings.models import Action, ActionUpdate, Decision, Minute, Resolution
from tests import factories as f

pytestmark = pytest.mark.django_db


def _meeting():
    return f.meeting(date=dt.date(2018, 3, 8))


def test_a_second_minute_for_a_minuted_item_is_a_clear_error_not_an_integrity_error():
    meeting = _meeting()
    four = f.agenda_item(meeting=meeting, number="4", order=4)
    five = f.agenda_item(meeting=meeting, number="5", order=5)
    s.draft_minute(meeting, number="4", title="Four", text="first", agenda_item=four)
    with pytest.raises(ValidationError, match="Item 4 is already minuted \\(minute 4\\)"):
        s.draft_minute(meeting, number="4a", title="Again", text="second", agenda_item=four)
    m5 = s.draft_minute(meeting, number="5", title="Five", text="five", agenda_item=five)
    with pytest.raises(ValidationError, match="Item 4 is already minuted"):
        s.draft_minute(meeting, number="5", title="Five", text="five", agenda_item=four)
    m5.refresh_from_db()
    assert m5.agenda_item == five and Minute.objects.filter(meeting=meeting).count() == 2
    # Redrafting a minute on its own item is still fine.
    s.draft_minute(meeting, number="5", title="Five", text="five, redrafted", agenda_item=five)
    assert m5.current.text == "five, redrafted"


def test_a_minute_cannot_be_for_another_meetings_item():
    meeting = _meeting()
    elsewhere = f.agenda_item(number="4")
    with pytest.raises(ValidationError, match="not on the agenda"):
        s.draft_minute(meeting, number="4", title="Four", text="x", agenda_item=elsewhere)
    assert not Minute.objects.exists()


def test_a_new_resolution_with_a_label_in_use_is_refused_not_overwritten(clerk):
    minute = s.draft_minute(_meeting(), number="4", title="Four", text="x")
    s.add_resolution(minute, label="i", text="Proceed", new=True, by=clerk)
    with pytest.raises(ValidationError, match=r"already has resolution \(i\)"):
        s.add_resolution(minute, label="i", text="Something else", new=True, by=clerk)
    assert Resolution.objects.get().text == "Proceed"
    # An importer's second pass (new=False) still updates, with an audit row.
    s.add_resolution(minute, label="i", text="Proceed, amended")
    resolution = Resolution.objects.get()
    assert resolution.text == "Proceed, amended"
    assert history_for(resolution).filter(verb="update_resolution").exists()


def test_raising_an_action_already_raised_is_refused_not_overwritten(clerk):
    meeting = _meeting()
    lead, other = f.person(), f.person()
    action = tracker.raise_action(
        meeting, text="Do the thing", leads=[lead], deadline_text="Apr-18", new=True, by=clerk
    )
    with pytest.raises(ValidationError, match="already raised at this meeting"):
        tracker.raise_action(
            meeting, text="Do the thing", leads=[other], deadline_text="Dec-18", new=True
        )
    action.refresh_from_db()
    assert action.deadline_text == "Apr-18" and list(action.leads.all()) == [lead]
    assert Action.objects.count() == 1


def test_a_change_of_leads_is_audited(clerk):
    meeting = _meeting()
    lead = f.person(given_name="Stephanie", family_name="Ramsey")
    other = f.person(given_name="Sam", family_name="Smith")
    action = tracker.raise_action(meeting, text="Do the thing", leads=[lead], by=clerk)
    tracker.raise_action(meeting, text="Do the thing", leads=[lead, other], by=clerk)
    assert set(action.leads.all()) == {lead, other}
    events = list(history_for(action).filter(verb="set_action_leads").order_by("id"))
    assert [e.changes["leads"] for e in events] == [
        [[], ["Stephanie Ramsey"]],
        [["Stephanie Ramsey"], ["Sam Smith", "Stephanie Ramsey"]],
    ]
    assert {e.actor for e in events} == {clerk}
    tracker.raise_action(meeting, text="Do the thing", leads=[other, lead], by=clerk)
    assert history_for(action).filter(verb="set_action_leads").count() == 2  # no change


def test_a_second_note_on_the_same_day_and_status_is_kept(clerk):
    action = tracker.raise_action(_meeting(), text="Do the thing", lead_text="SR")
    day = dt.date(2018, 8, 1)
    tracker.update_action(action, on=day, status="Ongoing", note="First note", by=clerk)
    tracker.update_action(action, on=day, status="Ongoing", note="Second note", by=clerk)
    tracker.update_action(action, on=day, status="Ongoing", note="Second note", by=clerk)
    notes = list(ActionUpdate.objects.filter(action=action).values_list("note", flat=True))
    assert notes == ["First note", "Second note"]  # kept, and no duplicate on a resubmission
    tracker.update_action(action, on=day, status="Ongoing")  # an importer's bare entry
    assert ActionUpdate.objects.filter(action=action).count() == 2


def test_approving_approved_minutes_again_elsewhere_is_refused():
    meeting = _meeting()
    later = f.meeting(body=meeting.body, date=dt.date(2018, 6, 11))
    other = f.meeting(body=meeting.body, date=dt.date(2018, 9, 13))
    s.draft_minute(meeting, number="1", title="One", text="x")
    s.approve_minutes(meeting, at_meeting=later, approved_on=later.date)
    # The same approval again (an importer's second pass) is a no-op.
    assert s.approve_minutes(meeting, at_meeting=later, approved_on=later.date).is_frozen
    with pytest.raises(ValidationError, match="already approved at the meeting of"):
        s.approve_minutes(meeting, at_meeting=other, approved_on=other.date, text="else")
    approval = meeting.minutes_approval
    approval.refresh_from_db()
    assert approval.approved_at_meeting == later and approval.approved_on == later.date
    assert history_for(approval).filter(verb="approve_minutes").count() == 1


def test_no_new_decision_once_the_minutes_are_approved():
    meeting = _meeting()
    later = f.meeting(body=meeting.body, date=dt.date(2018, 6, 11))
    s.record_decision(meeting, title="Agreed", text="To proceed")
    s.approve_minutes(meeting, at_meeting=later, approved_on=later.date)
    assert s.record_decision(meeting, title="Agreed", text="To proceed")  # the same: no-op
    with pytest.raises(s.MinutesFrozen, match="Cannot add a decision"):
        s.record_decision(meeting, title="Late", text="After the approval")
    assert Decision.objects.count() == 1


def test_a_declaration_names_the_persons_own_entry_in_force_that_day():
    meeting = _meeting()
    person, other = f.person(), f.person()
    ended = people_services.register_interest(
        person, category="other", description="Trustee", registered_on=dt.date(2016, 1, 1)
    )
    people_services.end_interest(ended, ended_on=dt.date(2017, 12, 31))
    later = people_services.register_interest(
        person, category="other", description="Governor", registered_on=dt.date(2018, 5, 1)
    )
    theirs = people_services.register_interest(
        other, category="other", description="Director", registered_on=dt.date(2016, 1, 1)
    )
    current = people_services.register_interest(
        person, category="employment", description="Consultant", registered_on=dt.date(2017, 1, 1)
    )
    for entry, message in [
        (ended, "not in force on 8 March 2018"),
        (later, "not in force on 8 March 2018"),
        (theirs, "belongs to"),
    ]:
        with pytest.raises(ValidationError, match=message):
            s.record_declaration(meeting, person=person, kind="other", nature="x", interest=entry)
    declaration = s.record_declaration(
        meeting, person=person, kind="pecuniary", nature="x", interest=current
    )
    assert declaration.interest == current
