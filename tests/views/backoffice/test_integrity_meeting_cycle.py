"""Through the screens: what used to 500 or silently overwrite while saying "saved" now
shows a clear error on the form and saves nothing; approved minutes freeze the meeting's
details, agenda and decisions; the register forms validate their input."""

import datetime as dt

import pytest
from django.utils import timezone

from quorate.audit.services import history_for
from quorate.governance.models import Meeting
from quorate.people import services as people_services
from quorate.people.models import Interest
from quorate.proceedings import services as s
from quorate.proceedings import tracker
from quorate.proceedings.models import (
    Action,
    ActionUpdate,
    Decision,
    Minute,
    MinutesApproval,
    Resolution,
)
from tests import factories as f

pytestmark = pytest.mark.django_db


def _meeting(**kw):
    return f.meeting(body=f.body(slug="jcb"), date=dt.date(2018, 3, 8), **kw)


def _errors(response):
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    assert "govuk-error-summary" in page
    return page


def test_a_second_minute_for_an_item_shows_an_error_not_a_500(clerk_client):
    meeting = _meeting()
    four = f.agenda_item(meeting=meeting, number="4", order=4, title="Four")
    five = f.agenda_item(meeting=meeting, number="5", order=5, title="Five")
    url = f"/office/meetings/{meeting.pk}/minutes/"
    clerk_client.post(url, {"agenda_item": four.pk, "text": "first"})
    page = _errors(clerk_client.post(url, {"agenda_item": four.pk, "number": "4a", "text": "2"}))
    assert "Item 4 is already minuted (minute 4)" in page
    clerk_client.post(url, {"agenda_item": five.pk, "text": "five"})
    m5 = Minute.objects.get(number="5")
    page = _errors(
        clerk_client.post(
            f"/office/minutes/{m5.pk}/redraft/",
            {
                "redraft-agenda_item": four.pk,
                "redraft-number": "5",
                "redraft-title": "x",
                "redraft-text": "five",
            },
        )
    )
    assert "Item 4 is already minuted" in page
    m5.refresh_from_db()
    assert m5.agenda_item == five and Minute.objects.count() == 2


def test_a_resolution_label_in_use_is_refused_on_the_form(clerk_client):
    minute = s.draft_minute(_meeting(), number="4", title="Four", text="x")
    url = f"/office/minutes/{minute.pk}/resolutions/"
    clerk_client.post(url, {"resolution-text": "Proceed"})
    page = _errors(clerk_client.post(url, {"resolution-text": "Replace", "resolution-label": "i"}))
    assert "Minute 4 already has resolution (i)" in page
    assert Resolution.objects.get().text == "Proceed"


def test_raising_the_same_action_twice_is_refused_on_the_form(clerk_client):
    meeting = _meeting()
    lead, other = f.person(), f.person()
    ongoing = tracker.status_named("Ongoing").pk
    url = f"/office/meetings/{meeting.pk}/actions/"
    clerk_client.post(
        url,
        {"text": "Do the thing", "leads": [lead.pk], "deadline_text": "Apr-18", "status": ongoing},
    )
    page = _errors(
        clerk_client.post(
            url,
            {
                "text": "Do the thing",
                "leads": [other.pk],
                "deadline_text": "Dec-18",
                "status": ongoing,
            },
        )
    )
    assert "already raised at this meeting" in page
    action = Action.objects.get()
    assert action.deadline_text == "Apr-18" and list(action.leads.all()) == [lead]


def test_a_second_progress_note_the_same_day_is_kept(clerk_client):
    action = tracker.raise_action(_meeting(), text="Do the thing", lead_text="SR")
    ongoing = tracker.status_named("Ongoing").pk
    url = f"/office/actions/{action.pk}/"
    clerk_client.post(url, {"on": "2018-08-01", "status": ongoing, "note": "First note"})
    clerk_client.post(url, {"on": "2018-08-01", "status": ongoing, "note": "Second note"})
    notes = list(ActionUpdate.objects.filter(action=action).values_list("note", flat=True))
    assert notes == ["First note", "Second note"]
    page = clerk_client.get(url).content.decode()
    assert "First note" in page and "Second note" in page


