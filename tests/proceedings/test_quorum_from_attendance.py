"""Both seed quorum rules, on attendance from the seeds' minutes, recorded through the
services into the database and evaluated per agenda item."""

import datetime as dt

import pytest

from quorate.demo import loader
from quorate.governance import services as gov
from quorate.governance.models import Body, Meeting
from quorate.people.models import Person
from quorate.people.services import save_person
from quorate.proceedings import queries
from quorate.proceedings import services as s

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    loader.load(loader.default_data())


def _person(name):
    return save_person(name=name)


def test_demo_terms_carry_both_structured_rules(demo):
    jcb = queries.quorum_rule_for(
        Meeting(body=Body.objects.get(short_name="JCB"), date=dt.date(2018, 3, 8))
    )[0]
    hwb = queries.quorum_rule_for(
        Meeting(body=Body.objects.get(short_name="HWB"), date=dt.date(2013, 3, 27))
    )[0]
    assert (jcb.minimum_members, [g.minimum for g in jcb.groups]) == (4, [2, 2])
    assert hwb.minimum_members == 3 and len(hwb.groups) == 3


def _jcb_8_march_2018():
    """Seed 001: minutes of 8 March 2018 (Present / In attendance / Apologies)."""
    body = Body.objects.get(short_name="JCB")
    meeting = gov.schedule_meeting(body, date=dt.date(2018, 3, 8), title="Test")
    for n in range(1, 8):
        gov.save_agenda_item(meeting, number=str(n), title=f"Item {n}")
    for name in (
        "Dr Mark Kelsey",
        "Councillor Simon Letts",
        "June Bridle",
        "Councillor David Shields",
        "Councillor Warwick Payne",
    ):
        s.record_attendance(meeting, person=_person(name), status="present")
    for name in (
        "Dawn Baxendale",
        "Suki Sitaram",
        "Stephanie Ramsey",
        "Beccy Willis",
        "Amanda Luker",
        "Carole Binns",
        "Matthew Waters",
        "Donna Chapman",
        "Sarah Spooner",
    ):
        s.record_attendance(meeting, person=_person(name), status="in_attendance")
    for name in (
        "John Richards",
        "Mel Creighton",
        "James Rimmer",
        "Claire Heather",
        "Sarita Riley",
    ):
        s.record_attendance(meeting, person=_person(name), status="apologies")
    return meeting


def test_jcb_8_march_2018_quorate_for_every_item(demo):
    panel = queries.quorum_panel(_jcb_8_march_2018())
    assert len(panel.items) == 7 and panel.all_quorate
    assert panel.whole_meeting.reasons == (
        "Quorate: 5 voting members present (at least 4 needed); council 3 (at least 2), "
        "CCG 2 (at least 2)",
    )
    assert ("Stephanie Ramsey", "in attendance, not a member") in panel.whole_meeting.not_counted


def test_jcb_not_quorate_without_june_bridle_until_a_deputy_stands_in(demo):
    meeting = _jcb_8_march_2018()
    bridle = Person.objects.get(family_name="Bridle")
    s.record_attendance(meeting, person=bridle, status="apologies")
    panel = queries.quorum_panel(meeting)
    assert panel.whole_meeting.reasons == (
        "Not quorate: only 1 member from the CCG present (at least 2 needed)",
    )
    deputy = _person("Alex Deputy")
    s.record_attendance(
        meeting,
        person=deputy,
        status="present",
        substitute_for=Person.objects.get(family_name="Richards"),
    )
    panel = queries.quorum_panel(meeting)
    assert panel.all_quorate
    assert [c.name for c in panel.whole_meeting.counted if c.substitute] == ["Alex Deputy"]


def _hwb_27_march_2013():
    """Seed 004: Councillors Rayment and Stevens for items 7 and 8 only; Joe Hannigan a
    nominated substitute for Harry Dymond (apologies). Agenda items 1-8."""
    body = Body.objects.get(short_name="HWB")
    meeting = gov.schedule_meeting(body, date=dt.date(2013, 3, 27), title="Shadow HWB")
    items = [gov.save_agenda_item(meeting, number=str(n), title=f"Item {n}") for n in range(1, 9)]
    for name in ("Councillor Rayment", "Councillor Stevens"):
        s.record_attendance(
            meeting,
            person=_person(name),
            status="present",
            arrived_at_item=items[6],
            items_note="Items 7 and 8",
        )
    for name in (
        "Councillor Baillie",
        "Councillor Turner",
        "Dr S Townsend",
        "Dr S Ward",
        "Ms M Geary",
        "Dr A Mortimore",
    ):
        s.record_attendance(meeting, person=_person(name), status="present")
    for name in ("Councillor Bogle", "Harry Dymond"):
        s.record_attendance(meeting, person=_person(name), status="apologies")
    s.record_attendance(
        meeting,
        person=_person("Joe Hannigan"),
        status="present",
        substitute_for=Person.objects.get(family_name="Dymond"),
    )
    return meeting


def test_hwb_27_march_2013_quorate_per_item_with_partial_attendance(demo):
    panel = queries.quorum_panel(_hwb_27_march_2013())
    assert [i.item.number for i in panel.items] == [str(n) for n in range(1, 9)]
    assert panel.all_quorate
    assert panel.items[0].result.reasons == (
        "Quorate: 7 voting members present (at least 3 needed); elected member 2 "
        "(at least 1), NHS 2 (at least 1), local Healthwatch 1 (at least 1)",
    )
    assert panel.items[6].result.reasons[0].startswith("Quorate: 9 voting members present")
    hannigan = [c for c in panel.items[0].result.counted if c.name == "Joe Hannigan"]
    assert hannigan[0].substitute and hannigan[0].seat.organisation_kind == "healthwatch"


def test_hwb_not_quorate_without_the_healthwatch_substitute(demo):
    meeting = _hwb_27_march_2013()
    s.record_attendance(meeting, person=Person.objects.get(family_name="Hannigan"), status="absent")
    panel = queries.quorum_panel(meeting)
    assert not panel.all_quorate
    assert panel.items[0].result.reasons == (
        "Not quorate: no member from the local Healthwatch present (at least 1 needed)",
    )


def test_body_without_a_structured_rule_says_so():
    from tests import factories as f

    meeting = f.meeting()
    panel = queries.quorum_panel(meeting)
    assert panel.rule is None and panel.items == ()


def test_without_verdict_drops_the_word_the_tag_already_says():
    from quorate.proceedings.templatetags.quorum_tags import without_verdict

    assert without_verdict(("Quorate: 5 voting members present (at least 4 needed)",)) == (
        "5 voting members present (at least 4 needed)"
    )
    assert without_verdict(
        ("Not quorate: only 1 member from the CCG present", "Not quorate: 3 present")
    ) == ("only 1 member from the CCG present 3 present")
