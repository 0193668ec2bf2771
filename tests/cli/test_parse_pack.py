"""``quorate parse-pack``: JSON valid against the schema, a readable summary, clear errors."""

from __future__ import annotations

import json
import sys

import jsonschema
import pytest
import weasyprint

from quorate.cli import main
from tests.core.packtext.helpers import schema, seeds_dir

SEED = "001_9d9a3078e33fd8b3.txt"


def _seed(name):
    path = seeds_dir() / name
    if not path.exists():
        pytest.skip(f"seed {path} not available")
    return path


def test_parse_pack_json_is_valid_and_alone_on_stdout(capsys):
    assert main(["parse-pack", str(_seed(SEED)), "--json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert [d["kind"] for d in data["documents"]][:3] == ["agenda", "minutes", "action_tracker"]
    assert "warning" in err and SEED in err


def test_parse_pack_summary_is_readable(capsys):
    assert main(["parse-pack", str(_seed("004_146fb3683b77188c.txt"))]) == 0
    out = capsys.readouterr().out
    assert "Agenda front sheet: Health and Wellbeing Board" in out
    assert (
        "RESOLVED: That the proposed measures for the Quality Premium 2013/14 be approved; and"
        in out
    )


def test_parse_pack_reads_a_pdf_and_reports_pages(tmp_path, capsys):
    text = _seed("003_451b4cef736ae012.txt").read_text(encoding="utf-8")
    html = "".join(
        "<table><tr>"
        + "".join(f"<td style='padding-right:30px'>{c}</td>" for c in line.split("\t"))
        + "</tr></table>"
        if "\t" in line
        else f"<p>{line}</p>"
        for line in text.splitlines()
        if line.strip()
    )
    path = tmp_path / "report.pdf"
    weasyprint.HTML(string=f"<html><body>{html}</body></html>").write_pdf(path)
    assert main(["parse-pack", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert data["pages"] >= 1
    report = data["documents"][0]["report"]
    assert report["meeting_title"] == "Health & Wellbeing Board"
    assert report["for_information_only"] is True


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\xff\x00\xfe" * 10, "binary"),
        ("fake.pdf", b"hello", "not a PDF"),
        ("blank.txt", b"\n\n   \n\t\n", "empty"),
    ],
)
def test_parse_pack_bad_input_exits_2_naming_the_file(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["parse-pack", str(path), "--json"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert name in err and message in err
    assert "Traceback" not in err


def test_parse_pack_missing_file(tmp_path, capsys):
    assert main(["parse-pack", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt: no such file" in capsys.readouterr().err


def test_parse_pack_truncated_table_gives_partial_parse_with_warnings(tmp_path, capsys):
    path = tmp_path / "cut.txt"
    full = _seed(SEED).read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(full[:240]) + "\n3\t08/03/2018\tRSH Fut", encoding="utf-8")
    assert main(["parse-pack", str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    tracker = data["documents"][-1]
    assert tracker["kind"] == "action_tracker"
    assert len(tracker["actions"]) == 3
    assert any(w["line"] == 241 for w in data["warnings"])
    assert "line 241" in err


def test_parse_pack_does_not_import_django(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Meeting Minutes\n\nPresent: Dr A Smith\n\n1. Welcome\n", encoding="utf-8")
    before = set(sys.modules)
    main(["parse-pack", str(path)])
    assert not any(m == "django" or m.startswith("django.") for m in set(sys.modules) - before)


@pytest.mark.slow
def test_parse_pack_two_thousand_page_pdf(tmp_path, capsys):
    from tests.adapters.test_textextract import _pdf_with_pages

    path = tmp_path / "big.pdf"
    _pdf_with_pages(path, 2000)
    assert main(["parse-pack", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["pages"] == 2000
    assert data["documents"][0]["line_end"] >= 2000


def test_parse_pack_says_what_is_not_for_publication(capsys, tmp_path):
    path = tmp_path / "conf.txt"
    path.write_text(
        "Agenda Item 9\n\nDECISION-MAKER:\tCabinet\nSUBJECT:\tHightown Disposal\n"
        "DATE OF DECISION:\t14 March 2024\n\nSTATEMENT OF CONFIDENTIALITY\n\n"
        "This report is not for publication by virtue of paragraph 3 of Part 1 of "
        "Schedule 12A of the Local Government Act 1972.\n\nBRIEF SUMMARY\n\nBids.\n",
        encoding="utf-8",
    )
    assert main(["parse-pack", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Not for publication: (exempt, paragraph 3 of Schedule 12A)" in out
