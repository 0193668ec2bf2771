"""Each seed imported into an empty database: what was stored."""

import datetime as dt

import pytest

from quorate.governance.models import AgendaItem, Body, Meeting, Report
from quorate.people.models import Organisation, Person
from quorate.proceedings.models import Action, Attendance, Minute, MinutesApproval
from tests.importing.helpers import HCPB, HWB, JCB, PORTSMOUTH, import_seed

pytestmark = pytest.mark.django_db


def test_import_hcpb_pack_stores_front_sheet_minutes_and_reports():
    result = import_seed(HCPB)
    assert result.counts["meetings"]["created"] == 2
    own = Meeting.objects.get(date=dt.date(2024, 1, 25))
    assert own.body.name == "Southampton Health and Care Partnership Board"
    assert (own.status, own.publication_date, own.venue) == (
        "agenda_published",
        dt.date(2024, 1, 17),
        "Conference Room 3 - Civic Centre",
    )
    assert own.apologies_to.name == "Natalie Johnson"
    assert [i.number for i in own.items.all()] == ["1", "2", "3", "4", "5", "6", "7"]
    held = Meeting.objects.get(date=dt.date(2023, 10, 16))
    assert (held.status, held.end_time) == ("held", dt.time(11, 30))
    assert held.minutes_approval.state == "draft"
    assert held.minutes_approval.draft_published_at is not None
    assert Attendance.objects.filter(meeting=held).count() == 19
    chase = Attendance.objects.get(meeting=held, person__family_name="Chase")
    assert (chase.status, chase.initials_as_recorded, chase.person.honorific) == (
        "present",
        "DChas",
        "Dr",
    )
    assert [m.title for m in Minute.objects.filter(meeting=held)][:2] == [
        "Welcome and Apologies",
        "Declarations of Interest",
    ]
    reports = Report.objects.filter(agenda_item__meeting=own).order_by("agenda_item__order")
    assert [(r.agenda_item.number, r.subject) for r in reports] == [
        ("4", "Project Fusion Update"),
        ("5", "Health and Care Quality Update"),
        ("7", "Better Care Fund 2023-2024 Quarterly Update"),
    ]
    # the organisations the minutes name in full are created; 'SCC' then matches
    assert Organisation.objects.get(short_name="SCC").name == "Southampton City Council"


def test_import_hcpb_warns_about_minutes_approved_of_a_meeting_not_held():
    result = import_seed(HCPB)
    messages = [(w.line, w.message) for w in result.warnings]
    assert any(
        line == 107 and "16 February 2023" in m and "not recorded" in m for line, m in messages
    )
    assert MinutesApproval.objects.filter(state="approved").count() == 0


def test_import_jcb_pack_stores_the_tracker_with_its_progress_log():
    import_seed(JCB)
    jcb = Body.objects.get(name="Southampton Joint Commissioning Board")  # the council named
    tracked = Action.objects.filter(body=jcb).exclude(deadline_text="")
    assert tracked.count() == 8
    first = tracked.get(text__startswith="JRimmer and Peter Horne")
    assert (first.meeting.date, first.deadline, first.deadline_is_month) == (
        dt.date(2018, 1, 11),
        dt.date(2018, 2, 28),
        True,
    )
    update = first.updates.get()
    assert (update.on, update.status.name, update.progress_as_written) == (
        dt.date(2018, 2, 8),
        "Ongoing",
        "08/02/2018 - Ongoing",
    )
    letts = tracked.get(text__startswith="Cllr Letts to circulate")
    assert [p.name for p in letts.leads.all()] == ["Simon Letts"]
    assert letts.minute.number == "3"
    assert tracked.get(text__startswith="Update on high").status.name == "On Forward Plan"
    # the minutes' own actions that the tracker carries are not raised twice
    march = Action.objects.filter(meeting__date=dt.date(2018, 3, 8))
    assert march.count() == 7
    assert march.filter(text__startswith="The Board agreed that following").exists()


def test_import_jcb_pack_stores_the_steering_boards_minutes_under_its_own_body():
    import_seed(JCB)
    steering = Meeting.objects.get(date=dt.date(2018, 4, 18))
    assert steering.body.name == "Better Care Southampton Steering Board"
    assert steering.body.kind == "sub_group"
    ramsey = Attendance.objects.get(meeting=steering, person__family_name="Ramsey")
    assert ramsey.substitute_for.name == "Suki Sitaram"  # 'Sitarum' in the minutes
    assert Person.objects.filter(family_name__startswith="Sitar").count() == 1
    jh = Action.objects.get(meeting=steering, text__startswith="JH to review")
    assert [p.name for p in jh.leads.all()] == ["Jane Hayward"]


def test_import_portsmouth_report_with_body_option():
    result = import_seed(PORTSMOUTH, body="Portsmouth Health and Wellbeing Board")
    body = Body.objects.get()
    assert (body.name, body.kind) == ("Portsmouth Health and Wellbeing Board", "hwb")
    report = Report.objects.get()
    assert report.for_information_only is True
    assert report.report_of == "Andy Biddle, Director of Adult Care"
    assert report.agenda_item.meeting.date == dt.date(2023, 6, 28)
    assert any("stored as item 1" in w.message for w in result.warnings)


def test_import_hwb_pack_stores_shadow_board_minutes_with_resolutions():
    import_seed(HWB)
    shadow = Meeting.objects.get(date=dt.date(2013, 3, 27))
    assert shadow.title == "Shadow Health and Wellbeing Board"
    assert shadow.body == Meeting.objects.get(date=dt.date(2013, 5, 29)).body
    minutes = Minute.objects.filter(meeting=shadow)
    assert [m.number for m in minutes] == ["17", "18", "19", "20", "21", "22"]
    twenty = minutes.get(number="20")
    assert [r.label for r in twenty.resolutions.all()] == ["i", "ii"]
    rayment = Attendance.objects.get(meeting=shadow, person__family_name="Rayment")
    assert rayment.items_note == "Items 7 and 8"
    hannigan = Attendance.objects.get(meeting=shadow, person__family_name="Hannigan")
    assert (hannigan.status, hannigan.substitute_for.family_name) == ("present", "Dymond")
    assert Person.objects.filter(family_name="Dymond").count() == 1
    assert AgendaItem.objects.filter(meeting=shadow).count() == 6
