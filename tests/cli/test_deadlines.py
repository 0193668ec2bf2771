"""``quorate deadlines``: the contract in CONTRACTS.md."""

import json
import subprocess
import sys

import pytest

from quorate.cli import main


def run(capsys, *argv):
    code = main(["deadlines", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("meeting", "publish_by", "notice_by"),
    [
        ("2024-01-25", "2024-01-17", "2023-12-27"),
        ("2018-06-11", "2018-06-01", "2018-05-13"),
        ("2013-05-29", "2013-05-20", "2013-04-30"),
    ],
)
def test_deadlines_json_seed_dates(capsys, meeting, publish_by, notice_by):
    code, out, err = run(capsys, "--meeting-date", meeting, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["meeting_date"] == meeting
    assert data["publish_by"] == publish_by
    assert data["key_decision_notice_by"] == notice_by
    assert data["private_meeting_notice_by"] == notice_by


def test_deadlines_json_clear_days_option(capsys):
    code, out, _ = run(capsys, "--meeting-date", "2024-01-25", "--clear-days", "10", "--json")
    assert code == 0
    assert json.loads(out)["publish_by"] == "2024-01-10"


def test_deadlines_readable_lines(capsys):
    code, out, _ = run(capsys, "--meeting-date", "2013-05-29")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Meeting:", "Wed", "29", "May", "2013", "2013-05-29"]
    assert "Publish agenda and reports by:" in lines[1]
    assert "Mon 20 May 2013" in lines[1] and "(5 clear working days)" in lines[1]
    assert any(line.startswith("Key decision notice by:") for line in lines)


@pytest.mark.parametrize("bad", ["2024-13-01", "25/01/2024", "2024-02-30", "tomorrow", "20240125"])
def test_deadlines_bad_date_names_the_field(capsys, bad):
    code, out, err = run(capsys, "--meeting-date", bad, "--json")
    assert code == 2
    assert out == ""
    assert "--meeting-date" in err


def test_deadlines_negative_clear_days_names_the_option(capsys):
    code, out, err = run(capsys, "--meeting-date", "2024-01-25", "--clear-days", "-1")
    assert code == 2 and out == ""
    assert "--clear-days" in err


def test_deadlines_missing_meeting_date_is_an_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["deadlines"])
    assert exc.value.code != 0
    assert "--meeting-date" in capsys.readouterr().err


def test_deadlines_help_works(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["deadlines", "--help"])
    assert exc.value.code == 0
    assert "--meeting-date" in capsys.readouterr().out


def test_deadlines_command_does_not_load_django():
    code = (
        "import sys, quorate.cli.commands.deadlines as d; "
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
