"""Front-sheet headings that wrap across lines (a long title, or its page range) are read
back as one heading; ordinary prose after a heading stays its description."""

from __future__ import annotations

from quorate.core.packtext import parse_text

HEAD = """Public Document Pack

Joint Commissioning Board

Monday, 11th June, 2018 at 9.30 a.m.

Agenda

"""

TAIL = """
Monday, 23 November 2026
"""


def _items(body: str):
    (doc,) = parse_text(HEAD + body + TAIL, file="front.txt").documents
    return {i.number: i for i in doc.agenda_items}


def _range(item):
    return (item.pages.first, item.pages.last) if item.pages else None


def test_a_page_range_split_across_lines_is_joined():
    items = _items(
        "4 PREVIOUS MINUTES/MATTERS ARISING AND ACTION TRACKER (Pages 3 -\n"
        "8)\n"
        "Lead\tItem For\tAttachment\n"
        "Chair\tDecision\tAttached\n"
        "5 MEMORANDUM OF UNDERSTANDING AND TERMS OF REFERENCE (Page 9)\n"
    )
    assert items["4"].title == "PREVIOUS MINUTES/MATTERS ARISING AND ACTION TRACKER"
    assert _range(items["4"]) == (3, 8)
    assert _range(items["5"]) == (9, 9)


def test_a_wrapped_title_ending_with_its_range_is_joined():
    items = _items(
        "7 BETTER CARE FUND DELIVERY & PERFORMANCE UPDATE - PAPER TO\n"
        "NOTE ONLY (Pages 12 - 15)\n"
        "Report of the Cabinet Member for Adults & Health providing a quarterly update.\n"
    )
    item = items["7"]
    assert item.title == "BETTER CARE FUND DELIVERY & PERFORMANCE UPDATE - PAPER TO NOTE ONLY"
    assert _range(item) == (12, 15)
    assert item.description == (
        "Report of the Cabinet Member for Adults & Health providing a quarterly update."
    )


def test_a_range_alone_on_the_next_line_and_to_follow_split_are_joined():
    items = _items(
        "2 A VERY LONG TITLE THAT FILLS THE WHOLE WIDTH OF THE LINE\n"
        "(Pages 4 - 6)\n"
        "3 ANOTHER EXTREMELY LONG ITEM TITLE WHICH WRAPS ONTO (To\n"
        "Follow)\n"
    )
    assert items["2"].title == "A VERY LONG TITLE THAT FILLS THE WHOLE WIDTH OF THE LINE"
    assert _range(items["2"]) == (4, 6)
    assert items["3"].title == "ANOTHER EXTREMELY LONG ITEM TITLE WHICH WRAPS ONTO"
    assert items["3"].to_follow and items["3"].pages is None


def test_a_long_title_without_papers_joins_its_capitalised_continuation():
    items = _items(
        "9 BETTER CARE STEERING BOARD TERMS OF REFERENCE AND MEMBERSHIP\n"
        "ARRANGEMENTS FOR 2018/19\n"
        "Lead\tItem For\tAttachment\n"
        "Chair\tDecision\tNone\n"
    )
    assert items["9"].title == (
        "BETTER CARE STEERING BOARD TERMS OF REFERENCE AND MEMBERSHIP ARRANGEMENTS FOR 2018/19"
    )
    assert items["9"].pages is None


def test_prose_and_short_headings_are_not_taken_as_title_continuations():
    items = _items(
        "3 DECLARATIONS OF INTEREST\n"
        "NOTE\n"
        "A conflict of interest occurs where an individual's ability to exercise judgement\n"
        "4 PREVIOUS MINUTES/MATTERS ARISING AND ACTION TRACKER (Pages 3 - 8)\n"
        "TO APPROVE THE MINUTES\n"
    )
    assert items["3"].title == "DECLARATIONS OF INTEREST"
    assert items["3"].description.startswith("NOTE")
    assert items["4"].title == "PREVIOUS MINUTES/MATTERS ARISING AND ACTION TRACKER"
    assert items["4"].description == "TO APPROVE THE MINUTES"
