"""The clerk's meeting cycle through the screens: meeting, agenda, publication,
attendance and quorum, declarations, minutes to approval (then frozen), actions."""

import datetime as dt
import re

import pytest

from quorate.audit.models import AuditEvent
from quorate.governance.models import AgendaItem, Meeting
from quorate.people import services as people_services
from quorate.proceedings import services as s
from quorate.proceedings import tracker
from quorate.proceedings.models import (
    Action,
    Attendance,
    Declaration,
    Minute,
    MinuteRevision,
    Resolution,
)
from tests import factories as f

pytestmark = pytest.mark.django_db


def _meeting(**kw):
    body = f.body(slug="jcb")
    return f.meeting(body=body, date=dt.date(2018, 3, 8), **kw)


def test_create_meeting_through_the_screen_records_who_did_it(clerk_client, clerk):
    body = f.body(slug="jcb")
    response = clerk_client.post(
        "/office/bodies/jcb/meetings/new/",
        {"date": "2018-06-11", "start_time": "09:30", "venue": "Civic Centre", "is_public": "on"},
    )
    meeting = Meeting.objects.get(body=body)
    assert response.status_code == 302 and response["Location"] == f"/office/meetings/{meeting.pk}/"
    assert (meeting.date, meeting.venue, meeting.is_public) == (
        dt.date(2018, 6, 11),
        "Civic Centre",
        True,
    )
    event = AuditEvent.objects.get(object_type="governance.meeting", verb="create_meeting")
    assert event.actor == clerk
    page = clerk_client.get(f"/office/meetings/{meeting.pk}/").content.decode()
    assert "create_meeting" in page and clerk.username in page  # the history is on the page


def test_invalid_meeting_form_shows_error_summary_and_saves_nothing(clerk_client):
    f.body(slug="jcb")
    page = clerk_client.post(
        "/office/bodies/jcb/meetings/new/",
        {"date": "31/02/2018", "start_time": "10:00", "end_time": "09:00"},
    ).content.decode()
    assert "govuk-error-summary" in page and "There is a problem" in page
    assert 'href="#id_date"' in page and 'href="#id_end_time"' in page
    assert "govuk-input--error" in page and 'aria-describedby="id_date-hint id_date-error"' in page
    assert "The end time must be after the start time" in page
    assert not Meeting.objects.exists()


def test_duplicate_meeting_is_refused_with_a_clear_error(clerk_client):
    meeting = _meeting()
    page = clerk_client.post(
        "/office/bodies/jcb/meetings/new/", {"date": "2018-03-08"}
    ).content.decode()
    assert "already has a meeting on 08/03/2018" in page
    assert Meeting.objects.filter(body=meeting.body).count() == 1


def test_build_and_reorder_the_agenda_without_javascript(clerk_client):
    meeting = _meeting()
    url = f"/office/meetings/{meeting.pk}/agenda/"
    for number, title in [("1", "Welcome"), ("2", "Declarations"), ("3", "Minutes")]:
        response = clerk_client.post(url, {"number": number, "title": title, "attachment": "none"})
        assert response.status_code == 302
    clash = clerk_client.post(url, {"number": "2", "title": "Again", "attachment": "none"})
    assert "Item 2 is already on this agenda" in clash.content.decode()
    third = AgendaItem.objects.get(meeting=meeting, number="3")
    response = clerk_client.post(f"{url}{third.pk}/move/", {"direction": "up"})
    assert response.status_code == 302
    assert list(meeting.items.order_by("order").values_list("number", flat=True)) == [
        "1",
        "3",
        "2",
    ]
    clerk_client.post(f"{url}{third.pk}/move/", {"direction": "up"})
    clerk_client.post(f"{url}{third.pk}/move/", {"direction": "up"})  # already first: no-op
    assert list(meeting.items.order_by("order").values_list("number", flat=True)) == [
        "3",
        "1",
        "2",
    ]
    page = clerk_client.get(url).content.decode()
    assert 'name="direction" value="up"' in page and "<script" not in page
    assert AuditEvent.objects.filter(verb="move_agenda_item").count() == 2


