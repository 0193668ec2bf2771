"""Importing a file: every row checked first; a bad file stores nothing."""

import datetime as dt
from decimal import Decimal as D

import pytest

from quorate.adapters.excel_observations import write_table
from quorate.audit.models import AuditEvent
from quorate.performance import services
from quorate.performance.importing import ImportFailed
from quorate.performance.models import Observation, PlannedValue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_good_file_stores_planned_and_actual_values(indicator, tmp_path, suffix):
    path = tmp_path / f"bcf{suffix}"
    write_table(
        path,
        ["Period", "Planned", "Value", "Status", "Footnote"],
        [
            ["Q1 2023/24", "218.41", "272.00*", "actual", "SUS figures change"],
            ["Q2 2023/24", 200.45, 225.4, None, None],
            ["Q3 2023/24", "249.19", "213.00", "estimate", None],
        ],
    )
    summary = services.import_observations_file(indicator, path, actor="test")
    assert (summary.rows, summary.new_revisions, summary.planned_values) == (3, 3, 3)
    q1 = Observation.objects.get(period_start=dt.date(2023, 4, 1))
    assert (q1.value, q1.footnote_marker, q1.footnote) == (D("272.00"), "*", "SUS figures change")
    assert q1.source == f"test bcf{suffix} row 2"
    assert Observation.objects.get(period_start=dt.date(2023, 10, 1)).status == "estimate"
    assert PlannedValue.objects.get(period_start=dt.date(2023, 7, 1)).value == D("200.45")
    again = services.import_observations_file(indicator, path, actor="test")
    assert (again.new_revisions, again.unchanged) == (0, 3)


def test_a_bad_row_stores_nothing_at_all(indicator, tmp_path):
    path = tmp_path / "bcf.xlsx"
    write_table(
        path,
        ["period", "planned", "value"],
        [["Q1 2023/24", "218.41", "272.00"], ["Q2 2023/24", "200.45", "lots"]],
    )
    events = AuditEvent.objects.count()
    with pytest.raises(ImportFailed) as failed:
        services.import_observations_file(indicator, path)
    assert [str(e) for e in failed.value.errors] == ["row 3, column value: 'lots' is not a number"]
    assert Observation.objects.count() == 0 and PlannedValue.objects.count() == 0
    assert AuditEvent.objects.count() == events


def test_a_failure_while_storing_rolls_back_the_rows_before_it(indicator, tmp_path):
    services.record_observation(
        indicator,
        period_start=dt.date(2023, 7, 1),
        value="1",
        recorded_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC),
    )
    path = tmp_path / "bcf.csv"
    write_table(path, ["period", "value"], [["Q1 2023/24", "5"], ["Q2 2023/24", "6"]])
    with pytest.raises(Exception, match="in time order"):
        services.import_observations_file(indicator, path)
    assert Observation.objects.count() == 1
