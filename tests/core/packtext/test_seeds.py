"""The parser against the seeds: expected JSON written by reading each seed, compared
field by field (tests/fixtures/packs/seed_NNN.expected.json)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from quorate.core.packtext import parse_text, to_json
from tests.core.packtext.helpers import FIXTURES, compare, schema, seeds_dir

EXPECTED = sorted(FIXTURES.glob("seed_*.expected.json"))


def _parse(name: str) -> dict:
    path = seeds_dir() / name
    if not path.exists():
        pytest.skip(f"seed {path} not available (set QUORATE_SHARED_DIR)")
    return to_json(parse_text(path.read_text(encoding="utf-8"), file=name))


@pytest.mark.parametrize("fixture", EXPECTED, ids=[p.stem for p in EXPECTED])
def test_seed_matches_expected_fields(fixture):
    expected = json.loads(fixture.read_text(encoding="utf-8"))
    actual = _parse(expected["seed"])
    by_start = {d["line_start"]: d for d in actual["documents"]}
    diffs: list[str] = []
    for doc in expected["documents"]:
        found = by_start.get(doc["line_start"])
        if found is None:
            starts = [(d["kind"], d["line_start"]) for d in actual["documents"]]
            diffs.append(f"no document starts at line {doc['line_start']}; found {starts}")
            continue
        diffs.extend(compare(doc, found, f"document@{doc['line_start']}"))
    if "document_count" in expected:
        diffs.extend(compare(expected["document_count"], len(actual["documents"]), "$.count"))
    if "document_kinds" in expected:
        kinds = [d["kind"] for d in actual["documents"]]
        diffs.extend(compare(expected["document_kinds"], kinds, "$.kinds"))
    assert not diffs, f"{fixture.name}: {len(diffs)} difference(s):\n" + "\n".join(diffs)


def test_fixtures_cover_the_four_seeds():
    names = {p.name for p in EXPECTED}
    assert {f"seed_{n}.expected.json" for n in ("000", "001", "003", "004")} <= names


@pytest.mark.parametrize(
    "name",
    [
        "000_86f769276ee453c6.txt",
        "001_9d9a3078e33fd8b3.txt",
        "002_5fd7cd9afeee859d.txt",
        "003_451b4cef736ae012.txt",
        "004_146fb3683b77188c.txt",
    ],
)
def test_seed_output_is_valid_against_schema(name):
    jsonschema.Draft202012Validator(schema()).validate(_parse(name))


def test_interest_categories_and_meeting_dates_are_not_agenda_items():
    doc = _parse("004_146fb3683b77188c.txt")["documents"][0]
    titles = [i["title"] for i in doc["agenda_items"]]
    assert len(titles) == 7
    assert not any("employment" in t.lower() or "january" in t.lower() for t in titles)
    agenda_001 = _parse("001_9d9a3078e33fd8b3.txt")["documents"][0]
    assert [i["number"] for i in agenda_001["agenda_items"]] == [str(n) for n in range(1, 11)]