def test_urgent_item_needs_its_reason(clerk_client):
    meeting = _meeting()
    page = clerk_client.post(
        f"/office/meetings/{meeting.pk}/agenda/",
        {"number": "9", "title": "Late item", "attachment": "none", "is_urgent": "on"},
    ).content.decode()
    assert "Give the reason the item is urgent" in page
    assert not AgendaItem.objects.exists()


def test_publish_agenda_records_when_and_who(clerk_client, clerk):
    meeting = _meeting()
    response = clerk_client.post(f"/office/meetings/{meeting.pk}/publish/")
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.published_at is not None and meeting.status == "agenda_published"
    assert AuditEvent.objects.get(verb="publish_agenda").actor == clerk
    page = clerk_client.get(f"/office/meetings/{meeting.pk}/").content.decode()
    assert "Publish the agenda now" not in page and "Recorded at" in page


def _jcb_members(meeting):
    council = f.organisation(kind="council", name="Southampton City Council")
    ccg = f.organisation(kind="ccg", name="Southampton City CCG")
    people = {}
    for name, org in [
        ("Kelsey", ccg),
        ("Bridle", ccg),
        ("Richards", ccg),
        ("Letts", council),
        ("Shields", council),
        ("Payne", council),
    ]:
        people[name] = f.person(family_name=name)
        f.membership(body=meeting.body, person=people[name], organisation=org)
    return people


def test_attendance_screen_shows_a_live_quorum_panel_per_item(clerk_client):
    meeting = _meeting()
    from quorate.governance.services import save_terms_of_reference

    save_terms_of_reference(
        meeting.body,
        version=1,
        quorum_rule={
            "minimum_members": 4,
            "groups": [
                {"label": "council", "minimum": 2, "organisation_kinds": ["council"]},
                {"label": "CCG", "minimum": 2, "organisation_kinds": ["ccg"]},
            ],
        },
    )
    items = [f.agenda_item(meeting=meeting, order=n, number=str(n)) for n in (1, 2, 3)]
    people = _jcb_members(meeting)
    url = f"/office/meetings/{meeting.pk}/attendance/"
    for name in ("Kelsey", "Letts", "Shields", "Payne"):
        clerk_client.post(
            url, {"person": people[name].pk, "status": "present", "mode": "in_person"}
        )
    # June Bridle arrived at item 2 (remotely).
    response = clerk_client.post(
        url,
        {
            "person": people["Bridle"].pk,
            "status": "present",
            "mode": "remote",
            "arrived_at_item": items[1].pk,
        },
    )
    assert response.status_code == 302
    page = clerk_client.get(url).content.decode()
    assert re.search(
        r'Not quorate</strong></td>\s*<td class="govuk-table__cell">only 1 member from the CCG '
        r"present \(at least 2 needed\)",
        page,
    )
    assert "5 voting members present (at least 4 needed); council 3 (at least 2), " in page
    assert "Quorate: 5 voting" not in page  # the tag says it; the reason does not repeat it
    assert page.count('govuk-tag--red">Not quorate') == 2  # item 1 and the whole meeting
    # A substitute for John Richards makes item 1 quorate too.
    deputy = f.person(family_name="Deputy")
    clerk_client.post(
        url,
        {
            "person": deputy.pk,
            "status": "present",
            "mode": "in_person",
            "substitute_for": people["Richards"].pk,
        },
    )
    page = clerk_client.get(url).content.decode()
    assert "Not quorate" not in page
    bad = clerk_client.post(
        url,
        {
            "person": deputy.pk,
            "status": "present",
            "mode": "in_person",
            "substitute_for": deputy.pk,
        },
    ).content.decode()
    assert "A person cannot substitute for themselves" in bad


