import datetime as dt

import pytest

from quorate.adapters.excel_observations import ObservationFileError, read_table, write_table


def test_xlsx_round_trip_keeps_numbers_dates_and_row_numbers(tmp_path):
    path = tmp_path / "figures.xlsx"
    write_table(
        path,
        ["Period", "Value", "Status"],
        [
            [dt.date(2023, 4, 1), 272.0, "actual"],
            [None, None, None],
            ["Q2 2023/24", "225.40*", None],
        ],
    )
    table = read_table(path)
    assert table.header == ("Period", "Value", "Status")
    assert table.header_row == 1
    assert [n for n, _ in table.rows] == [2, 4]  # the blank row 3 is skipped, numbering kept
    first = table.rows[0][1]
    assert first[0] == dt.datetime(2023, 4, 1) and first[1] == 272.0
    assert table.rows[1][1] == ("Q2 2023/24", "225.40*", None)


def test_csv_is_read_as_text_with_line_numbers(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(
        "\ufeffperiod,value\nQ1 2023/24,272.00*\n\nQ2 2023/24,225.40\n", encoding="utf-8"
    )
    table = read_table(path)
    assert table.header == ("period", "value")
    assert table.rows == ((2, ("Q1 2023/24", "272.00*")), (4, ("Q2 2023/24", "225.40")))


def test_csv_short_rows_are_padded_and_long_rows_refused(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text("period,value,status\n2023-04,5\n", encoding="utf-8")
    assert read_table(path).rows == ((2, ("2023-04", "5", None)),)
    path.write_text("period,value\n2023-04,5,extra\n", encoding="utf-8")
    with pytest.raises(ObservationFileError, match="row 2 has 3 cells but the header has 2"):
        read_table(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("figures.pdf", b"%PDF-1.7", "unsupported file type .pdf"),
        ("figures.xlsx", b"not a zip", "not a readable Excel workbook"),
        ("figures.csv", b"", "the file is empty"),
        ("figures.csv", b"\xff\xfe\x00bad", "not UTF-8"),
    ],
)
def test_unreadable_files_name_the_file_and_the_reason(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ObservationFileError, match=message) as err:
        read_table(path)
    assert str(path) in str(err.value)


def test_missing_file_and_missing_sheet(tmp_path):
    with pytest.raises(ObservationFileError, match="no such file"):
        read_table(tmp_path / "nope.csv")
    path = tmp_path / "figures.xlsx"
    write_table(path, ["period", "value"], [["2023-04", 1]])
    with pytest.raises(
        ObservationFileError, match="no sheet named 'Q3'; the sheets are Observations"
    ):
        read_table(path, sheet="Q3")
    assert read_table(path, sheet="Observations").rows[0][1] == ("2023-04", 1)
