"""Agenda numbers as people write them, and attendance notes naming agenda items."""

import pytest

from quorate.core.quorum import agenda_number_key, items_from_note

AGENDA = ["1", "2", "3", "4", "5", "5a", "6", "7", "8", "17"]


@pytest.mark.parametrize(
    ("written", "key"),
    [("Item 5", "5"), ("05", "5"), ("5.", "5"), (" 5 ", "5"), ("Agenda Item 5A", "5a")],
)
def test_agenda_number_key(written, key):
    assert agenda_number_key(written) == key


@pytest.mark.parametrize(
    ("note", "items"),
    [
        ("Items 7 and 8", {"7", "8"}),
        ("Item 7", {"7"}),
        ("items 07 & 8.", {"7", "8"}),
        ("Items 3-5", {"3", "4", "5"}),
        ("Items 3 to 5a", {"3", "4", "5", "5a"}),
        ("Items 6, 7 and 8", {"6", "7", "8"}),
        ("item 5a", {"5a"}),
        ("Item 17", {"17"}),
    ],
)
def test_items_from_note_maps_numbers_on_the_agenda(note, items):
    assert items_from_note(note, AGENDA) == frozenset(items)


@pytest.mark.parametrize(
    "note",
    [
        "",
        "late",
        "from item 5",  # arrival needs mapping by the clerk, not a guess
        "Items 7 and 9",  # 9 is not on the agenda: the numbering differs
        "Items 70",
        "Items 5b",
        "until 6",
    ],
)
def test_items_from_note_is_none_when_it_cannot_be_mapped(note):
    assert items_from_note(note, AGENDA) is None
