"""Reading names as the papers write them: bodies, people, owners, progress, labels."""

import datetime as dt

import pytest

from quorate.core.packtext import Pack
from quorate.governance.models import Body
from quorate.importing import matching
from quorate.importing.actions import progress_entries
from quorate.importing.context import FileImport, ImportProblem
from quorate.importing.minutes import _labels
from quorate.people.models import Person


def _fi(text: str = "") -> FileImport:
    return FileImport(pack=Pack(file="t.txt"), raw_lines=[(t, None) for t in text.split("\n")])


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("SHADOW HEALTH AND WELLBEING BOARD", "health and wellbeing board"),
        ("Health & Wellbeing Board", "health and wellbeing board"),
        (
            "Southampton Health & Care Partnership Board",
            "southampton health and care partnership board",
        ),
        ("The Joint Commissioning Board", "joint commissioning board"),
    ],
)
def test_body_key_normalises_ampersand_shadow_and_case(printed, key):
    assert matching.body_key(printed) == key


def test_tidy_name_title_cases_capitals_only():
    assert matching.tidy_name("SHADOW HEALTH AND WELLBEING BOARD") == (
        "Shadow Health and Wellbeing Board"
    )
    assert matching.tidy_name("Joint Commissioning Board") == "Joint Commissioning Board"


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("Mortimore", "Moritimore", True),
        ("Sitaram", "Sitarum", True),
        ("Townsend", "Towsend", True),
        ("Chapman", "Chapman", False),
        ("Ward", "Wade", False),  # too short to call a slip
        ("Richards", "Richardson", False),
    ],
)
def test_one_letter_slips_in_family_names(a, b, near):
    assert matching._one_off(a, b) is near


@pytest.mark.django_db
def test_body_matching_by_name_short_name_place_and_shadow():
    hwb = Body.objects.create(
        name="Southampton Health and Wellbeing Board", short_name="HWB", slug="h", kind="hwb"
    )
    jcb = Body.objects.create(
        name="Joint Commissioning Board", short_name="JCB", slug="j", kind="other"
    )
    fi = _fi("Southampton City Council")
    assert matching.match_body("JCB", fi, line=1) == jcb
    assert matching.match_body("SHADOW HEALTH AND WELLBEING BOARD", fi, line=1) == hwb
    assert matching.match_body("Health & Wellbeing Board", fi, line=1) == hwb
    assert matching.match_body("Portsmouth Health and Wellbeing Board", fi, line=1) is None
    assert any("read as 'Southampton Health and Wellbeing Board'" in w.message for w in fi.warnings)


@pytest.mark.django_db
def test_a_name_without_its_place_never_borrows_another_councils_body():
    Body.objects.create(name="Southampton Health and Wellbeing Board", slug="s", kind="hwb")
    for text in ("", "Health and Care Portsmouth"):  # no place, or another place
        assert matching.match_body("Health & Wellbeing Board", _fi(text), line=1) is None
    with pytest.raises(ImportProblem, match="--body"):
        matching.body_named("Health & Wellbeing Board", _fi("Health and Care Portsmouth"), line=3)
    made = matching.body_named(
        "HEALTH AND WELLBEING BOARD",
        _fi("Portsmouth City Council\nPortsmouth City Council"),
        line=1,
    )
    assert made.name == "Portsmouth Health and Wellbeing Board"


def test_council_place_is_the_council_the_papers_name_most():
    fi = _fi(
        "Southampton City Council\nthe City Council\nSouthampton City Council\n"
        "Blackpool Borough Council"
    )
    assert matching.council_place(fi) == "Southampton"
    assert matching.council_place(_fi("Full Council and The City Council")) is None
    assert matching.council_place(_fi("Leeds City Council, Hull City Council")) is None
    assert matching.council_place(_fi("Stoke on Trent City Council")) == "Stoke on Trent"


@pytest.mark.django_db
def test_body_matching_refuses_to_guess_between_two_places():
    Body.objects.create(name="Southampton Health and Wellbeing Board", slug="s", kind="hwb")
    Body.objects.create(name="Portsmouth Health and Wellbeing Board", slug="p", kind="hwb")
    assert (
        matching.match_body("Health & Wellbeing Board", _fi("nothing local here"), line=3) is None
    )
    with pytest.raises(ImportProblem, match=r"could be any of .*--body"):
        matching.body_named("Health & Wellbeing Board", _fi("nothing local here"), line=3)
    found = matching.match_body(
        "Health & Wellbeing Board", _fi("Health and Care Portsmouth"), line=3
    )
    assert found.name.startswith("Portsmouth")


@pytest.mark.django_db
def test_person_matching_fills_in_without_duplicating_or_borrowing_initials():
    fi = _fi()
    kelsey = matching.person("Dr Kelsey", fi, line=1)
    assert matching.person("Dr Mark Kelsey", fi, line=2, initials="MK") == kelsey
    kelsey.refresh_from_db()
    assert (kelsey.given_name, kelsey.initials) == ("Mark", "MK")
    house = matching.person("James House", fi, line=3, initials="JH")
    hayward = matching.person("Jane Hayward", fi, line=4, initials="JH")
    assert hayward != house and hayward.initials == "JH"
    mortimore = matching.person("Dr A Mortimore", fi, line=5)
    assert matching.person("Dr A Moritimore", fi, line=6) == mortimore
    assert Person.objects.count() == 4


@pytest.mark.django_db
def test_owners_resolve_against_the_attendance_first():
    fi = _fi()
    ramsey = matching.person("Stephanie Ramsey", fi, line=1, initials="SR")
    letts = matching.person("Councillor Simon Letts", fi, line=2, initials="Cllr Letts")
    known = matching.known_people(
        [("Stephanie Ramsey", "SR", ramsey), ("Councillor Simon Letts", "Cllr Letts", letts)]
    )
    assert matching.owners("Cllr Letts SR", known, fi, line=3) == [letts, ramsey]
    assert matching.owners("SR/XY", known, fi, line=4) == [ramsey]
    assert any("'XY'" in w.message and w.line == 4 for w in fi.warnings)


def test_progress_entries_dated_and_undated():
    assert progress_entries("08/02/2018 - Ongoing")[0].on == dt.date(2018, 2, 8)
    two = progress_entries("08/02/2018 - Ongoing 12/04/2018 - Complete")
    assert [(e.on, e.status) for e in two] == [
        (dt.date(2018, 2, 8), "Ongoing"),
        (dt.date(2018, 4, 12), "Complete"),
    ]
    (undated,) = progress_entries("Complete - No further action needed")
    assert (undated.on, undated.status) == (None, "Complete - No further action needed")
    assert progress_entries(None) == []


def test_resolution_labels_as_printed_or_numbered():
    text = "RESOLVED\n- i. That the strategy be approved; and\n- ii. That authority be delegated."
    assert _labels(text, 2) == ["i", "ii"]
    assert _labels("RESOLVED\n(a) one\n(b) two", 2) == ["a", "b"]
    assert _labels("RESOLVED that the minutes be approved.", 1) == ["i"]
