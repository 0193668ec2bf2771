"""Public minutes, attendance, decisions register and action tracker; and that nothing of an
exempt item or a private meeting reaches the public through them."""

import datetime as dt

import pytest

from quorate.proceedings import services as s
from quorate.proceedings import tracker
from tests import factories as f
from tests.leaks import assert_no_markers, crawl, marker, plant_exempt_data

pytestmark = pytest.mark.django_db


def _plant_proceedings():
    """Minutes, resolutions, decisions, actions and attendance on the exempt item and the
    private meeting of ``plant_exempt_data``, each with its own marker; and public ones."""
    planted = plant_exempt_data()
    markers = planted.markers

    def m(label):
        value = marker(label)
        markers.append(value)
        return value

    meeting, private = planted.meeting, planted.private_meeting
    later = f.meeting(body=planted.body, slug="leak-test-later", date=dt.date(2024, 3, 1))
    f.agenda_item(meeting=later, order=1, number="1", title="Minutes and action tracker")
    public_item = meeting.items.get(number="1")
    public = s.draft_minute(
        meeting, number="1", title="Public item", text="PUBLIC-MINUTE-TEXT", agenda_item=public_item
    )
    s.add_resolution(public, label="i", text="PUBLIC-RESOLUTION")
    tracker.raise_action(
        meeting, text="PUBLIC-ACTION", lead_text="SR", minute=public, deadline_text="Apr-24"
    )
    s.record_decision(meeting, title="PUBLIC-DECISION", text="Agreed", agenda_item=public_item)

    exempt = s.draft_minute(
        meeting,
        number="2",
        title="Contract award (exempt)",
        text=m("exempt-minute-text"),
        presented_by=m("exempt-minute-presenter"),
        agenda_item=planted.exempt_item,
    )
    s.add_resolution(exempt, label="i", text=m("exempt-resolution"))
    tracker.raise_action(meeting, text=m("exempt-action-by-minute"), lead_text="SR", minute=exempt)
    tracker.raise_action(
        meeting, text=m("exempt-action-by-number"), agenda_number="2", subject=m("subj")
    )
    s.record_decision(
        meeting,
        title=m("exempt-decision-title"),
        text=m("exempt-decision-text"),
        agenda_item=planted.exempt_item,
    )
    resolution = exempt.resolutions.get()
    s.record_decision(
        meeting, title=m("exempt-decision-by-resolution"), text="x", resolution=resolution
    )

    s.record_attendance(
        private, person=f.person(family_name=m("private-attendee")), status="present"
    )
    pm = s.draft_minute(
        private,
        number="1",
        title=m("private-minute-title"),
        text=m("private-minute"),
        agenda_item=planted.private_item,
    )
    s.add_resolution(pm, label="i", text=m("private-resolution"))
    tracker.raise_action(private, text=m("private-action"), lead_text="SR")
    s.record_decision(private, title=m("private-decision"), text=m("private-decision-text"))
    for mt in (meeting, private):
        s.approve_minutes(mt, at_meeting=later, approved_on=later.date)
    return planted, later


def test_public_crawl_shows_public_proceedings_and_no_exempt_or_private_marker(client):
    planted, _ = _plant_proceedings()
    pages = crawl(client)
    page = pages["/meetings/leak-test-meeting/"].decode()
    assert "PUBLIC-MINUTE-TEXT" in page and "PUBLIC-RESOLUTION" in page
    assert "PUBLIC-DECISION" in pages["/boards/leak-test-board/decisions/"].decode()
    assert "PUBLIC-ACTION" in pages["/boards/leak-test-board/actions/"].decode()
    assert "PUBLIC-ACTION" in pages["/meetings/leak-test-later/"].decode()  # the live tracker
    assert_no_markers(pages, planted.markers)


def test_signed_in_non_member_sees_no_exempt_proceedings(client, django_user_model):
    planted, _ = _plant_proceedings()
    client.force_login(django_user_model.objects.create_user("outsider"))
    assert_no_markers(crawl(client), planted.markers)


def test_member_of_the_body_reads_the_exempt_minutes(client, django_user_model):
    planted, _ = _plant_proceedings()
    user = django_user_model.objects.create_user("member-y")
    f.membership(body=planted.body, person=f.person(user=user))
    client.force_login(user)
    page = client.get("/meetings/leak-test-meeting/").content.decode()
    exempt_text = planted.exempt_item.minute.current.text
    assert exempt_text in page
    tracker = client.get("/boards/leak-test-board/actions/").content.decode()
    assert "exempt-action-by-number" in tracker


def test_draft_minutes_are_public_only_once_published():
    from django.test import Client

    meeting = f.meeting(slug="draft-minutes")
    s.draft_minute(meeting, number="1", title="Welcome", text="DRAFT-TEXT")
    client = Client()
    assert "DRAFT-TEXT" not in client.get("/meetings/draft-minutes/").content.decode()
    s.publish_draft_minutes(meeting)
    page = client.get("/meetings/draft-minutes/").content.decode()
    assert "DRAFT-TEXT" in page and "Draft" in page


def test_meeting_page_shows_attendance_by_status_and_person_page_meetings_attended(client):
    meeting = f.meeting(slug="attended", date=dt.date(2018, 3, 8))
    kelsey = f.person(given_name="Mark", family_name="Kelsey", honorific="Dr", slug="mark-kelsey")
    f.membership(body=meeting.body, person=kelsey)
    richards = f.person(given_name="John", family_name="Richards", slug="john-richards")
    s.record_attendance(meeting, person=kelsey, status="present", items_note="Items 7 and 8")
    s.record_attendance(meeting, person=richards, status="apologies")
    page = client.get("/meetings/attended/").content.decode()
    assert page.index(">Present<") < page.index("Dr Mark Kelsey") < page.index(">Apologies<")
    assert "Items 7 and 8" in page
    person = client.get("/people/mark-kelsey/").content.decode()
    assert "Meetings attended" in person and "8 March 2018" in person


def test_private_meeting_attendance_is_not_public(client):
    meeting = f.meeting(slug="private-attendance", is_public=False)
    person = f.person(family_name="Secretive", slug="secretive")
    f.membership(body=meeting.body, person=person)
    s.record_attendance(meeting, person=person, status="present")
    assert "Secretive" not in client.get("/meetings/private-attendance/").content.decode()
    assert "Meetings attended" not in client.get("/people/secretive/").content.decode()


def test_decisions_register_links_report_and_shows_call_in(client):
    item = f.agenda_item(title="Contract")
    report = f.report(agenda_item=item, subject="Residential recovery")
    s.record_decision(
        item.meeting,
        title="Proceed to procurement",
        text="The Board supported the recommendation.",
        agenda_item=item,
        report=report,
        is_key_decision=True,
        call_in_deadline=dt.date(2018, 3, 15),
        call_in_status="open",
    )
    page = client.get(f"/boards/{item.meeting.body.slug}/decisions/").content.decode()
    assert "Proceed to procurement" in page and "Residential recovery" in page
    assert "Call-in period ended" in page and "15 March 2018" in page


def test_public_list_pages_make_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    body = f.body(slug="counted")
    for n in range(6):
        meeting = f.meeting(body=body, date=dt.date(2018, 1, 1) + dt.timedelta(days=30 * n))
        action = tracker.raise_action(
            meeting, text=f"Action {n}", leads=[f.person()], deadline_text="Apr-18"
        )
        tracker.update_action(action, on=meeting.date, status="Ongoing")
        s.record_decision(meeting, title=f"Decision {n}", text="x", report=f.report())
    for url in ("/boards/counted/actions/", "/boards/counted/decisions/"):
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code == 200
