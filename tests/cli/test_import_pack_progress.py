"""``quorate import-pack`` shows progress within a file (reading, parsing its pages, each
document stored) on stderr, throttled; stdout stays clean for --json, and with --json on a
non-terminal no progress lines are printed at all."""

import json
import re
import sys

import pytest

from quorate.cli import main
from quorate.cli.commands import import_pack as command
from quorate.core.packtext import parse_text
from tests.importing.helpers import HCPB, seed_text

pytestmark = pytest.mark.django_db

STORED = {"agenda", "minutes", "action_tracker", "report"}
PROGRESS = re.compile(
    r"^quorate import-pack: .*: (reading|parsing|\d+ pages? parsed|stored|checked)"
)


@pytest.fixture
def paged_pack(tmp_path):
    """The Southampton HCPB pack (an agenda, its minutes and three report cover sheets) with
    a page break every 60 lines, as a long extraction would have."""
    lines = seed_text(HCPB).split("\n")
    pages = ["\n".join(lines[i : i + 60]) for i in range(0, len(lines), 60)]
    path = tmp_path / "hcpb-paged.txt"
    path.write_text("\f".join(pages), encoding="utf-8")
    documents = sum(1 for d in parse_text(path.read_text(), file="x").documents if d.kind in STORED)
    assert documents >= 3 and len(pages) >= 20
    return path, len(pages), documents


def run(capsys, *argv):
    code = main(["import-pack", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def progress_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if PROGRESS.match(line)]


def test_progress_lines_name_each_stage_and_each_document_stored(capsys, monkeypatch, paged_pack):
    monkeypatch.setattr(command, "PROGRESS_EVERY", 0.0)
    path, pages, documents = paged_pack
    code, out, err = run(capsys, str(path))
    assert code == 0 and out == ""
    lines = progress_lines(err)
    assert lines[0] == f"quorate import-pack: {path}: reading"
    assert lines[1] == f"quorate import-pack: {path}: parsing {pages} pages"
    assert (
        lines[2]
        == f"quorate import-pack: {path}: {pages} pages parsed, {documents} documents to store"
    )
    stored = [
        f"quorate import-pack: {path}: stored {n} of {documents} documents"
        for n in range(1, documents + 1)
    ]
    assert lines[3:] == stored
    # Progress comes before the file's result line and the summary.
    assert err.index(stored[-1]) < err.index(f"imported {path}: ")


def test_progress_lines_are_throttled(capsys, monkeypatch, paged_pack):
    path, _, _ = paged_pack
    # A file that imports within PROGRESS_EVERY prints no progress line: the clock stands
    # still, so however slow the machine running the test, the file took "no time".
    monkeypatch.setattr(command, "_clock", lambda: 100.0)
    code, out, err = run(capsys, str(path))
    assert code == 0 and out == ""
    assert progress_lines(err) == []
    assert f"imported {path}: " in err


def test_the_throttle_shows_a_line_at_most_every_few_seconds(monkeypatch, capsys):
    now = [0.0]
    within = command._WithinFile(
        None, terminal=False, lines=True, dry_run=True, clock=lambda: now[0]
    )
    path = command.Path("long.txt")
    within(path, "read", 0, 1)
    within(path, "parse", 0, 2000)
    for n in range(0, 301):
        now[0] = 3.0 + n * 0.05  # a document every 50 ms from 3 s in
        within(path, "store", n, 300)
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "quorate import-pack: long.txt: 2000 pages parsed, 300 documents to check"
    assert err[-1] == "quorate import-pack: long.txt: checked 300 of 300 documents"
    # 15 s of storing: a line every 2 s, plus the last document's.
    assert 7 <= len(err) <= 10
    # A new file waits again before its first line.
    within(command.Path("short.txt"), "read", 0, 1)
    within(command.Path("short.txt"), "store", 1, 1)
    assert capsys.readouterr().err == ""


def test_json_on_a_non_terminal_prints_no_progress_and_stdout_is_json(
    capsys, monkeypatch, paged_pack
):
    monkeypatch.setattr(command, "PROGRESS_EVERY", 0.0)
    path, _, _ = paged_pack
    code, out, err = run(capsys, str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["ok"] is True and data["files"][0]["file"] == str(path)
    assert progress_lines(err) == []


def test_json_on_a_terminal_shows_progress_on_stderr_and_keeps_stdout_json(
    capsys, monkeypatch, paged_pack
):
    monkeypatch.setattr(command, "REFRESH_EVERY", 0.0)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    path, _, documents = paged_pack
    code, out, err = run(capsys, str(path), "--json")
    assert code == 0
    data = json.loads(out)  # nothing but the JSON on stdout
    assert data["ok"] is True
    assert "import-pack" in err  # the bar
    assert f"stored {documents} of {documents} documents" in err
    assert "documents to store" in err
