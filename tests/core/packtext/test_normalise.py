"""Extraction noise: split words, page furniture, stray symbols; line numbers kept."""

from __future__ import annotations

import pytest

from quorate.core.packtext.normalise import normalise, normalise_line


@pytest.mark.parametrize(
    ("raw", "cells"),
    [
        (
            "1.\tWelcor\tme and Apologies\t\t\tAction:",
            ("1.", "Welcome and Apologies", "", "", "Action:"),
        ),
        ("Welcor me and Apo logies", ("Welcome and Apologies",)),
        ("The Membe rs were welcomed", ("The Members were welcomed",)),
        ("\tApologi\tiies were noted and ac\tccepted.", ("", "Apologies were noted and accepted.")),
        (
            "3.\tMinute\ts of the previous (P\tublic) meetii\tng",
            ("3.", "Minutes of the previous (Public) meeting"),
        ),
        ("KEY DE\tKEY DECISION?\tNo", ("KEY DECISION?", "No")),
        ("RECON\tIMENDA\tTIONS:", ("RECOMMENDATIONS:",)),
        (
            "DECISION-MAP\t(ER:\tHEALTH AND WELLBEING BOAF\tRD",
            ("DECISION-MAKER:", "HEALTH AND WELLBEING BOARD"),
        ),
        ("CIIr Letts SR", ("Cllr Letts SR",)),
        ("<u>DECLARATIONS OF INTEREST</u>", ("DECLARATIONS OF INTEREST",)),
        ("4 **STATEMENT FROM THE CHAIR**", ("4 STATEMENT FROM THE CHAIR",)),
    ],
)
def test_normalise_line_repairs_split_words_and_markup(raw, cells):
    assert normalise_line(raw) == cells


@pytest.mark.parametrize(
    "raw",
    ["Page 12", "This page is intentionally left blank", "  ", "\u2022", "Z.", "---\t--"],
)
def test_normalise_line_blanks_page_furniture(raw):
    assert normalise_line(raw) == ()


def test_normalise_line_leaves_ordinary_words_alone():
    text = "To approve and sign as a correct record the minutes of the meeting"
    assert normalise_line(text) == (text,)
    assert normalise_line("Council\tORG SCC") == ("Council", "ORG SCC")


def test_normalise_line_drops_trailing_page_footer():
    assert normalise_line("RESOURCE IMPLICATIONS N/a Page 12") == ("RESOURCE IMPLICATIONS N/a",)


def test_normalise_keeps_line_numbers_and_pages():
    lines = normalise(["one\nPage 1", "two\n\n5\n\nthree"], numbered_pages=True)
    assert [(x.no, x.page, x.text) for x in lines] == [
        (1, 1, "one"),
        (2, 1, ""),
        (3, 2, "two"),
        (4, 2, ""),
        (5, 2, ""),
        (6, 2, ""),
        (7, 2, "three"),
    ]
