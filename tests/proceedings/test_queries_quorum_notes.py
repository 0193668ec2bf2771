"""Part-meeting attendance given only by an items note ("Items 7 and 8"): counted for the
items it names when they are on the agenda; otherwise left out of every count and listed
on the panel as not mapped, never counted for the whole meeting."""

import datetime as dt

import pytest

from quorate.demo import loader
from quorate.governance import services as gov
from quorate.governance.models import Body
from quorate.people.models import Person
from quorate.people.services import save_person
from quorate.proceedings import queries
from quorate.proceedings import services as s

pytestmark = pytest.mark.django_db


@pytest.fixture
def reference():
    loader.load(loader.default_data())


def _hwb_27_march_2013(numbers):
    """Seed 004 as imported: Councillors Rayment and Stevens present "(Items 7 and 8)", no
    arrival or departure item recorded; the agenda numbered ``numbers``."""
    body = Body.objects.get(short_name="HWB")
    meeting = gov.schedule_meeting(body, date=dt.date(2013, 3, 27), title="Shadow HWB")
    for n in numbers:
        gov.save_agenda_item(meeting, number=str(n), title=f"Item {n}")
    for name in ("Councillor Rayment", "Councillor Stevens"):
        s.record_attendance(
            meeting, person=save_person(name=name), status="present", items_note="Items 7 and 8"
        )
    for name in (
        "Councillor Baillie",
        "Councillor Turner",
        "Dr S Townsend",
        "Dr S Ward",
        "Ms M Geary",
        "Dr A Mortimore",
    ):
        s.record_attendance(meeting, person=save_person(name=name), status="present")
    for name in ("Councillor Bogle", "Harry Dymond"):
        s.record_attendance(meeting, person=save_person(name=name), status="apologies")
    s.record_attendance(
        meeting,
        person=save_person(name="Joe Hannigan"),
        status="present",
        substitute_for=Person.objects.get(family_name="Dymond"),
    )
    return meeting


def _names(result):
    return {c.name for c in result.counted}


def test_note_naming_items_not_on_the_agenda_is_not_mapped_and_not_counted(reference):
    # As imported from the minutes: the agenda is numbered 17-22, the note says 7 and 8.
    panel = queries.quorum_panel(_hwb_27_march_2013(range(17, 23)))
    rayment = next(a.name for a in panel.unmapped if "Rayment" in a.name)
    assert [(a.note, a.items) for a in panel.unmapped] == [("Items 7 and 8", ())] * 2
    assert panel.from_notes == ()
    assert rayment not in _names(panel.whole_meeting)
    assert panel.whole_meeting.reasons[0].startswith("Quorate: 7 voting members present")
    for row in panel.items:
        assert rayment not in _names(row.result)


def test_note_naming_items_on_the_agenda_counts_for_exactly_those(reference):
    panel = queries.quorum_panel(_hwb_27_march_2013(range(1, 9)))
    assert panel.unmapped == ()
    assert [a.items for a in panel.from_notes] == [("7", "8")] * 2
    rayment = panel.from_notes[0].name
    assert rayment not in _names(panel.whole_meeting)  # not there throughout
    by_number = {row.item.number: row.result for row in panel.items}
    for n in map(str, range(1, 7)):
        assert rayment not in _names(by_number[n])
        assert by_number[n].reasons[0].startswith("Quorate: 7 voting members present")
    for n in ("7", "8"):
        assert rayment in _names(by_number[n])
        assert by_number[n].reasons[0].startswith("Quorate: 9 voting members present")


def test_arrival_item_still_wins_over_the_note(reference):
    meeting = _hwb_27_march_2013(range(1, 9))
    rayment = Person.objects.get(family_name="Rayment")
    s.record_attendance(
        meeting,
        person=rayment,
        status="present",
        items_note="Items 7 and 8",
        arrived_at_item=meeting.items.get(number="6"),
    )
    panel = queries.quorum_panel(meeting)
    assert [a.name for a in panel.from_notes] == ["Councillor Stevens"]
    by_number = {row.item.number: row.result for row in panel.items}
    assert any("Rayment" in n for n in _names(by_number["6"]))
