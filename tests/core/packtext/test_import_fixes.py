"""Parser fixes from the importer audit: Schedule 12A statements and exclusions, minute
numbering styles, key decision fields, extraction noise."""

from __future__ import annotations

import pytest

from quorate.core.packtext import parse_text
from quorate.core.packtext.exempt import read_statement
from tests.core.packtext.helpers import seeds_dir

HEAD = """MINUTES OF THE MEETING OF THE HEALTH AND WELLBEING BOARD HELD ON 3 APRIL 2024

Present: Councillor Smith (Chair), Councillor Jones and Ms B Green

"""


def _minutes(body: str):
    pack = parse_text(HEAD + body, file="m.txt")
    (doc,) = [d for d in pack.documents if d.kind == "minutes"]
    return doc.minutes_items


# --- statements of confidentiality ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "paragraph", "restricted"),
    [
        (
            "This report is not for publication by virtue of paragraph 3 of Part 1 of "
            "Schedule 12A of the Local Government Act 1972.",
            3,
            True,
        ),
        ("The report is exempt under paragraphs 1 and 2 of Schedule 12A.", 1, True),
        ("Confidential. Not for publication: paragraph 5 of Part 1 of Schedule 12A.", 5, True),
        ("This report is confidential.", None, True),
        ("N/a", None, False),
        ("None.", None, False),
        ("NOT APPLICABLE", None, False),
        ("This report is for publication.", None, False),
        ("This report contains no exempt or confidential information.", None, False),
        ("The report is not considered to be confidential.", None, False),
        ("This report does not contain any exempt information.", None, False),
    ],
)
def test_confidentiality_statements(text, paragraph, restricted):
    statement = read_statement(text)
    assert (statement.paragraph, statement.restricted) == (paragraph, restricted)


def test_an_exempt_appendix_does_not_withhold_the_report():
    statement = read_statement(
        "This report is for publication. Appendix 2 is not for publication by virtue of "
        "paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972."
    )
    assert (statement.restricted, statement.paragraph, statement.appendix_only) == (
        False,
        None,
        True,
    )


COVER = """Agenda Item 9

DECISION-MAKER:\tCabinet
SUBJECT:\tHightown Care Home Disposal
DATE OF DECISION:\t14 March 2024
REPORT OF:\tDIRECTOR OF PLACE

STATEMENT OF CONFIDENTIALITY

This report is not for publication by virtue of
paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972.

BRIEF SUMMARY

The bids.

KEY DECISION?\t{key}
"""


def test_cover_sheet_statement_over_two_lines_gives_the_paragraph():
    (doc,) = parse_text(COVER.format(key="Yes"), file="c.txt").documents
    assert doc.report.exempt and doc.report.exempt_paragraph == 3
    assert doc.report.confidentiality.endswith("Local Government Act 1972.")


# --- key decision ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [("Yes", True), ("No", False), ("Yes/No N/A", None), ("N/A", None), ("Yes / No", None)],
)
def test_key_decision_offering_both_answers_is_unknown(written, value):
    (doc,) = parse_text(COVER.format(key=written), file="c.txt").documents
    assert doc.report.key_decision is value


def test_key_decision_template_line_in_seed_001_is_unknown():
    path = seeds_dir() / "001_9d9a3078e33fd8b3.txt"
    if not path.exists():
        pytest.skip("seed 001 not available")
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[3187].startswith("KEY DE\tCISION?\tYes/No N/A")
    pack = parse_text(text, file="001.txt")
    (report,) = [d.report for d in pack.documents if d.line_start == 3125]
    assert report.key_decision is None


# --- exclusion of the press and public in minutes --------------------------------------


