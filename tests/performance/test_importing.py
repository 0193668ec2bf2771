import datetime as dt
from decimal import Decimal as D

import pytest

from quorate.performance.importing import ImportFailed, RawRow, check_header, parse_rows, raw_rows


def rows(*cells_list):
    return [RawRow(n, cells) for n, cells in enumerate(cells_list, start=2)]


def test_parse_rows_reads_values_as_printed_with_markers_and_not_available():
    parsed = parse_rows(
        rows(
            {"period": "Q1 2023/24", "value": "272.00*", "planned": "218.41"},
            {"period": "Q2 2023/24", "value": 225.4, "status": "Provisional"},
            {"period": "Q3 2023/24", "value": "Data not available to report at this time"},
            {"period": "Q4 2023/24", "value": "***", "footnote": "Manually collected"},
        ),
        frequency="quarterly",
        unit="rate_per_100k",
    )
    q1, q2, q3, q4 = parsed
    assert (q1.period_start, q1.value, q1.footnote_marker, q1.planned) == (
        dt.date(2023, 4, 1),
        D("272.00"),
        "*",
        D("218.41"),
    )
    assert (q2.value, q2.status) == (D("225.4"), "provisional")
    assert q3.not_available and q3.not_available_text.startswith("Data not available")
    assert q4.not_available and q4.footnote_marker == "***" and q4.footnote == "Manually collected"


def test_parse_rows_reads_percentages_money_and_planned_only_rows():
    pct = parse_rows(
        rows({"period": "2023-04", "value": "95.31%"}), frequency="monthly", unit="percentage"
    )
    assert pct[0].value == D("95.31")
    gbp = parse_rows(
        rows({"period": "2023/24", "value": "-£1,234.50"}), frequency="annual", unit="gbp"
    )
    assert gbp[0].value == D("-1234.50")
    plan = parse_rows(
        rows({"period": "2024/25", "value": None, "planned": "75"}),
        frequency="annual",
        unit="count",
    )
    assert plan[0].planned == D(75) and not plan[0].has_observation


def test_parse_rows_lists_every_problem_by_row_and_column():
    with pytest.raises(ImportFailed) as failed:
        parse_rows(
            rows(
                {"period": "Q1 2023/24", "value": "12"},
                {"period": "Q5 2023/24", "value": "12"},
                {"period": "Q2 2023/24", "value": "twelve"},
                {"period": "Q3 2023/24", "value": "12", "status": "guess"},
                {"period": "Q1 2023/24", "value": "13"},
                {"period": "Q4 2023/24", "value": "12%"},
                {"period": "Q4 2023/24", "value": ""},
            ),
            frequency="quarterly",
            unit="count",
        )
    found = [(e.row, e.column) for e in failed.value.errors]
    assert found == [
        (3, "period"),
        (4, "value"),
        (5, "status"),
        (6, "period"),
        (7, "value"),
        (8, "value"),
    ]
    messages = [str(e) for e in failed.value.errors]
    assert messages[1] == "row 4, column value: 'twelve' is not a number"
    assert "already given in row 2" in messages[3]
    assert "is a percentage but the unit is count" in messages[4]
    assert "empty; write a number or 'data not available'" in messages[5]


def test_header_aliases_and_errors():
    assert check_header(["Period", "Actual", "Planned", "Note"]) == [
        "period",
        "value",
        "planned",
        "footnote",
    ]
    with pytest.raises(ImportFailed) as failed:
        check_header(["When", "Value", "Value"])
    assert [str(e) for e in failed.value.errors] == [
        "row 1, column When: unknown column; use period, value, status, planned, footnote",
        "row 1, column Value: this column appears twice",
        "row 1, column period: the file has no 'period' column",
    ]


def test_raw_rows_keys_cells_by_column():
    got = raw_rows(["Period", "Value"], [(2, ["2023-04", 5]), (3, ["2023-05", None])])
    assert got[1] == RawRow(3, {"period": "2023-05", "value": None})


def test_a_file_without_data_rows_is_refused():
    with pytest.raises(ImportFailed, match="no data rows"):
        parse_rows([], frequency="monthly", unit="count")
