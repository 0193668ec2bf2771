"""PDF tables whose cells wrap over several lines come back one line per row, cells
separated by tabs, so the pack parser reads them as it reads the seed text files."""

from __future__ import annotations

import html
import json

import pytest
import weasyprint

from quorate.adapters.textextract import extract
from quorate.core.packtext import parse_pages
from quorate.core.pdftables import page_text

STYLE = """
@page { size: A4; margin: 18mm }
body { font: 10pt serif }
table { border-collapse: collapse; width: 100% }
td, th { vertical-align: top; text-align: left; padding: 1pt 6pt 1pt 0; font-weight: normal }
"""

TRACKER_HEADER = ("Agenda No", "Meeting Date", "Subject", "Action", "Lead", "Deadline", "Progress")
# (agenda no, meeting date, subject, action, lead, deadline, progress), after seed 001
TRACKER = [
    (
        "3",
        "11/01/2018",
        "Matters Arising - RSH Future Options",
        "JRimmer and Peter Horne to informally raise the issue with the Chief Executive"
        " Officer of NHS Property Services",
        "JRimmer",
        "Feb-18",
        "08/02/2018 - Ongoing",
    ),
    (
        "8",
        "08/02/2018",
        "Integration Board Minutes",
        "SR/SS to look at SCC Integration Board attendance",
        "SR/SS",
        "Mar-18",
        "Complete",
    ),
    (
        "3",
        "08/03/2018",
        "RSH Future Options",
        "Cllr Letts to circulate an MP version of key points to Southampton City MPs and wider",
        "Cllr Letts",
        "Apr-18",
        "Unconfirmed",
    ),
    (
        "",
        "08/03/2018",
        "Market Development and Care Home Market",
        "Cllr Letts to explore with politicians the proposed changes to bands for the"
        " published rate levels and whether Hampshire County Council would consider"
        " different rates across the county",
        "Cllr Letts",
        "Apr-18",
        "Unconfirmed",
    ),
    (
        "5",
        "08/03/2018",
        "",
        "SR to liaise with Graham Allen",
        "SR",
        "Apr-18",
        "Complete - No further action needed",
    ),
    (
        "",
        "08/03/2018",
        "Shaping",
        "MW to clarify timeline so that pressure points are highlighted and plan can be"
        " established for workforce capacity depending on how many beds are required",
        "MW",
        "Apr-18",
        "Complete - Timeline agreed as part of the ICU plan for the year",
    ),
    (
        "6",
        "08/03/2018",
        "Better Care Quarterly Report - Q3",
        "DC to add Care Technology as a priority for Better Care",
        "DC",
        "Apr-18",
        "Complete",
    ),
    (
        "7",
        "08/03/2018",
        "Performance Report",
        "Update on high intensity users to the Board",
        "DC",
        "Jun-18",
        "On Forward Plan",
    ),
]
TRACKER_WIDTHS = ("8%", "12%", "15%", "27%", "10%", "10%", "18%")

