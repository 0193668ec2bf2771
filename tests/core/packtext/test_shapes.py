"""The family, not just the five seeds: other councils' layouts of the same documents."""

from __future__ import annotations

import datetime as dt

from quorate.core.packtext import parse_text
from quorate.core.packtext.dates import month_end

AGENDA = """Public Document Pack

Health and Wellbeing Board

Tuesday, 5th March, 2024 at 2.00 pm

Council Chamber

AGENDA

II APOLOGIES FOR ABSENCE

GBP/2122/255 BETTER CARE FUND PLAN (Pages 3 - 9)

To consider the plan. This report is exempt under paragraph 3 of Schedule 12A.

Dates of Meetings

12 th April\t10 th January
14 th June\t14 th February

Friday, 23 February 2024

Chief Executive
"""

MINUTES = """MINUTES OF THE MEETING OF THE HEALTH AND WELLBEING BOARD HELD ON 3 APRIL 2024

Present: Councillor Smith (Chair), Councillor Jones (represented by Councillor Brown),

Dr A Patel (remote) and Ms B Green

Apologies: Mr C White

1. Minutes

RESOLVED: That the minutes be approved.

2. Better Care Fund

The Board RESOLVED

(a) to note the report;
(b) to approve the plan.

Action: AP to circulate the plan.
"""

TRACKER = """Action Log
No\tDate raised\tAction\tOwner\tDue date\tStatus
1\t01/02/2024\tWrite the plan\tAA\t31/03/2024\tOpen
Page 4
No\tDate raised\tAction\tOwner\tDue date\tStatus
2\t01/02/2024\tSend the\tBB\tMarch 2024\tComplete
\t\tletter\t\t\t
"""


def test_agenda_numbers_as_printed_and_no_items_from_date_tables():
    (doc,) = parse_text(AGENDA, file="a.txt").documents
    items = doc.agenda_items
    assert [(i.number, i.title) for i in items] == [
        ("II", "APOLOGIES FOR ABSENCE"),
        ("GBP/2122/255", "BETTER CARE FUND PLAN"),
    ]
    assert items[1].exempt_paragraph == 3
    assert items[1].pages is not None and (items[1].pages.first, items[1].pages.last) == (3, 9)
    assert (
        items[1].description
        == "To consider the plan. This report is exempt under paragraph 3 of Schedule 12A."
    )
    assert doc.publication_date == dt.date(2024, 2, 23)
    assert doc.signatory == "Chief Executive"
    assert doc.meeting is not None and doc.meeting.start_time == "14:00"


def test_minutes_with_represented_by_and_inline_resolved():
    (doc,) = parse_text(MINUTES, file="m.txt").documents
    assert doc.kind == "minutes"
    assert doc.meeting is not None
    assert doc.meeting.body_name == "HEALTH AND WELLBEING BOARD"
    assert doc.meeting.date == dt.date(2024, 4, 3)
    assert doc.meeting.chair == "Councillor Smith"
    people = {p.name: p for p in doc.attendance}
    assert people["Councillor Brown"].status == "substitute"
    assert people["Councillor Brown"].substitute_for == "Councillor Jones"
    assert people["Dr A Patel"].mode == "remote"
    assert people["Mr C White"].status == "apologies"
    first, second = doc.minutes_items
    assert first.resolutions == ("That the minutes be approved.",)
    assert second.resolutions == ("to note the report;", "to approve the plan.")
    assert [(a.owner, a.text) for a in second.actions] == [("AP", "AP to circulate the plan.")]


def test_headerless_minutes_truncated_mid_table_is_a_partial_parse():
    text = (
        "Present:\tName\tInitials\tTitle\tOrganisation\n"
        "\tAnne Apple\tAA\tDirector\tCouncil\n\tBob Berry\tBB\tChief"
    )
    pack = parse_text(text, file="t.txt")
    (doc,) = pack.documents
    assert [(p.name, p.initials, p.role) for p in doc.attendance] == [
        ("Anne Apple", "AA", "Director"),
        ("Bob Berry", "BB", "Chief"),
    ]
    assert any("no numbered minutes" in w.message and w.line == 1 for w in pack.warnings)


def test_tracker_with_repeated_header_and_wrapped_row():
    (doc,) = parse_text(TRACKER, file="t.txt").documents
    assert doc.kind == "action_tracker" and doc.title == "Action Log"
    assert [(a.text, a.owner, a.deadline_date, a.status) for a in doc.actions] == [
        ("Write the plan", "AA", dt.date(2024, 3, 31), "Open"),
        ("Send the letter", "BB", dt.date(2024, 3, 31), "Complete"),
    ]


def test_month_deadlines_mean_the_last_day():
    assert month_end("Apr-18") == dt.date(2018, 4, 30)
    assert month_end("Feb-24") == dt.date(2024, 2, 29)
    assert month_end("soon") is None