def test_declaration_linked_to_the_register(clerk_client):
    meeting = _meeting()
    person = f.person(family_name="Letts")
    interest = people_services.register_interest(
        person,
        category="employment",
        description="Director, X Ltd",
        registered_on=dt.date(2017, 1, 1),
    )
    other = people_services.register_interest(
        f.person(), category="other", description="Trustee", registered_on=dt.date(2017, 1, 1)
    )
    url = f"/office/meetings/{meeting.pk}/declarations/"
    wrong = clerk_client.post(
        url,
        {
            "person": person.pk,
            "kind": "pecuniary",
            "interest": other.pk,
            "nature": "Director",
            "action_taken": "left_room",
        },
    ).content.decode()
    assert "That register entry belongs to someone else" in wrong
    clerk_client.post(
        url,
        {
            "person": person.pk,
            "kind": "pecuniary",
            "interest": interest.pk,
            "nature": "Director",
            "action_taken": "left_room",
        },
    )
    declaration = Declaration.objects.get()
    assert declaration.interest == interest
    register = clerk_client.get(f"/office/people/{person.slug}/interests/").content.decode()
    assert "Director, X Ltd" in register and "Disclosable pecuniary interest – Director" in register


def test_register_of_interests_kept_over_time(clerk_client):
    person = f.person(slug="debbie-chase")
    url = "/office/people/debbie-chase/interests/"
    clerk_client.post(
        url,
        {"category": "employment", "description": "Consultant", "registered_on": "2023-10-16"},
    )
    interest = person.interests.get()
    bad = clerk_client.post(
        f"/office/interests/{interest.pk}/end/", {f"end-{interest.pk}-ended_on": "2020-01-01"}
    )
    assert bad.status_code == 200 and "govuk-error-summary" in bad.content.decode()
    clerk_client.post(
        f"/office/interests/{interest.pk}/end/", {f"end-{interest.pk}-ended_on": "2024-04-01"}
    )
    interest.refresh_from_db()
    assert interest.ended_on == dt.date(2024, 4, 1)
    page = clerk_client.get(url).content.decode()
    assert "16 October 2023 to 1 April 2024" in page


def test_minutes_drafted_resolved_approved_then_frozen_through_the_screens(clerk_client, clerk):
    meeting = _meeting()
    later = f.meeting(body=meeting.body, date=dt.date(2018, 6, 11))
    item = f.agenda_item(meeting=meeting, number="4", order=4, title="Residential Recovery")
    response = clerk_client.post(
        f"/office/meetings/{meeting.pk}/minutes/",
        {"agenda_item": item.pk, "text": "AL talked through the highlights.", "presented_by": "AL"},
    )
    minute = Minute.objects.get()
    assert response["Location"] == f"/office/minutes/{minute.pk}/"
    assert (minute.number, minute.title) == ("4", "Residential Recovery")
    for text in ("Proceed with procurement", "Longer contract period"):
        clerk_client.post(f"/office/minutes/{minute.pk}/resolutions/", {"resolution-text": text})
    assert list(Resolution.objects.order_by("order").values_list("label", flat=True)) == ["i", "ii"]
    approve = clerk_client.post(
        f"/office/meetings/{meeting.pk}/minutes/approve/",
        {"at_meeting": later.pk, "text": "agreed as an accurate reflection"},
    )
    assert approve.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes_approval.is_frozen
    assert meeting.minutes_approval.approved_on == dt.date(2018, 6, 11)

    # Frozen: redrafting, new resolutions and attendance changes are refused, nothing saved.
    redraft = clerk_client.post(
        f"/office/minutes/{minute.pk}/redraft/",
        {"redraft-agenda_item": item.pk, "redraft-number": "4", "redraft-text": "Quietly changed"},
    )
    assert "approved and frozen" in redraft.content.decode()
    clerk_client.post(f"/office/minutes/{minute.pk}/resolutions/", {"resolution-text": "Extra"})
    attendance = clerk_client.post(
        f"/office/meetings/{meeting.pk}/attendance/",
        {"person": f.person().pk, "status": "present", "mode": "in_person"},
    )
    assert "approved and frozen" in attendance.content.decode()
    assert Resolution.objects.count() == 2 and not Attendance.objects.exists()
    assert minute.current.text == "AL talked through the highlights."

    # A correction needs a reason; it is a new revision with its author, history kept.
    no_reason = clerk_client.post(
        f"/office/minutes/{minute.pk}/correct/", {"correct-text": "Fixed", "correct-reason": ""}
    )
    assert "govuk-error-summary" in no_reason.content.decode()
    clerk_client.post(
        f"/office/minutes/{minute.pk}/correct/",
        {"correct-text": "Amanda Luker talked through the highlights.", "correct-reason": "Name"},
    )
    revisions = list(MinuteRevision.objects.filter(minute=minute).order_by("number"))
    assert [(r.number, r.reason, r.author) for r in revisions] == [
        (1, "", clerk),
        (2, "Name", clerk),
    ]
    page = clerk_client.get(f"/office/minutes/{minute.pk}/").content.decode()
    assert "AL talked through the highlights." in page  # the history stays visible
    assert "revise_minute" in page and "Reason: Name" in page
    public = clerk_client.get(meeting.get_absolute_url()).content.decode()
    assert "Amanda Luker talked through" in public


