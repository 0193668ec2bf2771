"""``quorate import-observations FILE --indicator SLUG``."""

import datetime as dt
import json
from decimal import Decimal as D

import pytest

from quorate.adapters.excel_observations import write_table
from quorate.cli import main
from quorate.performance import services
from quorate.performance.models import Observation
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator():
    return services.save_indicator(
        name="Falls",
        slug="bcf-falls",
        unit="rate_per_100k",
        polarity="lower",
        frequency="quarterly",
    )


def test_import_reports_progress_and_a_summary_on_stderr(indicator, tmp_path, capsys):
    meeting = f.meeting(slug="2024-01-25-hcpb", date=dt.date(2024, 1, 25))
    path = tmp_path / "falls.xlsx"
    write_table(
        path,
        ["Period", "Planned", "Actual", "Status"],
        [
            ["Q1 2023/24", 752.64, "743.60*", "actual"],
            ["Q2 2023/24", 752.64, "762.70*", "actual"],
            ["Q3 2023/24", 752.64, "Data not available to report at this time", "estimate"],
        ],
    )
    code = main(
        [
            "import-observations",
            str(path),
            "--indicator",
            "bcf-falls",
            "--meeting",
            "2024-01-25-hcpb",
            "--recorded-on",
            "2024-01-17",
            "--json",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert json.loads(out) == {
        "indicator": "bcf-falls",
        "rows": 3,
        "new_revisions": 3,
        "unchanged": 0,
        "planned_values": 3,
    }
    assert "read 3 rows from falls.xlsx" in err
    assert "3 rows: 3 new or revised figures, 0 unchanged, 3 planned values" in err
    q1 = Observation.objects.get(period_start=dt.date(2023, 4, 1))
    assert (q1.value, q1.footnote_marker, q1.reported_to) == (D("743.60"), "*", meeting)
    assert q1.recorded_at.date() == dt.date(2024, 1, 17)


def test_bad_rows_are_listed_and_nothing_is_stored(indicator, tmp_path, capsys):
    path = tmp_path / "falls.csv"
    path.write_text(
        "period,value,status\nQ1 2023/24,743.60,actual\nQ5 2023/24,1,actual\n"
        "Q2 2023/24,lots,guess\n",
        encoding="utf-8",
    )
    code = main(["import-observations", str(path), "--indicator", "bcf-falls"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert f"{path}: row 3, column period:" in err
    assert f"{path}: row 4, column value: 'lots' is not a number" in err
    assert f"{path}: row 4, column status: 'guess' is not a status" in err
    assert "3 problem(s) found; nothing was imported" in err
    assert Observation.objects.count() == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--indicator", "nope"], "no indicator with slug 'nope'"),
        (["--indicator", "bcf-falls", "--meeting", "nope"], "no meeting 'nope'"),
    ],
)
def test_unknown_indicator_or_meeting_is_an_error(indicator, tmp_path, capsys, args, message):
    path = tmp_path / "falls.csv"
    path.write_text("period,value\nQ1 2023/24,1\n", encoding="utf-8")
    assert main(["import-observations", str(path), *args]) == 2
    assert message in capsys.readouterr().err


def test_unreadable_file_names_the_file(indicator, tmp_path, capsys):
    path = tmp_path / "falls.ods"
    path.write_bytes(b"x")
    assert main(["import-observations", str(path), "--indicator", "bcf-falls"]) == 2
    assert f"{path}: unsupported file type .ods" in capsys.readouterr().err


def test_help_describes_the_columns(capsys):
    with pytest.raises(SystemExit):
        main(["import-observations", "--help"])
    assert "data not available" in capsys.readouterr().out
