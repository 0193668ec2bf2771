"""``quorate import-pack``: summary, JSON on stdout alone, dry run, clear errors."""

import json

import pytest

from quorate.audit.models import AuditEvent
from quorate.cli import main
from quorate.governance.models import Meeting
from tests.importing.helpers import HCPB, HWB, PORTSMOUTH, seed_path

pytestmark = pytest.mark.django_db


def run(capsys, *argv):
    code = main(["import-pack", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_pack_prints_progress_summary_and_warnings(capsys):
    code, out, err = run(capsys, str(seed_path(HCPB)))
    assert code == 0 and out == ""
    assert f"imported {seed_path(HCPB)}: " in err
    assert "created  updated  unchanged" in err
    assert "line 107: minute 3 approves the minutes" in err
    assert Meeting.objects.count() == 2


def test_import_pack_json_goes_to_stdout_alone(capsys):
    code, out, err = run(capsys, str(seed_path(HWB)), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "quorate-import/1" and data["ok"] is True
    assert data["counts"]["minutes"] == {"created": 6, "updated": 0, "unchanged": 0}
    assert data["files"][0]["warnings"][0]["line"]
    assert "created  updated" not in err  # the table is in the JSON


def test_import_pack_twice_changes_nothing(capsys):
    assert run(capsys, str(seed_path(HCPB)))[0] == 0
    before = AuditEvent.objects.count()
    code, out, _err = run(capsys, str(seed_path(HCPB)), "--json")
    assert code == 0 and AuditEvent.objects.count() == before
    counts = json.loads(out)["counts"]
    assert all(c["created"] == 0 and c["updated"] == 0 for c in counts.values())


def test_import_pack_dry_run_stores_nothing(capsys):
    code, _out, err = run(capsys, str(seed_path(HCPB)), "--dry-run")
    assert code == 0 and "Would import 1 of 1" in err
    assert AuditEvent.objects.count() == 0 and Meeting.objects.count() == 0


def test_import_pack_body_option_names_the_body(capsys):
    code, _, _ = run(
        capsys, str(seed_path(PORTSMOUTH)), "--body", "Portsmouth Health and Wellbeing Board"
    )
    assert code == 0
    assert Meeting.objects.get().body.name == "Portsmouth Health and Wellbeing Board"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("binary.txt", bytes(range(256)) * 4),
        ("not-a-pdf.pdf", b"Agenda and minutes, but plain text\n"),
    ],
)
def test_import_pack_bad_file_names_it_and_fails_without_traceback(capsys, tmp_path, name, content):
    bad = tmp_path / name
    bad.write_bytes(content)
    code, out, err = run(capsys, str(bad), str(seed_path(HCPB)))
    assert code == 1 and out == ""
    assert f"failed   {bad}" in err or f"failed   {bad}:" in err
    assert "Traceback" not in err
    assert "Imported 1 of 2 file(s)." in err  # the good file still imported
    assert Meeting.objects.count() == 2


def test_import_pack_missing_file_fails_cleanly(capsys, tmp_path):
    code, _out, err = run(capsys, str(tmp_path / "nowhere.txt"))
    assert code == 1 and "nowhere.txt" in err and "Traceback" not in err


def test_import_pack_reads_a_pdf(capsys, tmp_path):
    import weasyprint

    from quorate.governance.models import Report

    text = seed_path(PORTSMOUTH).read_text(encoding="utf-8")
    html = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    path = tmp_path / "report.pdf"
    weasyprint.HTML(string=f"<html><body>{html}</body></html>").write_pdf(path)
    code, _out, err = run(capsys, str(path), "--body", "Portsmouth Health and Wellbeing Board")
    assert code == 0, err
    assert Report.objects.get().for_information_only is True
    assert ", page 1: report " in err  # warnings cite the PDF page
