import datetime as dt

import pytest
from django.db import transaction

from quorate.audit.models import AuditEvent
from quorate.demo import loader
from quorate.governance.models import AgendaItem, Body, Meeting, Membership
from quorate.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The full demo (reference data, then the packaged papers through the importer),
    loaded once for this module and rolled back afterwards; each test runs inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield loader.load_demo()
        transaction.set_rollback(True)


def test_demo_loads_the_southampton_bodies_and_portsmouths_hwb(demo):
    names = set(Body.objects.values_list("name", flat=True))
    assert names == {
        "Southampton Health and Care Partnership Board",
        "Joint Commissioning Board",
        "Southampton Health and Wellbeing Board",
        "Better Care Southampton Steering Board",
        "Portsmouth Health and Wellbeing Board",
    }
    hcpb = Body.objects.get(slug="health-and-care-partnership-board")
    assert hcpb.parent.name == "Southampton Health and Wellbeing Board"
    assert "Better Care Fund" in hcpb.delegated_functions


def test_demo_loads_the_meetings_the_papers_record(demo):
    got = {
        (m.body.short_name or m.body.name, m.date) for m in Meeting.objects.select_related("body")
    }
    assert got == {
        ("HCPB", dt.date(2024, 1, 25)),
        ("HCPB", dt.date(2023, 10, 16)),
        ("JCB", dt.date(2018, 6, 11)),
        ("JCB", dt.date(2018, 3, 8)),
        # meetings the JCB action tracker says raised its first two actions
        ("JCB", dt.date(2018, 2, 8)),
        ("JCB", dt.date(2018, 1, 11)),
        ("Better Care Southampton Steering Board", dt.date(2018, 4, 18)),
        ("Portsmouth Health and Wellbeing Board", dt.date(2023, 6, 28)),
        ("HWB", dt.date(2013, 5, 29)),
        ("HWB", dt.date(2013, 3, 27)),
    }


def test_demo_front_sheet_of_25_january_2024_is_as_printed(demo):
    meeting = Meeting.objects.get(date=dt.date(2024, 1, 25))
    assert meeting.notes == "PLEASE NOTE TIME OF MEETING"
    assert meeting.venue == "Conference Room 3 - Civic Centre"
    assert meeting.publication_date == dt.date(2024, 1, 17)
    assert meeting.publication_signatory == "Director of Legal and Governance"
    rows = [
        (i.number, i.title, i.lead_label, i.purposes, i.attachment, i.pages_label)
        for i in meeting.items.select_related("lead_person")
    ]
    assert rows == [
        ("1", "WELCOME AND APOLOGIES", "Chair", ["Information"], "none", ""),
        ("2", "DECLARATIONS OF INTEREST", "Chair", ["Information"], "none", ""),
        (
            "3",
            "MINUTES OF THE PREVIOUS MEETING/ ACTION TRACKER",
            "Chair",
            ["Information"],
            "attached",
            "Pages 1 - 10",
        ),
        (
            "4",
            "PROJECT FUSION UPDATE",
            "Paula Anderson",
            ["Information"],
            "attached",
            "Pages 11 - 56",
        ),
        (
            "5",
            "HEALTH & CARE QUALITY ANNUAL UPDATE",
            "Matthew Richardson",
            ["Information"],
            "attached",
            "Pages 57 - 74",
        ),
        (
            "6",
            "DRAFT DENTISTRY STRATEGY",
            "Simon Cooper",
            ["Information"],
            "to_follow",
            "To Follow",
        ),
        (
            "7",
            "BETTER CARE FUND DELIVERY & PERFORMANCE UPDATE - PAPER TO NOTE ONLY",
            "Donna Chapman",
            ["Information"],
            "none",
            "Pages 75 - 82",
        ),
    ]


def test_demo_front_sheet_of_11_june_2018_has_ten_items_with_pages(demo):
    items = AgendaItem.objects.filter(meeting__date=dt.date(2018, 6, 11))
    assert [i.number for i in items] == [str(n) for n in range(1, 11)]
    assert items.get(number="6").pages_label == "Pages 27 - 98"
    assert items.get(number="2").purposes == ["Decision"]
    assert items.get(number="8").lead_label == "Carol Alstrom"


def test_demo_front_sheet_of_29_may_2013_has_descriptions(demo):
    items = AgendaItem.objects.filter(meeting__date=dt.date(2013, 5, 29))
    assert items.count() == 7
    assert items.get(number="2").description == (
        "To elect the Chair and Vice Chair for the Municipal Year 2013/14."
    )


def test_demo_jcb_membership_on_11_june_2018_matches_the_front_sheet(demo):
    members = Membership.objects.on(dt.date(2018, 6, 11)).filter(body__short_name="JCB")
    assert {m.person.family_name for m in members} == {
        "Kelsey",
        "Bridle",
        "Richards",
        "Hammond",
        "Payne",
        "Shields",
    }


def test_demo_people_carry_initials_titles_and_organisations(demo):
    chase = Person.objects.get(family_name="Chase")
    assert (chase.honorific, chase.initials, chase.job_title, chase.organisation.short_name) == (
        "Dr",
        "DChas",
        "Director of Public Health",
        "SCC",
    )


def test_demo_load_is_idempotent(demo):
    before = (AuditEvent.objects.count(), Person.objects.count(), AgendaItem.objects.count())
    again = loader.load_demo()
    after = (AuditEvent.objects.count(), Person.objects.count(), AgendaItem.objects.count())
    assert before == after
    assert all(r.total("created") == r.total("updated") == 0 for r in again.packs)


def test_demo_reference_data_has_no_meetings_section():
    data = loader.default_data()
    assert "meetings" not in data
    assert [p["file"].split("_")[0] for p in data["packs"]] == [
        "seeds/000",
        "seeds/001",
        "seeds/003",
        "seeds/004",
    ]


def test_demo_users_include_a_clerk_and_a_linked_member(demo):
    logins = loader.ensure_demo_users()
    assert ("clerk", "clerk", "quorate-demo") in logins
    assert Person.objects.get(family_name="Chase").user.username == "member"