def test_actions_raised_updated_and_listed_as_my_actions_with_overdue_flag(clerk_client, clerk):
    meeting = _meeting()
    me = f.person(given_name="Stephanie", family_name="Ramsey", user=clerk)
    minute = s.draft_minute(meeting, number="5", title="Market Development", text="...")
    url = f"/office/minutes/{minute.pk}/actions/"
    missing = clerk_client.post(url, {"action-text": "Liaise", "action-status": 1})
    assert "Choose at least one lead" in missing.content.decode()
    bad_deadline = clerk_client.post(
        url,
        {
            "action-text": "Liaise",
            "action-leads": [me.pk],
            "action-deadline_text": "soonish",
            "action-status": 1,
        },
    )
    assert "Enter the deadline as a month" in bad_deadline.content.decode()
    clerk_client.post(
        url,
        {
            "action-minute": minute.pk,
            "action-text": "SR to liaise with Graham Allen",
            "action-leads": [me.pk],
            "action-lead_text": "SR",
            "action-deadline_text": "Apr-18",
            "action-status": tracker.status_named("Ongoing").pk,
        },
    )
    action = Action.objects.get()
    assert (action.agenda_number, action.deadline, action.deadline_is_month) == (
        "5",
        dt.date(2018, 4, 30),
        True,
    )
    mine = clerk_client.get("/office/actions/mine/").content.decode()
    assert "SR to liaise with Graham Allen" in mine and "Overdue" in mine
    response = clerk_client.post(
        f"/office/actions/{action.pk}/",
        {"on": "2018-05-02", "status": tracker.status_named("Complete").pk, "note": "Done"},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status.name == "Complete" and not action.is_overdue(dt.date(2024, 1, 1))
    page = clerk_client.get(f"/office/actions/{action.pk}/").content.decode()
    assert "02/05/2018 - Complete" in page and "log_action_progress" in page
    assert "Overdue" not in clerk_client.get("/office/actions/mine/").content.decode()


def test_actions_carry_forward_to_the_next_meeting_until_closed(clerk_client):
    first = _meeting()
    second = f.meeting(body=first.body, date=dt.date(2018, 6, 11))
    f.agenda_item(meeting=second, number="4", order=4, title="Previous minutes and action tracker")
    open_action = tracker.raise_action(first, text="Still to do", lead_text="SR")
    closed = tracker.raise_action(first, text="Long done", lead_text="SR")
    tracker.update_action(closed, on=dt.date(2018, 3, 9), status="Complete")
    closed_since = tracker.raise_action(first, text="Done since", lead_text="SR")
    tracker.update_action(closed_since, on=dt.date(2018, 6, 1), status="Complete")
    third = f.meeting(body=first.body, date=dt.date(2018, 4, 1))
    assert third  # a meeting in between: "since the previous meeting" means since 1 April
    page = clerk_client.get(f"/office/meetings/{second.pk}/actions/").content.decode()
    assert "Still to do" in page and "Done since" in page and "Long done" not in page
    public = clerk_client.get(second.get_absolute_url()).content.decode()
    assert "Action tracker (item 4)" in public and "Still to do" in public
    tracker.update_action(open_action, on=dt.date(2018, 3, 20), status="Complete")
    page = clerk_client.get(f"/office/meetings/{second.pk}/actions/").content.decode()
    assert "Still to do" not in page.split("Actions raised at this meeting")[0]