def test_minutes_after_an_exclusion_are_exempt_until_the_public_is_readmitted():
    items = _minutes(
        "1. APOLOGIES\n\nNone.\n\n"
        "2. EXCLUSION OF THE PRESS AND PUBLIC\n\n"
        "RESOLVED that, in accordance with paragraph 3 of Schedule 12A of the Local Government "
        "Act 1972, the press and public be excluded from the meeting for the following item.\n\n"
        "3. CONTRACT AWARD\n\nThe Board awarded the contract. The press and public were then "
        "readmitted.\n\n"
        "4. ANY OTHER BUSINESS\n\nNone.\n"
    )
    assert [(i.number, i.exempt, i.exempt_paragraph) for i in items] == [
        ("1", False, None),
        ("2", False, None),
        ("3", True, 3),
        ("4", False, None),
    ]


def test_an_exclusion_without_a_paragraph_marks_what_follows_and_warns():
    text = HEAD + (
        "1. EXCLUSION OF THE PRESS AND PUBLIC\n\n"
        "RESOLVED that the press and public be excluded for the following item.\n\n"
        "2. STAFFING\n\nThe Board discussed staffing.\n"
    )
    pack = parse_text(text, file="m.txt")
    items = pack.documents[0].minutes_items
    assert (items[1].exempt, items[1].exempt_paragraph) == (True, None)
    assert any("no paragraph of Schedule 12A" in w.message for w in pack.warnings)


# --- minute numbering styles -----------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("GBP/2122/255", "GBP/2122/256"),
        ("17/21", "18/21"),
        ("1.1", "1.2"),
        ("II.", "III."),
        ("II", "III"),
        ("I.", "II."),
    ],
)
def test_minute_numbering_styles(first, second):
    items = _minutes(
        f"{first} APOLOGIES FOR ABSENCE\n\nApologies were received from Mr Black.\n\n"
        f"{second} BETTER CARE FUND PLAN\n\nRESOLVED that the plan be approved.\n"
    )
    assert [(i.number, i.title) for i in items] == [
        (first.rstrip("."), "APOLOGIES FOR ABSENCE"),
        (second.rstrip("."), "BETTER CARE FUND PLAN"),
    ]
    assert items[1].resolutions == ("that the plan be approved.",)


def test_minute_numbering_keeps_to_the_style_it_started_in():
    items = _minutes(
        "1. APOLOGIES\n\nNone.\n\n"
        "2. BETTER CARE FUND\n\n2.1 The Board noted the plan\n\n"
        "3. ANY OTHER BUSINESS\n\nNone.\n"
    )
    assert [i.number for i in items] == ["1", "2", "3"]


def test_minute_number_in_a_table_cell():
    items = _minutes(
        "17/21\tAPOLOGIES\n\tNone received.\n18/21\tMINUTES OF THE LAST MEETING\n\tAgreed.\n"
    )
    assert [i.number for i in items] == ["17/21", "18/21"]


# --- extraction noise ------------------------------------------------------------------


def test_two_runs_printed_over_each_other_are_untangled():
    from quorate.core.packtext.normalise import normalise_line

    cells = normalise_line(
        "SUBJECT:\t\tQuality Update including Provid Provider Exit Guidance\ter Fai\tlure and\t\t"
    )
    assert " ".join(c for c in cells if c) == (
        "SUBJECT: Quality Update including Provider Failure and Provider Exit Guidance"
    )
    # an ordinary line with a lower-case second cell is left alone
    assert normalise_line("Providers\tare listed\tbelow") == ("Providers", "are listed", "below")


def test_stray_dotless_i_at_a_fragment_start_is_dropped():
    from quorate.core.packtext.normalise import normalise_line

    assert normalise_line("1.\tProject Fusion – Ou\tır Plan\t\t") == (
        "1.",
        "Project Fusion – Our Plan",
    )


@pytest.mark.parametrize("written", ["A\tШ", "A ll", "All", "All wards"])
def test_all_wards_read_through_extraction_damage(written):
    text = COVER.format(key="No") + f"\nWARDS/COMMUNITIES AFFECTED: {written}\n"
    (doc,) = parse_text(text, file="c.txt").documents
    assert doc.report.wards_affected[0] in ("All", "All wards")