# (label, name, initials, title, organisation), after seed 000
ATTENDANCE = [
    ("Present:", "", "INITIAL", "TITLE", "ORG"),
    (
        "",
        "Councillor Lorna Fielker",
        "Cllr Fielker",
        "Cabinet Member – Health and Adults and Leisure",
        "Southampton City Council (SCC)",
    ),
    ("", "Dr Debbie Chase", "DChas", "Director of Public Health", "SCC"),
    ("", "Claire Edgar", "CE", "Executive Director of Wellbeing & Housing (DASS)", "SCC"),
    ("", "Dr Pauline Grant", "PG", "Clinical Director", "ICB"),
    ("", "James House", "JH", "Southampton Place Director", "ICB"),
    ("", "Rob Kurn", "RK", "Chief Executive Officer", "Southampton Voluntary Services"),
    ("", "Duncan Linning-Karp", "DL", "Deputy Chief Operating Officer", "UHS"),
    ("", "Jo Pinhorne", "JP", "Deputy Chief Operating Officer", "Solent NHS Trust"),
    ("", "Dr Sarah Young", "SY", "Clinical Director", "ICB"),
    ("In attendance:", "Terry Clark", "TC", "Director of Commissioning Health and Care", "ICB"),
    ("", "Rob Henderson", "RH", "Executive Director Wellbeing (Children and Learning)", "SCC"),
    (
        "",
        "Donna Chapman",
        "DC",
        "Deputy Director Integrated Commissioning Unit",
        "Integrated Care Board (ICB) / SCC",
    ),
    ("", "Emily Goodwin", "EG", "Democratic Services Officer", "SCC"),
    ("", "Natalie Johnson", "NJ", "Board Manager - Place", "ICB/SCC"),
    ("Apologies:", "Councillor Satvir Kaur", "Cllr Kaur", "Leader", "SCC"),
    (
        "",
        "Councillor Alexander Winning",
        "Cllr Winning",
        "Cabinet Member for Children and Learning",
        "SCC",
    ),
    ("", "Mel Creighton", "MC", "Executive Director, Corporate services", "SCC"),
    ("", "Martin DeSouza", "MDS", "Chief Operating Officer", "UHS"),
    ("", "Eugene Jones", "EJ", "Chief Operating Officer", "Southern Health NHS Foundation Trust"),
]
ATTENDANCE_WIDTHS = ("14%", "24%", "12%", "28%", "22%")


def _table(rows, widths) -> str:
    cols = "".join(f'<col style="width:{w}">' for w in widths)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table>{cols}{body}</table>"


def _pack_html() -> str:
    minutes = (
        "<p>Meeting Minutes</p><p>Health and Wellbeing Board</p>"
        "<p>The meeting was held on Monday 16th October 2023, 09:30 - 11:30 Council Chamber</p>"
        + _table(ATTENDANCE, ATTENDANCE_WIDTHS)
        + "<p>1. Welcome and Apologies</p>"
        "<p>Members were welcomed to the meeting. This paragraph is long enough to wrap over"
        " more than one line of the page so that the adapter has to keep it as it is, line by"
        " line, without folding it into anything.</p>"
    )
    tracker = "<p>Joint Commissioning Board - Action Tracker</p>" + _table(
        [TRACKER_HEADER, *TRACKER], TRACKER_WIDTHS
    )
    return (
        f"<html><head><style>{STYLE}</style></head><body>{minutes}"
        f'<div style="break-before:page">{tracker}</div></body></html>'
    )


@pytest.fixture(scope="module")
def pack_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf-tables") / "pack.pdf"
    weasyprint.HTML(string=_pack_html()).write_pdf(path)
    return path


def test_wrapped_cells_are_folded_back_into_their_rows(pack_pdf):
    pages = extract(pack_pdf).pages
    tracker = pages[1].splitlines()
    header = next(i for i, line in enumerate(tracker) if line.startswith("Agenda No"))
    assert tracker[header].split("\t") == list(TRACKER_HEADER)
    rows = [line.split("\t") for line in tracker[header + 1 :] if line.strip()]
    expected = [list(row) for row in TRACKER]
    for row in expected:
        while row and not row[-1]:
            row.pop()
    assert rows == expected


def test_parse_pack_reads_every_tracker_row_and_attendee(pack_pdf):
    pages = extract(pack_pdf).pages
    pack = parse_pages(pages, file=str(pack_pdf))
    trackers = [d for d in pack.documents if d.kind == "action_tracker"]
    assert len(trackers) == 1
    actions = trackers[0].actions
    assert len(actions) == 8
    assert [a.subject for a in actions] == [row[2] or None for row in TRACKER]
    assert [a.owner for a in actions] == [row[4] for row in TRACKER]
    assert [a.deadline for a in actions] == [row[5] for row in TRACKER]
    assert [a.text for a in actions] == [row[3] for row in TRACKER]
    minutes = [d for d in pack.documents if d.kind == "minutes"]
    assert len(minutes) == 1
    people = minutes[0].attendance
    names = [p.name for p in people]
    assert len(people) == 19, names
    assert "Councillor Lorna Fielker" in names and "Eugene Jones" in names
    fielker = next(p for p in people if p.name == "Councillor Lorna Fielker")
    assert fielker.role == "Cabinet Member – Health and Adults and Leisure"
    statuses = [p.status for p in people]
    assert statuses.count("present") == 9
    assert statuses.count("in_attendance") == 5
    assert statuses.count("apologies") == 5