@pytest.fixture
def approved(clerk_client):
    meeting = _meeting(venue="Civic Centre")
    later = f.meeting(body=meeting.body, date=dt.date(2018, 6, 11))
    item = f.agenda_item(meeting=meeting, number="3", order=3, title="Recovery")
    s.draft_minute(meeting, number="3", title="Recovery", text="x", agenda_item=item)
    response = clerk_client.post(
        f"/office/meetings/{meeting.pk}/minutes/approve/",
        {"at_meeting": later.pk, "text": "agreed as an accurate reflection"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    return meeting, item, later


def test_approving_approved_minutes_at_another_meeting_is_refused(clerk_client, approved):
    meeting, _, later = approved
    other = f.meeting(body=meeting.body, date=dt.date(2018, 9, 13))
    page = _errors(
        clerk_client.post(
            f"/office/meetings/{meeting.pk}/minutes/approve/",
            {"at_meeting": other.pk, "text": "something else", "approved_on": "2018-09-13"},
        )
    )
    assert "already approved at the meeting of" in page
    approval = MinutesApproval.objects.get(meeting=meeting)
    assert approval.approved_at_meeting == later
    assert approval.approval_text == "agreed as an accurate reflection"


def test_approved_minutes_freeze_decisions_agenda_and_meeting_details(clerk_client, approved):
    meeting, item, _ = approved
    base = f"/office/meetings/{meeting.pk}/"
    page = _errors(
        clerk_client.post(
            base + "decisions/",
            {"title": "Late", "text": "After approval", "call_in_status": "not_applicable"},
        )
    )
    assert "Cannot add a decision" in page and "approved and frozen" in page
    assert not Decision.objects.exists()

    page = _errors(
        clerk_client.post(
            base + f"agenda/{item.pk}/", {"number": "3", "title": "Renamed", "attachment": "none"}
        )
    )
    assert "Cannot change agenda item 3" in page
    page = _errors(
        clerk_client.post(base + "agenda/", {"number": "4", "title": "Added", "attachment": "none"})
    )
    assert "Cannot add item 4 to the agenda" in page
    item.refresh_from_db()
    assert item.title == "Recovery" and meeting.items.count() == 1

    page = _errors(
        clerk_client.post(
            base + "edit/",
            {
                "date": "2018-07-19",
                "status": "scheduled",
                "is_public": "on",
                "venue": "Civic Centre",
            },
        )
    )
    assert "approved and frozen" in page and "correct a minute with a reasoned revision" in (
        page.lower()
    )
    meeting.refresh_from_db()
    assert (meeting.date, meeting.status) == (dt.date(2018, 3, 8), "minutes_approved")
    assert not history_for(meeting).filter(verb="update_meeting").exists()


def test_editing_a_meeting_into_a_duplicate_is_refused(clerk_client):
    meeting = _meeting()
    other = f.meeting(body=meeting.body, date=dt.date(2018, 6, 11))
    page = _errors(
        clerk_client.post(
            f"/office/meetings/{other.pk}/edit/",
            {"date": "2018-03-08", "status": "scheduled", "is_public": "on"},
        )
    )
    assert "already has a meeting on 08/03/2018" in page
    assert Meeting.objects.filter(body=meeting.body, date=dt.date(2018, 3, 8)).count() == 1


def test_the_interest_form_refuses_a_negative_value_and_a_future_date(clerk_client):
    person = f.person(slug="debbie-chase")
    url = "/office/people/debbie-chase/interests/"
    page = _errors(
        clerk_client.post(
            url,
            {
                "category": "gift_hospitality",
                "description": "Dinner",
                "registered_on": "2023-10-16",
                "value_gbp": "-45",
            },
        )
    )
    assert "The value cannot be negative" in page
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    page = _errors(
        clerk_client.post(
            url,
            {"category": "other", "description": "Trustee", "registered_on": tomorrow.isoformat()},
        )
    )
    assert "The registration date cannot be in the future" in page
    assert not Interest.objects.filter(person=person).exists()


def test_the_declaration_form_offers_the_persons_entries_in_force_on_the_day(clerk_client):
    meeting = _meeting()
    person = f.person(family_name="Letts")
    ended = people_services.register_interest(
        person, category="other", description="ENDED-ENTRY", registered_on=dt.date(2016, 1, 1)
    )
    people_services.end_interest(ended, ended_on=dt.date(2017, 12, 31))
    current = people_services.register_interest(
        person, category="other", description="CURRENT-ENTRY", registered_on=dt.date(2017, 1, 1)
    )
    people_services.register_interest(
        person, category="other", description="LATER-ENTRY", registered_on=dt.date(2018, 5, 1)
    )
    people_services.register_interest(
        f.person(), category="other", description="OTHER-ENTRY", registered_on=dt.date(2017, 1, 1)
    )
    url = f"/office/meetings/{meeting.pk}/declarations/"
    page = clerk_client.get(url).content.decode()
    assert "CURRENT-ENTRY" in page and "OTHER-ENTRY" in page  # in force that day
    assert "ENDED-ENTRY" not in page and "LATER-ENTRY" not in page
    data = {"person": person.pk, "kind": "other", "nature": "x", "action_taken": "remained"}
    page = _errors(clerk_client.post(url, {**data, "interest": ended.pk}))
    assert "not in force on 08/03/2018 (registered 01/01/2016, ended 31/12/2017)" in page
    # Re-shown for this person, only their entries in force are offered.
    assert "CURRENT-ENTRY" in page and "OTHER-ENTRY" not in page
    response = clerk_client.post(url, {**data, "interest": current.pk})
    assert response.status_code == 302
    assert person.declarations.get().interest == current


def test_a_decisions_call_in_is_updated_after_it_was_recorded_with_an_audit_row(
    clerk_client, clerk
):
    meeting = _meeting()
    decision = s.record_decision(meeting, title="Recommission", text="Agreed")
    url = f"/office/meetings/{meeting.pk}/decisions/"
    prefix = f"callin-{decision.pk}-"
    page = clerk_client.get(url).content.decode()
    assert f'name="{prefix}call_in_status"' in page and "Change call-in" in page
    bad = _errors(
        clerk_client.post(url, {"call_in": decision.pk, prefix + "call_in_status": "open"})
    )
    assert "A decision open to call-in needs its deadline" in bad
    early = _errors(
        clerk_client.post(
            url,
            {
                "call_in": decision.pk,
                prefix + "call_in_status": "open",
                prefix + "call_in_deadline": "2018-03-01",
            },
        )
    )
    assert "cannot be before the decision (08/03/2018)" in early
    decision.refresh_from_db()
    assert (decision.call_in_status, decision.call_in_deadline) == ("not_applicable", None)
    response = clerk_client.post(
        url,
        {
            "call_in": decision.pk,
            prefix + "call_in_status": "open",
            prefix + "call_in_deadline": "2018-03-15",
        },
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert (decision.call_in_status, decision.call_in_deadline) == ("open", dt.date(2018, 3, 15))
    event = history_for(decision).get(verb="update_call_in")
    assert event.actor == clerk and event.changes["call_in_status"] == ["not_applicable", "open"]
    assert "Open for call-in, by 15 March 2018" in clerk_client.get(url).content.decode()
    # A decision of another meeting cannot be reached through this page.
    elsewhere = s.record_decision(f.meeting(), title="Other", text="x")
    assert clerk_client.post(url, {"call_in": elsewhere.pk}).status_code == 404
    assert clerk_client.post(url, {"call_in": "\u00b2"}).status_code == 404  # "²", not a 500
