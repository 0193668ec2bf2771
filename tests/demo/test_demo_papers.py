"""What the demo holds from its papers, imported by ``quorate import-pack``'s service."""

import datetime as dt
from importlib import resources

import pytest
from django.db import transaction

from quorate.demo import loader
from quorate.governance.models import AgendaItem, Meeting, Report
from quorate.people.models import Person
from quorate.proceedings.models import Action, Attendance, Minute

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for these read-only tests and rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield loader.load_demo()
        transaction.set_rollback(True)


def test_demo_seeds_are_packaged_byte_identical_to_the_shared_seeds():
    from tests.core.packtext.helpers import seeds_dir

    shared = {p.name.split("_")[0]: p for p in seeds_dir().glob("00*.txt")}
    if not shared:
        pytest.skip("shared seeds not available")
    packaged = resources.files("quorate.demo").joinpath("seeds")
    for item in packaged.iterdir():
        assert item.read_bytes() == shared[item.name.split("_")[0]].read_bytes(), item.name


def test_demo_attendance_of_16_october_2023(demo):
    meeting = Meeting.objects.get(date=dt.date(2023, 10, 16))
    assert meeting.status == "held"
    rows = Attendance.objects.filter(meeting=meeting).select_related("person")
    by_name = {a.person.family_name: a for a in rows}
    chase = by_name["Chase"]
    assert (chase.status, chase.initials_as_recorded, chase.person.display_name) == (
        "present",
        "DChas",
        "Dr Debbie Chase",
    )
    assert by_name["Kaur"].status == "apologies"
    assert by_name["Chapman"].status == "in_attendance"
    assert rows.filter(status="present").count() == 9
    assert rows.filter(status="apologies").count() == 5


def test_demo_jcb_action_tracker_rows(demo):
    tracked = Action.objects.filter(body__short_name="JCB").exclude(deadline_text="")
    assert tracked.count() == 8
    circulate = tracked.get(text__startswith="Cllr Letts to circulate an MP version")
    assert (circulate.deadline_text, circulate.deadline, circulate.deadline_is_month) == (
        "Apr-18",
        dt.date(2018, 4, 30),
        True,
    )
    assert circulate.status.name == "Unconfirmed"
    assert [p.display_name for p in circulate.leads.all()] == ["Councillor Simon Letts"]
    forward = tracked.get(text="Update on high intensity users to the Board")
    assert (forward.status.name, forward.deadline) == ("On Forward Plan", dt.date(2018, 6, 30))
    ongoing = tracked.get(text__startswith="JRimmer and Peter Horne")
    update = ongoing.updates.get()
    assert (update.on, update.status.name) == (dt.date(2018, 2, 8), "Ongoing")
    assert {p.name for p in tracked.get(lead_text="SR/SS").leads.all()} == {
        "Stephanie Ramsey",
        "Suki Sitaram",
    }


def test_demo_minutes_of_27_march_2013(demo):
    meeting = Meeting.objects.get(date=dt.date(2013, 3, 27))
    assert meeting.title == "Shadow Health and Wellbeing Board"
    minutes = Minute.objects.filter(meeting=meeting)
    assert [m.number for m in minutes] == ["17", "18", "19", "20", "21", "22"]
    resolutions = list(minutes.get(number="20").resolutions.all())
    assert [r.label for r in resolutions] == ["i", "ii"]
    assert resolutions[0].text.startswith("That the Joint Health and Wellbeing Strategy")
    assert len(minutes.get(number="21").resolutions.all()) == 5
    assert meeting.minutes_approval.state == "draft"


def test_demo_minutes_of_8_march_2018(demo):
    meeting = Meeting.objects.get(date=dt.date(2018, 3, 8))
    assert Minute.objects.filter(meeting=meeting).count() == 7
    assert Attendance.objects.filter(meeting=meeting, status="apologies").count() == 5


def test_demo_report_cover_sheets(demo):
    item = AgendaItem.objects.get(meeting__date=dt.date(2024, 1, 25), number="4")
    report = item.report
    assert (report.subject, report.author_name, report.author_email) == (
        "Project Fusion Update",
        "Paula Anderson",
        "paula.anderson@southernhealth.nhs.uk",
    )
    assert report.recommendations == [
        "To note the contents of this report and receive updates as per the attached appendices."
    ]
    assert report.key_decision is False
    portsmouth = Report.objects.get(agenda_item__meeting__body__name__startswith="Portsmouth")
    assert portsmouth.for_information_only is True
    assert Report.objects.count() == 10


def test_demo_people_are_matched_not_duplicated(demo):
    assert Person.objects.filter(given_name="Donna", family_name="Chapman").count() == 1
    assert Person.objects.filter(family_name="Ramsey").count() == 1
    assert Person.objects.filter(family_name="Mortimore").count() == 1
    assert not Person.objects.filter(family_name="Moritimore").exists()
    letts = Person.objects.get(family_name="Letts")
    assert letts.actions.count() == 2