def test_paragraph_lines_are_left_as_they_were(pack_pdf):
    lines = extract(pack_pdf).pages[0].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Members were welcomed"))
    paragraph = lines[start : start + 3]
    assert all("\t" not in line for line in paragraph)
    assert "without folding" not in paragraph[0]  # the wrapped paragraph is not joined
    assert paragraph[-1].endswith("it into anything.")


def _run(x0: float, top: float, text: str, width: float | None = None) -> tuple:
    """A run of 10pt text whose top is ``top`` points down the page."""
    w = width if width is not None else len(text) * 5.0
    return (x0, 800.0 - top - 10.0, x0 + w, 800.0 - top, text)


def test_paragraph_lines_stay_one_line_each():
    runs = [
        _run(50, 0, "The Board has been established by the City Council to commission", 480),
        _run(50, 12, "health and social care in the City of Southampton. It will encourage", 470),
        _run(50, 24, "collaborative planning.", 110),
    ]
    assert page_text(runs).splitlines() == [r[4] for r in runs]


def test_rows_of_a_narrow_table_are_not_folded_together():
    # a two-column dates table far narrower than the page: nothing in it had to wrap
    runs = [
        _run(50, 0, "A paragraph as wide as the page sets the right margin of the text", 480),
        _run(50, 24, "12 th April", 55),
        _run(140, 24, "10 th January", 65),
        _run(50, 36, "14 th June", 50),
        _run(140, 36, "14 th February", 70),
        _run(50, 48, "9 th August", 55),
    ]
    lines = page_text(runs).splitlines()
    assert lines[-3:] == ["12 th April\t10 th January", "14 th June\t14 th February", "9 th August"]


def test_a_wrapped_cell_is_folded_into_its_row_and_a_new_row_is_not():
    # a full-width table: Subject (x=50..150), Action (x=160..430), Lead (x=440..530)
    runs = [
        _run(50, 0, "Matters Arising -", 85),
        _run(160, 0, "JRimmer and Peter Horne to informally raise the", 265),
        _run(440, 0, "JRimmer", 40),
        _run(50, 12, "RSH Future Options", 92),
        _run(160, 12, "issue with the Chief Executive Officer of NHS", 262),
        _run(160, 24, "Property Services", 90),
        _run(50, 36, "Integration Board", 88),
        _run(160, 36, "SR/SS to look at SCC Integration Board attendance", 250),
        _run(440, 36, "SR/SS", 30),
    ]
    assert page_text(runs).splitlines() == [
        "Matters Arising - RSH Future Options\tJRimmer and Peter Horne to informally raise the"
        " issue with the Chief Executive Officer of NHS Property Services\tJRimmer",
        "Integration Board\tSR/SS to look at SCC Integration Board attendance\tSR/SS",
    ]


def test_a_page_without_text_is_empty():
    assert page_text([]) == ""


def test_parse_pack_command_on_the_pdf_gives_every_row(pack_pdf, capsys):
    from quorate.cli import main

    assert main(["parse-pack", str(pack_pdf), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    tracker = next(d for d in data["documents"] if d["kind"] == "action_tracker")
    assert [a["owner"] for a in tracker["actions"]] == [row[4] for row in TRACKER]
    assert [a["deadline"] for a in tracker["actions"]] == [row[5] for row in TRACKER]
    minutes = next(d for d in data["documents"] if d["kind"] == "minutes")
    assert len(minutes["attendance"]) == 19
